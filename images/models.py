"""Pictures for public pages, with their text in both languages."""

from django.db import models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.models import OriginalLanguageModel, now, original_required
from core.querysets import SlugQuerySet
from images import processing, renditions


class Image(OriginalLanguageModel):
    """One picture that content shows: a park's photo, an article's lead image.

    Content models point to it with a nullable ``image`` foreign key and render
    it with ``{% include "includes/figure.html" with image=obj.image %}``; one
    Image may be used by several objects. The stored file has passed
    ``processing.check_image`` (JPEG/PNG/WebP by content, size and pixel limits)
    and was re-encoded upright without metadata. Not for site graphics such as
    logos, which belong in ``static/``.
    """

    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        blank=True,
        help_text=_("Identifies the image in fixtures; filled from the file name when left empty."),
    )
    file = models.FileField(
        _("file"),
        upload_to="images/%Y/%m/",
        max_length=200,
        validators=[processing.validate_image_file],
        help_text=_("JPEG, PNG or WebP, at most 10 MB. Location and camera data are removed on upload."),
    )
    width = models.PositiveIntegerField(_("width"), default=0, editable=False)
    height = models.PositiveIntegerField(_("height"), default=0, editable=False)
    alt = models.CharField(
        _("alternative text"),
        max_length=250,
        help_text=_("What the picture shows, for people who cannot see it. Required in English."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True, help_text=_("Who made the picture."))
    # [{"width": 480, "height": 270, "webp": "<name>", "jpeg": "<name>"}, …]: see renditions.py.
    renditions = models.JSONField(_("renditions"), default=list, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=now, editable=False)
    updated_at = models.DateTimeField(_("updated"), default=now, editable=False)

    objects = SlugQuerySet.as_manager()
    required_text = ("alt",)  # in the original language

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")
        constraints = original_required("image", "alt")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # What is in storage now, to clean up after a replacement.
        self._stored_name = self.file.name if "file" in self.__dict__ else None
        self._stored_renditions = list(self.renditions) if "renditions" in self.__dict__ else []

    def __str__(self):
        return self.alt or self.slug

    def save(self, *args, **kwargs):
        self.updated_at = now()
        new_upload = bool(self.file) and not self.file._committed
        if new_upload:
            cleaned = processing.clean_image(self.file, self.file.name)
            self.file = cleaned.content
            self.width, self.height = cleaned.width, cleaned.height
            self.renditions = []
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)
        if new_upload:
            self._forget_old_files()
            self.renditions = renditions.generate(self)
            type(self).objects.filter(pk=self.pk).update(renditions=self.renditions)
            self._stored_name, self._stored_renditions = self.file.name, list(self.renditions)

    def natural_key(self):
        return (self.slug,)

    def ensure_renditions(self) -> bool:
        """Make renditions that are missing (for rows that came by loaddata).
        Returns True when the stored list changed."""
        wanted = renditions.generate(self)
        if wanted == self.renditions:
            return False
        self.renditions = wanted
        type(self).objects.filter(pk=self.pk).update(renditions=wanted)
        return True

    def _forget_old_files(self):
        old_name, old_renditions = self._stored_name, self._stored_renditions
        if old_name and old_name != self.file.name:
            storage = self.file.storage
            # Only once the replacement is committed: a rollback keeps the old files.
            transaction.on_commit(lambda: delete_files(storage, old_name, old_renditions))

    def _unique_slug(self):
        base = slugify(self.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0])[:70] or "image"
        slug, n = base, 2
        while type(self).objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    # --- what templates use (no file access: names and sizes are on the row) ---

    def _srcset(self, kind):
        storage = self.file.storage
        return ", ".join(f"{storage.url(r[kind])} {r['width']}w" for r in self.renditions if r.get(kind))

    @property
    def webp_srcset(self):
        return self._srcset("webp")

    @property
    def jpeg_srcset(self):
        return self._srcset("jpeg")

    @property
    def fallback(self):
        """The rendition for browsers that ignore srcset: the widest up to 960 px."""
        fitting = [r for r in self.renditions if r["width"] <= 960] or self.renditions[:1]
        return fitting[-1] if fitting else None

    @property
    def src(self):
        fallback = self.fallback
        return self.file.storage.url(fallback["jpeg"]) if fallback else self.file.url

    @property
    def src_width(self):
        return self.fallback["width"] if self.fallback else self.width

    @property
    def src_height(self):
        return self.fallback["height"] if self.fallback else self.height


def delete_files(storage, name, rendition_list):
    renditions.delete(rendition_list, storage)
    if name:
        storage.delete(name)
