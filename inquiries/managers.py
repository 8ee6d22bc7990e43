"""The follow-up rules for inquiries, one QuerySet method each: what is open,
what is overdue, what still needs its staff e-mail, what may be purged."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone

from inquiries.choices import OPEN_STATUSES, Status


class InquiryQuerySet(models.QuerySet):
    def open(self):
        """Not yet answered: new, or assigned to someone who has not replied."""
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, days=None):
        """Open for more than ``days`` (default ``INQUIRY_OVERDUE_DAYS``) since arrival."""
        days = settings.INQUIRY_OVERDUE_DAYS if days is None else days
        return self.open().filter(created_at__lte=timezone.now() - datetime.timedelta(days=days))

    def unnotified(self):
        """Staff have not been e-mailed yet (mail failed, or is still being sent)."""
        return self.filter(notified_at__isnull=True, anonymised_at__isnull=True)

    def due_for_retry(self, grace=datetime.timedelta(minutes=5)):
        """Unnotified inquiries worth retrying now: those whose e-mail failed, and
        those older than ``grace`` whose e-mail never ran (e.g. the worker died).
        Younger ones without an error may still be on their way; retrying them
        could e-mail staff twice."""
        return self.unnotified().filter(
            ~models.Q(notification_error="") | models.Q(created_at__lte=timezone.now() - grace)
        )

    def closed_before(self, cutoff):
        """Closed before ``cutoff`` and still holding personal data."""
        return self.filter(status=Status.CLOSED, closed_at__lt=cutoff, anonymised_at__isnull=True)

    def anonymise(self):
        """Erase the personal data, keep what the statistics need (arrival,
        status, parks, sector, country, language). Returns the number of rows."""
        return self.update(
            name="",
            organisation="",
            email="",
            phone="",
            message="",
            notes="",
            notification_error="",
            anonymised_at=timezone.now(),
        )
