"""Investor inquiries sent through the contact form, and their follow-up by staff."""

import datetime
import secrets

from django.conf import settings
from django.core.validators import MaxLengthValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from inquiries.choices import OPEN_STATUSES, Sector, Status
from inquiries.managers import InquiryQuerySet

# Crockford's base32: no I, L, O or U, so a reference read over the phone is unambiguous.
REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_LENGTH = 6  # 32**6 ≈ 10**9: not guessable, short enough to quote

# Single-line fields must not carry line breaks or other control characters: they
# end up in e-mail headers and CSV cells.
single_line = RegexValidator(
    r"[\x00-\x1f\x7f]", inverse_match=True, message=_("Use a single line without special characters.")
)
phone_number = RegexValidator(
    r"^\+?[0-9 ()./-]*$", message=_("Enter a phone number with digits, spaces and + ( ) - only.")
)


def new_reference():
    """``INQ-<year>-<6 random characters>``, e.g. ``INQ-2026-7K3QXM``."""
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))
    return f"INQ-{timezone.localdate().year}-{code}"


class Inquiry(models.Model):
    """What a prospective investor wrote, and where staff are in answering it.

    Personal data, not content: it is never shown on a public page, not
    translated (the visitor writes in their own language, recorded in
    ``language``), visible in the admin only to holders of the inquiry
    permissions, and anonymised ``INQUIRY_RETENTION_DAYS`` after it is closed.
    """

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    # --- what the visitor wrote
    name = models.CharField(pgettext_lazy("person", "name"), max_length=200, validators=[single_line])
    organisation = models.CharField(_("organisation"), max_length=200, validators=[single_line])
    email = models.EmailField(_("e-mail"), max_length=254)
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, validators=[single_line, phone_number], help_text=_("Optional.")
    )
    country = models.CharField(_("country or region"), max_length=100, validators=[single_line])
    parks = models.ManyToManyField(
        "parks.Park",
        blank=True,
        related_name="inquiries",
        verbose_name=_("parks of interest"),
        help_text=_("Leave all unticked if you have not chosen yet."),
    )
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    message = models.TextField(
        _("message"),
        max_length=5000,
        validators=[MaxLengthValidator(5000)],  # a TextField's max_length binds only forms
        help_text=_("Your project, the land or buildings you need, your timetable. Plain text."),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        help_text=_("The language of the page it was sent from."),
    )
    consented_at = models.DateTimeField(_("consent given"))
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True, editable=False)
    # --- follow-up by staff
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_inquiries",
        limit_choices_to={"is_staff": True},
        verbose_name=_("assignee"),
    )
    notes = models.TextField(_("internal notes"), max_length=5000, blank=True, validators=[MaxLengthValidator(5000)])
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    # --- staff e-mail: notified_at stays empty until a notification went out
    notified_at = models.DateTimeField(_("staff notified"), null=True, blank=True, editable=False)
    notification_error = models.TextField(_("notification error"), blank=True, editable=False)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True, editable=False)

    objects = InquiryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        # Bulk export of personal data is its own right, beyond viewing one by one.
        permissions = [("export_inquiry", _("Can export inquiries as CSV"))]
        indexes = [models.Index(fields=["status", "created_at"], name="inquiry_status_idx")]

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = self._unused_reference()
        self._track_status()
        super().save(*args, **kwargs)

    @classmethod
    def _unused_reference(cls):
        # Collisions are about one in a billion per pair; the unique index is the final guard.
        while True:
            reference = new_reference()
            if not cls.objects.filter(reference=reference).exists():
                return reference

    def _track_status(self):
        """Keep the timestamps the follow-up and retention rules read in step with
        ``status``. An assignee on a new inquiry makes it *assigned*."""
        if self.status == Status.NEW and self.assignee_id:
            self.status = Status.ASSIGNED
        if self.status == Status.ANSWERED and not self.answered_at:
            self.answered_at = timezone.now()
        if self.status == Status.CLOSED:
            self.closed_at = self.closed_at or timezone.now()
        else:
            self.closed_at = None

    @property
    def is_overdue(self):
        """Python twin of ``Inquiry.objects.overdue()``, for one object already loaded."""
        deadline = timezone.now() - datetime.timedelta(days=settings.INQUIRY_OVERDUE_DAYS)
        return self.status in OPEN_STATUSES and self.created_at <= deadline

    @property
    def is_anonymised(self):
        return self.anonymised_at is not None


class SubmissionWindow(models.Model):
    """How many inquiries one client address has sent in its current rate-limit window
    (``inquiries/ratelimit.py``). In the database, not the cache: the count is taken with one
    conditional upsert, atomic on PostgreSQL and SQLite alike, and still works when Redis does
    not. ``client`` is a keyed hash of the address, so no address is stored; expired windows are
    deleted by ``purge_inquiries``."""

    client = models.CharField(max_length=64, unique=True)
    started_at = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.count} since {self.started_at:%Y-%m-%d %H:%M}"
