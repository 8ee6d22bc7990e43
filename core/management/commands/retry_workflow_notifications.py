"""Send the review workflow's e-mails that failed or never ran (core/workflow/notifications.py).

Run it from cron (e.g. every 15 minutes), as retry_inquiry_notifications. Exits non-zero while
some still fail, so cron's own mail or the monitoring shows it. A request for review that was
answered meanwhile is not sent any more.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.workflow import notifications


class Command(BaseCommand):
    help = "Send the review workflow's e-mails (submitted, approved, rejected, published) that failed or never ran."

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default=None,
            help="Site address for the link in the e-mail, e.g. https://portal.example.org (default: SITE_URL)",
        )

    def handle(self, *args, base_url, verbosity, **options):
        base_url = settings.SITE_URL if base_url is None else base_url
        pending = list(notifications.due_for_retry().values_list("pk", flat=True))
        failed = [pk for pk in pending if not notifications.send(pk, base_url)]
        if verbosity:
            self.stdout.write(f"{len(pending) - len(failed)} of {len(pending)} notification(s) sent.")
        if failed:
            ids = ", ".join(map(str, failed))
            raise CommandError(f"Still failing: audit entries {ids} (see the notification error in the audit trail).")
