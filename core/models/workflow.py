"""The review workflow's records (信息发布审核, core/workflow/): a revision waiting for review, and
the audit trail of what happened to each item. Neither is content: saving them renews no page."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import now


class Revision(models.Model):
    """An item as an editor saved it, waiting to replace the live version (or to become a new
    item, ``object_id`` empty): the form's fields (``data``: each field's ``attname`` and its
    value as a string, many-to-many links as lists of keys). Visitors never see it; signing it
    off writes it to the live row (core.workflow.sign_off).

    ``version`` goes up with every change, so an action taken on a page opened before that change
    is refused (optimistic locking). ``editors`` are everyone who saved it: none of them, nor its
    submitter, may approve it (four eyes)."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        AWAITING_SIGN_OFF = "sign_off", _("Awaiting sign-off")
        REJECTED = "rejected", _("Rejected")
        PUBLISHED = "published", _("Published")

    OPEN = (State.DRAFT, State.IN_REVIEW, State.AWAITING_SIGN_OFF, State.REJECTED)
    WAITING = (State.IN_REVIEW, State.AWAITING_SIGN_OFF)

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("content type")
    )
    object_id = models.PositiveBigIntegerField(_("object id"), null=True, blank=True)
    object_repr = models.CharField(_("item"), max_length=200)
    data = models.JSONField(_("data"), default=dict, encoder=DjangoJSONEncoder)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    version = models.PositiveIntegerField(_("version"), default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(_("created"), default=now)
    updated_at = models.DateTimeField(_("updated"), default=now)
    editors = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+", verbose_name=_("edited by"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("last changed by"),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    # The latest rejection's reason, shown to the writer at the top of the form.
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["-updated_at", "-pk"]
        constraints = [
            # One open revision per item: everyone edits the same pending change.
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=Q(state__in=["draft", "in_review", "sign_off", "rejected"], object_id__isnull=False),
                name="revision_one_open_per_item",
            )
        ]
        indexes = [models.Index(fields=["state", "content_type"], name="revision_state_idx")]
        permissions = [
            ("review_revision", _("Can review revisions (first step)")),
            ("sign_off_revision", _("Can sign off revisions and withdraw items")),
        ]

    def __str__(self):
        return self.object_repr

    @property
    def model(self):
        return self.content_type.model_class()

    @property
    def is_open(self):
        return self.state in self.OPEN

    @property
    def is_waiting(self):
        return self.state in self.WAITING


class AuditEntry(models.Model):
    """One thing that happened to an item: written by the workflow, never changed afterwards
    (the admin shows it read-only to everyone, superusers included). ``changes`` lists what the
    action changed: ``[[field label, before, after], …]``."""

    class Action(models.TextChoices):
        IMPORTED = "imported", _("Imported")
        SUBMITTED = "submitted", _("Submitted for review")
        CANCELLED = "cancelled", _("Submission cancelled")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        PUBLISHED = "published", _("Signed off and published")
        DIRECT = "direct", _("Published without review")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        DELETED = "deleted", _("Deleted")

    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", verbose_name=_("content type")
    )
    object_id = models.PositiveBigIntegerField(_("object id"), null=True, blank=True)
    object_repr = models.CharField(_("item"), max_length=200)
    revision = models.ForeignKey(
        Revision, null=True, blank=True, on_delete=models.SET_NULL, related_name="entries", verbose_name=_("revision")
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("user"),
    )
    # Kept as written, so the trail still says who after a user is deleted.
    user_name = models.CharField(_("user name"), max_length=150, blank=True)
    time = models.DateTimeField(_("time"), default=now, db_index=True)
    comment = models.TextField(_("comment"), blank=True)
    changes = models.JSONField(_("changes"), default=list, blank=True, encoder=DjangoJSONEncoder)
    # The e-mail this action sends (core/workflow/notifications.py): when it went, or why not.
    notified_at = models.DateTimeField(_("notified"), null=True, blank=True)
    notification_error = models.TextField(_("notification error"), blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        ordering = ["-time", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "-time"], name="audit_item_idx")]

    def __str__(self):
        return f"{self.object_repr}: {self.get_action_display()}"
