from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FactsConfig(AppConfig):
    name = "facts"
    verbose_name = _("Facts and sources")

    def ready(self):
        from core.history import register_history
        from facts.models import KeyFigure, Milestone, Source

        for model in (Source, KeyFigure, Milestone):
            register_history(model)
