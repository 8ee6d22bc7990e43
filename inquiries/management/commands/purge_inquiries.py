"""Personal-data minimisation: erase what the visitor wrote from inquiries closed
more than N days ago (default INQUIRY_RETENTION_DAYS).

Anonymising keeps the row (arrival, status, parks, sector, country, language)
for statistics; ``--delete`` removes the rows instead. Open inquiries are never
touched, however old. Run it daily from cron.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from inquiries import ratelimit
from inquiries.models import Inquiry


class Command(BaseCommand):
    help = "Anonymise (or delete) inquiries closed more than --days days ago."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.INQUIRY_RETENTION_DAYS,
            help=f"Retention period after closing (default {settings.INQUIRY_RETENTION_DAYS}).",
        )
        parser.add_argument("--delete", action="store_true", help="Delete the rows instead of anonymising them.")
        parser.add_argument("--dry-run", action="store_true", help="Only say how many would be purged.")

    def handle(self, *args, days, delete, dry_run, verbosity, **options):
        if days < 0:
            raise CommandError("--days must be zero or more.")
        cutoff = timezone.now() - datetime.timedelta(days=days)
        with transaction.atomic():
            due = Inquiry.objects.closed_before(cutoff)
            if dry_run:
                count = due.count()
            elif delete:
                count = due.delete()[1].get("inquiries.Inquiry", 0)
            else:
                count = due.anonymise()
            if not dry_run:
                # The rate limit's record of recent senders (hashed addresses) is personal data too.
                ratelimit.purge_expired()
        action = "deleted" if delete else "anonymised"
        if verbosity:
            self.stdout.write(
                f"{count} inquiries closed before {cutoff:%Y-%m-%d %H:%M} {'would be ' if dry_run else ''}{action}."
            )
