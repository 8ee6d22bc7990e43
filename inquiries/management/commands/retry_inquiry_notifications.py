"""Send the staff e-mail for every inquiry whose notification failed or never ran.

Run it from cron (e.g. every 15 minutes). Exits non-zero while some still fail,
so cron's own mail or the monitoring shows it.
"""

from django.core.management.base import BaseCommand, CommandError

from inquiries.models import Inquiry
from inquiries.notifications import notify_staff


class Command(BaseCommand):
    help = "E-mail staff about inquiries whose notification failed or never ran."

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default="",
            help="Site address for the admin link in the e-mail, e.g. https://portal.example.org",
        )

    def handle(self, *args, base_url, verbosity, **options):
        pending = list(Inquiry.objects.due_for_retry().order_by("created_at").values_list("pk", "reference"))
        failed = [reference for pk, reference in pending if not notify_staff(pk, base_url)]
        sent = len(pending) - len(failed)
        if verbosity:
            self.stdout.write(f"{sent} of {len(pending)} notification(s) sent.")
        if failed:
            raise CommandError(f"Still failing: {', '.join(failed)} (see notification_error in the admin).")
