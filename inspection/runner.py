"""One inspection: every check, then the run stored for the admin page. Read-only apart from that
one row."""

from datetime import timedelta

from django.utils import timezone

from inspection.checks import CHECKS
from inspection.checks.common import Run
from inspection.findings import ORDER, Finding
from inspection.models import InspectionRun

KEEP = timedelta(days=30)  # runs older than this are deleted when a new one is stored


def inspect(now=None, external=False) -> list[Finding]:
    run = Run(now=now or timezone.now(), external=external)
    findings = [finding for check in CHECKS for finding in check(run)]
    return sorted(findings, key=lambda f: ORDER.index(f.severity))  # stable: checks keep their order


def inspect_and_store(now=None, external=False) -> InspectionRun:
    started = timezone.now()
    findings = inspect(now=now, external=external)
    # An hourly cron would otherwise keep 8,760 runs a year.
    InspectionRun.objects.filter(started_at__lt=started - KEEP).delete()
    return InspectionRun.objects.create(
        started_at=started,
        finished_at=timezone.now(),
        external=external,
        findings=[finding.as_dict() for finding in findings],
    )
