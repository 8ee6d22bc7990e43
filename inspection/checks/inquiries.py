"""Inquiries waiting for an answer: after 5 working days (Monday to Friday; public holidays are not
counted, so a week with a holiday is judged one day early) points are deducted, after 3 months
the checklist vetoes."""

from datetime import timedelta

from django.apps import apps
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy

from inspection.checks.common import admin_url
from inspection.findings import Finding, Severity

WORKING_DAYS = 5
VETO_MONTHS = 3
LATE_MESSAGE = gettext_lazy(
    "Inquiry %(reference)s, received %(date)s, has had no answer for more than 5 working days. Answer it."
)
VETO_MESSAGE = gettext_lazy(
    "Inquiry %(reference)s, received %(date)s, has had no answer for more than 3 months. Answer it now."
)


def working_days_before(now, days: int):
    """The moment ``days`` working days (Monday–Friday) before ``now``."""
    moment = now
    while days:
        moment -= timedelta(days=1)
        if moment.weekday() < 5:
            days -= 1
    return moment


def months_before(now, months: int):
    local = timezone.localtime(now)
    month = local.month - months
    year = local.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    for day in (local.day, 30, 29, 28):  # the 31st of a shorter month: its last day
        try:
            return local.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def inquiries(run):
    if not apps.is_installed("inquiries"):
        return
    Inquiry = apps.get_model("inquiries", "Inquiry")
    veto_before = months_before(run.now, VETO_MONTHS)
    late = Inquiry.objects.open().filter(created_at__lte=working_days_before(run.now, WORKING_DAYS))
    for pk, reference, created in late.order_by("created_at").values_list("pk", "reference", "created_at"):
        veto = created <= veto_before
        yield Finding(
            "inquiry",
            Severity.VETO if veto else Severity.DEDUCT,
            "",
            "",
            admin_url(Inquiry, pk),
            (VETO_MESSAGE if veto else LATE_MESSAGE)
            % {"reference": reference, "date": date_format(timezone.localtime(created), "DATE_FORMAT")},
            reference,
        )
