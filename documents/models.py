"""Policies, forms and reports published as files (政策文件), in English and Chinese."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.gone import ExpiryMixin, expiry_field
from core.i18n import languages
from core.models import ContentModel, now, original_required
from documents import validation
from documents.managers import DocumentQuerySet


def stored_name(instance, filename):
    """A random name under documents/: the address of a file is never guessable, so the only
    way to it is the download view, which applies ``published()`` (a draft's file is a 404)."""
    kind = validation.KINDS.get(instance.file_kind)
    extension = kind.extensions[0] if kind else ""
    return f"documents/{secrets.token_hex(16)}{extension}"


class Document(ExpiryMixin, ContentModel):
    """One published file: a policy, an application form, an annual report. Visitors see it, and
    may download its file, only once published and due (``Document.objects.published()``)."""

    url_name = "documents:detail"

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        # Taken off the public site: its address answers 410 Gone (core/gone.py).
        WITHDRAWN = "withdrawn", _("Withdrawn")

    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), max_length=2000, blank=True, help_text=_("Plain text."))
    issuing_body = models.CharField(
        _("issuing body"), max_length=200, blank=True, help_text=_("Who issued it, e.g. Suqian Municipal Government.")
    )
    number = models.CharField(
        _("document number"),
        max_length=100,
        blank=True,
        help_text=_("As printed on the document, e.g. 宿政发〔2023〕12号."),
    )
    file = models.FileField(
        _("file"),
        upload_to=stored_name,
        max_length=200,
        validators=[validation.validate_document_file],
        help_text=_("PDF, DOCX, XLSX, ODT, ODS or OFD. Checked by its content; macros and scripts are refused."),
    )
    # What the upload was, kept when it was checked: the download's name and Content-Type, and
    # the "PDF, 1.2 MB" next to every link, without opening storage.
    file_name = models.CharField(_("file name"), max_length=255, editable=False, default="")
    file_kind = models.CharField(_("file type"), max_length=10, choices=validation.KIND_CHOICES, editable=False)
    file_size = models.PositiveBigIntegerField(_("file size"), default=0, editable=False)
    published_at = models.DateTimeField(_("publication time"), default=now, db_index=True)
    expires_at = expiry_field()
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    parks = models.ManyToManyField("parks.Park", blank=True, related_name="documents", verbose_name=_("parks"))
    sources = models.ManyToManyField("facts.Source", blank=True, related_name="documents", verbose_name=_("sources"))

    objects = DocumentQuerySet.as_manager()
    search_weights = {"title": 3, "number": 3, "issuing_body": 2, "description": 1}
    required_text = ("title",)  # in the original language
    slug_source = "title"

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = original_required("document", "title")
        indexes = [models.Index(fields=["status", "-published_at"], name="document_public_idx")]
        permissions = [("publish_document", _("Can publish documents and change their publication time"))]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # What is in storage now, removed once a replacement is committed (documents/signals.py).
        self._stored_name = self.file.name if self.pk and "file" in self.__dict__ else None

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.published_at = self.published_at.replace(microsecond=0)
        self.prepare_upload()
        super().save(*args, **kwargs)

    def prepare_upload(self):
        """For a file just chosen (not yet stored): its kind, size and name, checked again here
        (the admin's validator ran already), from the content that is saved, whatever path it
        arrived by. Called before the file is stored: by save(), and by the review workflow, which
        stores it with the revision (core/workflow/snapshot.py)."""
        if self.file and not self.file._committed:
            kind = validation.detect(self.file, self.file.name)
            self.file_kind, self.file_size = kind.key, self.file.size
            self.file_name = self.file.name.rsplit("/", 1)[-1][:255]

    @property
    def kind(self):
        return validation.KINDS.get(self.file_kind)

    @property
    def is_translation(self):
        return languages.written() != self.original_language
