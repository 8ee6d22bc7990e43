"""django-axes (login throttling), in the admin's language.

Axes names its app "Axes", ships no Chinese, writes its rows' names as English f-strings
("Attempted Access: …") and leaves its status column without a title. Its other strings are
translated at the end of locale/zh_Hans/LC_MESSAGES/django.po; these are given names here.
"""

from axes.apps import AppConfig as BaseAxesConfig
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class AxesConfig(BaseAxesConfig):
    verbose_name = _("Login throttling")

    def ready(self):
        super().ready()
        from axes.admin import AccessAttemptAdmin
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog

        AccessAttempt.__str__ = attempt_name
        AccessLog.__str__ = log_name
        AccessFailureLog.__str__ = failure_name
        AccessAttemptAdmin.status.short_description = _("status")


def attempt_name(attempt):
    return gettext("Attempted access: %(time)s") % {"time": when(attempt)}


def log_name(log):
    return gettext("Access by %(username)s at %(time)s") % {"username": log.username, "time": when(log)}


def failure_name(failure):
    text = gettext("Failed access: user %(username)s at %(time)s from %(address)s") % {
        "username": failure.username,
        "time": when(failure),
        "address": failure.ip_address,
    }
    return f"{text} ({gettext('Locked Out')})" if failure.locked_out else text


def when(row):
    return formats.date_format(timezone.localtime(row.attempt_time), "DATETIME_FORMAT") if row.attempt_time else ""
