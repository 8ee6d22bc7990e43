"""``manage.py inspect_site [--json] [--external]``: the self-inspection (docs/operations.md).

Prints the findings, worst first, and stores the run for the admin page *Site inspection*. Exits
with status 1 when a finding is a veto (单项否决), so that cron or a monitor can alert."""

import json
import sys

from django.core.management.base import BaseCommand
from django.utils import timezone

from inspection.findings import ORDER, Severity
from inspection.runner import inspect_and_store


class Command(BaseCommand):
    help = "Inspect the site against the checklist for government websites; exit 1 on a veto."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print the findings as a JSON list.")
        parser.add_argument(
            "--external", action="store_true", help="Also check links to other sites (slow; answers kept a day)."
        )

    def handle(self, *args, json=False, external=False, **options):
        run = inspect_and_store(external=external)
        if json:
            keys = ("check", "severity", "language", "url", "admin_url", "message")
            self.stdout.write(_dumps([{key: f[key] for key in keys} for f in run.findings]))
        else:
            self._summary(run)
        if run.count(Severity.VETO):
            sys.exit(1)

    def _summary(self, run):
        for severity in ORDER:
            found = [f for f in run.findings if f["severity"] == severity]
            if not found:
                continue
            self.stdout.write(f"{severity.label}: {len(found)}")
            for f in found:
                where = " ".join(part for part in (f["language"], f["url"]) if part)
                self.stdout.write(f"  [{f['check']}] {f['message']}" + (f"  <{where}>" if where else ""))
        seconds = (run.finished_at - run.started_at).total_seconds()
        counts = ", ".join(f"{run.count(s)} {s.value}" for s in ORDER)
        self.stdout.write(
            f"Inspected at {timezone.localtime(run.started_at):%Y-%m-%d %H:%M} in {seconds:.1f} s: {counts}."
        )


def _dumps(value):
    return json.dumps(value, ensure_ascii=False, indent=1)
