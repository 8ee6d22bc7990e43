from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspectionConfig(AppConfig):
    """Self-inspection against the national checklist for government websites (issue 26): not
    content, so not in CONTENT_APPS (its rows are neither backed up nor new content for the page
    cache)."""

    name = "inspection"
    verbose_name = _("Site inspection")
