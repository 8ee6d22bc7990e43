from django.apps import AppConfig
from django.db.models import Count
from django.utils.translation import gettext_lazy as _


def missing_facts(parks):
    """What a park's page leaves out for want of a source (/admin/sources-missing/)."""
    for park in parks.annotate(n=Count("sources")):
        gaps = [
            (_("sources"), park.n == 0),
            (_("established"), park.established is None),
            (_("planned area"), park.planned_area_km2 is None),
            (_("leading industries"), not park.leading_industries),
        ]
        yield park, [label for label, gap in gaps if gap]


class ParksConfig(AppConfig):
    name = "parks"
    verbose_name = _("Joint parks")

    def ready(self):
        from core import registry
        from parks.models import Park
        from parks.structured_data import park

        registry.register(
            registry.ContentType(
                Park,
                key="park",
                label=_("Park"),
                list_url="parks:list",
                sitemap_section="parks",
                fixtures=["parks"],  # with the sources and pictures the parks cite
                structured_data=park,
                gaps=missing_facts,
            )
        )
