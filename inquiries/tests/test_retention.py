"""purge_inquiries: personal data does not outlive its purpose."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from inquiries.models import Inquiry
from inquiries.tests.factories import InquiryFactory


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def inquiries(ssip):
    old_closed = InquiryFactory(
        name="Old Closed", phone="+49 1", notes="called twice", created_at=days_ago(500), parks=[ssip]
    )
    Inquiry.objects.filter(pk=old_closed.pk).update(status="closed", closed_at=days_ago(400))
    recent_closed = InquiryFactory(name="Recent Closed", created_at=days_ago(500), status="closed")
    Inquiry.objects.filter(pk=recent_closed.pk).update(closed_at=days_ago(30))
    old_open = InquiryFactory(name="Old Open", created_at=days_ago(900))
    old_answered = InquiryFactory(name="Old Answered", created_at=days_ago(900), status="answered")
    return {"old_closed": old_closed, "recent_closed": recent_closed, "old_open": old_open, "answered": old_answered}


def names():
    return set(Inquiry.objects.exclude(name="").values_list("name", flat=True))


def test_old_closed_inquiries_are_anonymised(inquiries, ssip, settings):
    assert settings.INQUIRY_RETENTION_DAYS == 365
    call_command("purge_inquiries", verbosity=0)
    old = Inquiry.objects.get(pk=inquiries["old_closed"].pk)
    assert old.is_anonymised
    assert (old.name, old.organisation, old.email, old.phone, old.message, old.notes) == ("", "", "", "", "", "")
    # What statistics need stays.
    assert old.reference == inquiries["old_closed"].reference
    assert old.status == "closed"
    assert old.country == "Germany"
    assert old.sector == "electronics"
    assert list(old.parks.all()) == [ssip]
    # Recent or still open: untouched, however old.
    assert names() == {"Recent Closed", "Old Open", "Old Answered"}


def test_retention_period_is_configurable(inquiries, settings):
    call_command("purge_inquiries", "--days=10", verbosity=0)
    assert names() == {"Old Open", "Old Answered"}

    settings.INQUIRY_RETENTION_DAYS = 1000
    Inquiry.objects.filter(name="Old Open").update(status="closed", closed_at=days_ago(999))
    call_command("purge_inquiries", verbosity=0)
    assert names() == {"Old Open", "Old Answered"}


def test_dry_run_changes_nothing(inquiries, capsys):
    call_command("purge_inquiries", "--dry-run")
    assert "1 inquiries closed before" in capsys.readouterr().out
    assert "Old Closed" in names()


def test_delete_removes_the_rows(inquiries):
    call_command("purge_inquiries", "--delete", verbosity=0)
    assert not Inquiry.objects.filter(pk=inquiries["old_closed"].pk).exists()
    assert Inquiry.objects.count() == 3


def test_running_twice_purges_nothing_more(inquiries, capsys):
    call_command("purge_inquiries")
    call_command("purge_inquiries")
    assert capsys.readouterr().out.splitlines()[-1].startswith("0 inquiries")


def test_negative_period_is_refused(db):
    with pytest.raises(CommandError):
        call_command("purge_inquiries", "--days=-1")
