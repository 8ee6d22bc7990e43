"""Start-up warning when new inquiries would not be e-mailed to anyone."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.compatibility)
def notification_recipients(app_configs, **kwargs):
    # Only where mail really leaves the machine: dev prints to the console, tests keep it in memory.
    if settings.EMAIL_BACKEND != "django.core.mail.backends.smtp.EmailBackend":
        return []
    if settings.INQUIRY_NOTIFY_EMAILS or any(settings.INQUIRY_PARK_NOTIFY_EMAILS.values()):
        return []
    return [
        checks.Warning(
            "No one is e-mailed about new inquiries.",
            hint="Set INQUIRY_NOTIFY_EMAILS (comma-separated addresses) in the environment.",
            id="inquiries.W001",
        )
    ]
