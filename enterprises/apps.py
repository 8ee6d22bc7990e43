from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnterprisesConfig(AppConfig):
    name = "enterprises"
    verbose_name = _("Enterprises")

    def ready(self):
        from core import registry
        from enterprises.models import Enterprise
        from enterprises.structured_data import organization

        registry.register(
            registry.ContentType(
                Enterprise,
                key="enterprise",
                label=_("Enterprise"),
                list_url="enterprises:list",
                sitemap_section="enterprises",
                fixtures=["enterprises"],
                structured_data=organization,
                gaps=registry.without_sources,
            )
        )
