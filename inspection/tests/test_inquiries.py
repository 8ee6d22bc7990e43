"""Unanswered inquiries: 5 working days cost points, 3 months are a veto."""

import datetime

from django.utils import timezone

from inquiries.choices import Status
from inquiries.tests.factories import InquiryFactory
from inspection.checks.inquiries import months_before, working_days_before
from inspection.findings import Severity
from inspection.runner import inspect

# A Monday noon in Shanghai.
MONDAY = datetime.datetime(2026, 12, 7, 12, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))


def test_working_days_skip_weekends():
    assert working_days_before(MONDAY, 1) == MONDAY - datetime.timedelta(days=3)  # Friday
    assert working_days_before(MONDAY, 5) == MONDAY - datetime.timedelta(days=7)  # last Monday
    assert working_days_before(MONDAY + datetime.timedelta(days=2), 5).weekday() == 2  # Wed -> Wed


def test_three_months_end_on_the_last_day_of_a_shorter_month():
    may_31 = datetime.datetime(2026, 5, 31, 12, tzinfo=datetime.UTC)
    assert months_before(may_31, 3).date() == datetime.date(2026, 2, 28)
    assert months_before(datetime.datetime(2026, 2, 15, 12, tzinfo=datetime.UTC), 3).date() == datetime.date(
        2025, 11, 15
    )


def received(days_ago, **fields):
    inquiry = InquiryFactory(**fields)
    type(inquiry).objects.filter(pk=inquiry.pk).update(created_at=MONDAY - datetime.timedelta(days=days_ago))
    return inquiry


def inquiry_findings():
    return [f for f in inspect(now=MONDAY) if f.check == "inquiry"]


def test_late_and_very_late_inquiries(db):
    received(6)  # last Tuesday: 4 working days
    week = received(8)  # the Sunday before last: 5 working days ago and more
    quarter = received(100)
    received(100, status=Status.ANSWERED)
    received(200, status=Status.CLOSED)
    found = inquiry_findings()
    assert [(f.label, f.severity) for f in found] == [
        (quarter.reference, Severity.VETO),
        (week.reference, Severity.DEDUCT),
    ]
    assert found[0].admin_url == f"/admin/inquiries/inquiry/{quarter.pk}/change/"
    assert found[0].url == ""
    # No personal data in a finding: it is stored and shown to every Editor.
    assert week.name not in found[1].message and week.email not in found[1].message


def test_an_inquiry_of_friday_is_not_late_on_the_next_thursday(db):
    received(3)  # Friday
    assert [f for f in inspect(now=MONDAY + datetime.timedelta(days=3)) if f.check == "inquiry"] == []
    assert len([f for f in inspect(now=MONDAY + datetime.timedelta(days=4)) if f.check == "inquiry"]) == 1


def test_the_veto_comes_after_three_calendar_months(db):
    quarter = timezone.localtime(MONDAY) - months_before(MONDAY, 3)
    received(quarter.days - 1)
    assert [f.severity for f in inquiry_findings()] == [Severity.DEDUCT]
