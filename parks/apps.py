from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParksConfig(AppConfig):
    name = "parks"
    verbose_name = _("Joint parks")

    def ready(self):
        from core.history import register_history
        from parks.models import Park

        register_history(Park)
