from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AboutConfig(AppConfig):
    name = "about"
    verbose_name = _("About this site")

    def ready(self):
        from about.models import SiteSettings
        from core import registry

        # One row, filled in by editors; no fixture.
        registry.register(registry.ContentType(SiteSettings, key="site"))

        # The site details choose how many steps the review workflow has.
        from core import workflow

        workflow.steps_from(lambda: SiteSettings.load().review_steps)
