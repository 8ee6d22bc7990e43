from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnterprisesConfig(AppConfig):
    name = "enterprises"
    verbose_name = _("Enterprises")

    def ready(self):
        from core.history import register_history
        from enterprises.models import Enterprise

        register_history(Enterprise)
