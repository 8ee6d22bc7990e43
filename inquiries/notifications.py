"""The staff e-mail about a new inquiry.

Sent after the inquiry is committed (``transaction.on_commit`` in the view) and
again by ``manage.py retry_inquiry_notifications`` for those that failed. A
failure never reaches the visitor: it is recorded on the inquiry
(``notification_error``, ``notified_at`` left empty), which the admin lists as
"not notified" and the retry command picks up.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from inquiries.models import Inquiry

logger = logging.getLogger(__name__)


def recipients(inquiry):
    """The general desk (``INQUIRY_NOTIFY_EMAILS``) plus the desk of each park
    the visitor ticked (``INQUIRY_PARK_NOTIFY_EMAILS``, by park slug)."""
    addresses = list(settings.INQUIRY_NOTIFY_EMAILS)
    for park in inquiry.parks.all():
        addresses += settings.INQUIRY_PARK_NOTIFY_EMAILS.get(park.slug, [])
    return list(dict.fromkeys(addresses))  # de-duplicated, order kept


def build_messages(inquiry, base_url=""):
    """One message per language among the recipients: each staff member reads it in the
    admin language they chose (core/editorial/admin_language.py), others in INQUIRY_NOTIFY_LANGUAGE."""
    from core.editorial.admin_language import by_language

    return [build_message(inquiry, base_url, language, to) for language, to in by_language(recipients(inquiry)).items()]


def build_message(inquiry, base_url="", language=None, to=None):
    with translation.override(language or settings.INQUIRY_NOTIFY_LANGUAGE):
        admin_path = reverse("admin:inquiries_inquiry_change", args=[inquiry.pk])
        subject = _("[%(reference)s] Inquiry from %(organisation)s") % {
            "reference": inquiry.reference,
            "organisation": inquiry.organisation,
        }
        body = render_to_string(
            "inquiries/email/staff_notification.txt",
            {"inquiry": inquiry, "admin_url": f"{base_url.rstrip('/')}{admin_path}" if base_url else ""},
        )
    return EmailMessage(
        subject=subject,
        body=body,
        to=recipients(inquiry) if to is None else to,
        # Staff answer with their mail program's Reply button.
        reply_to=[inquiry.email],
    )


def notify_staff(inquiry_id, base_url=""):
    """E-mail staff about one inquiry and record the outcome. Returns True when sent."""
    inquiry = Inquiry.objects.prefetch_related("parks").filter(pk=inquiry_id, notified_at__isnull=True).first()
    if inquiry is None or inquiry.is_anonymised:
        return False
    try:
        messages = build_messages(inquiry, base_url)
        if not messages:
            raise RuntimeError("no recipients: set INQUIRY_NOTIFY_EMAILS")
        for message in messages:
            message.send()
    except Exception as exc:  # noqa: BLE001 - any failure is recorded; the inquiry itself is already safe
        logger.exception("Staff notification for inquiry %s failed", inquiry.reference)
        error = f"{timezone.now():%Y-%m-%d %H:%M} {type(exc).__name__}: {exc}"[:1000]
        Inquiry.objects.filter(pk=inquiry.pk).update(notification_error=error)
        return False
    Inquiry.objects.filter(pk=inquiry.pk).update(notified_at=timezone.now(), notification_error="")
    return True
