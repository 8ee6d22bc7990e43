"""Inquiry rules: references, status timestamps, the follow-up querysets."""

import datetime
import re

from django.utils import timezone

from inquiries.models import Inquiry
from inquiries.tests.factories import InquiryFactory


def test_references_are_unique_and_not_sequential(db):
    references = [InquiryFactory().reference for _ in range(30)]
    year = timezone.localdate().year
    assert all(re.fullmatch(rf"INQ-{year}-[0-9A-HJKMNP-TV-Z]{{6}}", ref) for ref in references)
    assert len(set(references)) == 30
    # Not a counter: consecutive references share no long common suffix or prefix beyond the year.
    codes = [ref[-6:] for ref in references]
    assert sorted(codes) != codes


def test_reference_survives_later_saves(db):
    inquiry = InquiryFactory()
    reference = inquiry.reference
    inquiry.notes = "Called back"
    inquiry.save()
    assert Inquiry.objects.get(pk=inquiry.pk).reference == reference


def test_status_changes_record_their_time(db, django_user_model):
    inquiry = InquiryFactory()
    inquiry.assignee = django_user_model.objects.create_user("handler", is_staff=True)
    inquiry.save()
    assert inquiry.status == "assigned"
    inquiry.status = "answered"
    inquiry.save()
    answered_at = inquiry.answered_at
    assert answered_at is not None
    inquiry.status = "closed"
    inquiry.save()
    assert inquiry.closed_at is not None
    # Reopened: no longer closed, so retention does not count from the old date.
    inquiry.status = "assigned"
    inquiry.save()
    assert inquiry.closed_at is None
    assert inquiry.answered_at == answered_at


def test_overdue_means_open_and_older_than_n_days(db, settings):
    settings.INQUIRY_OVERDUE_DAYS = 3
    old = timezone.now() - datetime.timedelta(days=3, minutes=1)
    overdue = InquiryFactory(created_at=old)
    InquiryFactory(created_at=old, status="answered")
    InquiryFactory(created_at=timezone.now() - datetime.timedelta(days=2))
    assert list(Inquiry.objects.overdue()) == [overdue]
    assert [i.pk for i in Inquiry.objects.all() if i.is_overdue] == [overdue.pk]
    assert Inquiry.objects.overdue(days=1).count() == 2
