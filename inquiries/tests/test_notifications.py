"""Nothing lost: the inquiry is stored first, staff are e-mailed after the commit,
and a failing mail server leaves a stored, flagged inquiry that is retried."""

import datetime

import pytest
from django.core import mail
from django.core.checks import run_checks
from django.core.management import CommandError, call_command
from django.utils import timezone

from inquiries.models import Inquiry
from inquiries.tests.factories import InquiryFactory

FAILING_BACKENDS = [
    "inquiries.tests.mail_backends.SMTPFailingBackend",
    "inquiries.tests.mail_backends.RefusingBackend",
]


def test_staff_are_emailed_only_after_the_inquiry_is_committed(client, form_data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post("/en/contact/", form_data)
        # Stored, and nothing sent yet: the e-mail waits for the commit.
        inquiry = Inquiry.objects.get()
        assert mail.outbox == []
    assert response.status_code == 302
    assert len(callbacks) == 1

    callbacks[0]()
    (email,) = mail.outbox
    assert email.to == ["desk@example.org", "invest@ssip.example.org"]  # general desk + SSIP's desk
    assert email.reply_to == ["anna.schmidt@example.com"]
    assert email.subject == f"[{inquiry.reference}] Inquiry from Schmidt Sensorik GmbH"
    assert "Parks of interest: Suzhou Suqian Industrial Park" in email.body
    assert "+0800" in email.body  # an unambiguous time zone, not "CST"
    assert form_data["message"] in email.body
    assert f"http://testserver/admin/inquiries/inquiry/{inquiry.pk}/change/" in email.body
    inquiry.refresh_from_db()
    assert inquiry.notified_at is not None
    assert inquiry.notification_error == ""


def test_staff_email_can_be_in_chinese(client, form_data, settings, django_capture_on_commit_callbacks):
    settings.INQUIRY_NOTIFY_LANGUAGE = "zh-hans"
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/contact/", form_data)
    (email,) = mail.outbox
    assert "来自 Schmidt Sensorik GmbH 的咨询" in email.subject
    assert "感兴趣的园区: 苏州宿迁工业园区" in email.body


def test_staff_email_is_plain_text(client, form_data, django_capture_on_commit_callbacks):
    form_data["message"] = 'R&D <b>centre</b> "Q3" — 研发中心'
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/contact/", form_data)
    (email,) = mail.outbox
    assert email.content_subtype == "plain"
    assert 'R&D <b>centre</b> "Q3" — 研发中心' in email.body  # as typed, not HTML-escaped


@pytest.mark.parametrize("backend", FAILING_BACKENDS)
def test_mail_failure_keeps_the_inquiry(client, form_data, settings, backend, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = backend
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/contact/", form_data)
    # The visitor is not told about our mail server: their inquiry is safe.
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.reference in client.get(response["Location"]).content.decode()
    assert inquiry.name == "Anna Schmidt"
    assert inquiry.notified_at is None
    assert ("SMTPServerDisconnected" if "SMTP" in backend else "ConnectionRefusedError") in inquiry.notification_error
    assert list(Inquiry.objects.unnotified()) == [inquiry]


def test_missing_recipients_are_flagged_not_ignored(client, form_data, settings, django_capture_on_commit_callbacks):
    settings.INQUIRY_NOTIFY_EMAILS = []
    settings.INQUIRY_PARK_NOTIFY_EMAILS = {}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/en/contact/", form_data).status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.notified_at is None
    assert "no recipients" in inquiry.notification_error


def test_retry_command_sends_what_failed_and_only_that(db, settings):
    settings.EMAIL_BACKEND = FAILING_BACKENDS[0]
    failed = InquiryFactory(notification_error="SMTPServerDisconnected")
    lost = InquiryFactory(created_at=timezone.now() - datetime.timedelta(hours=1))  # worker died before sending
    in_flight = InquiryFactory()  # its on_commit e-mail may still be on its way
    done = InquiryFactory(notified_at=timezone.now())

    with pytest.raises(CommandError, match="Still failing"):
        call_command("retry_inquiry_notifications", verbosity=0)
    failed.refresh_from_db()
    assert failed.notified_at is None
    assert "SMTPServerDisconnected" in failed.notification_error

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("retry_inquiry_notifications", "--base-url=https://portal.example.org", verbosity=0)
    assert sorted(m.subject.split("]")[0][1:] for m in mail.outbox) == sorted([failed.reference, lost.reference])
    assert f"https://portal.example.org/admin/inquiries/inquiry/{failed.pk}/change/" in mail.outbox[0].body + (
        mail.outbox[1].body
    )
    for inquiry in (failed, lost, in_flight, done):
        inquiry.refresh_from_db()
    assert failed.notified_at and lost.notified_at
    assert failed.notification_error == ""
    assert in_flight.notified_at is None

    mail.outbox.clear()
    call_command("retry_inquiry_notifications", verbosity=0)
    assert mail.outbox == []  # nothing is sent twice


def test_production_without_recipients_warns_at_startup(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.INQUIRY_NOTIFY_EMAILS = []
    settings.INQUIRY_PARK_NOTIFY_EMAILS = {}
    assert "inquiries.W001" in [message.id for message in run_checks()]
    settings.INQUIRY_NOTIFY_EMAILS = ["desk@example.org"]
    assert "inquiries.W001" not in [message.id for message in run_checks()]


def test_each_staff_member_gets_the_email_in_their_admin_language(db, settings, django_user_model):
    """Issue 15: staff e-mails go out in the recipient's language (the admin language they chose)."""
    from core.models import StaffLanguage
    from inquiries.notifications import notify_staff
    from inquiries.tests.factories import InquiryFactory

    settings.INQUIRY_NOTIFY_EMAILS = ["desk@example.org", "wang@example.org"]
    settings.INQUIRY_NOTIFY_LANGUAGE = "en"
    wang = django_user_model.objects.create_user("wang", email="wang@example.org", is_staff=True)
    StaffLanguage.objects.create(user=wang, language="zh-hans")
    inquiry = InquiryFactory(organisation="Schmidt Sensorik GmbH")
    assert notify_staff(inquiry.pk)
    by_recipient = {tuple(email.to): email for email in mail.outbox}
    assert "来自 Schmidt Sensorik GmbH 的咨询" in by_recipient["wang@example.org",].subject
    assert "Inquiry from Schmidt Sensorik GmbH" in by_recipient["desk@example.org",].subject
