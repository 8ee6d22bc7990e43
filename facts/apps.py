from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def undated_or_unlinked(sources):
    """A source's page without its address or date (/admin/sources-missing/)."""
    for source in sources:
        gaps = [(_("URL"), not source.url), (_("publication date"), not source.published_on)]
        yield source, [label for label, gap in gaps if gap]


def without_date(figures):
    """Figures shown without the date they hold for."""
    for figure in figures.filter(as_of__isnull=True):
        yield figure, [_("as of")]


def without_source(milestones):
    """Milestones shown without a source."""
    for milestone in milestones.filter(source__isnull=True):
        yield milestone, [_("source")]


class FactsConfig(AppConfig):
    name = "facts"
    verbose_name = _("Facts and sources")

    def ready(self):
        from core import registry
        from facts.models import KeyFigure, Milestone, Source

        # Sources ship in the fixtures of what cites them (parks, news).
        registry.register(
            registry.ContentType(
                Source,
                key="source",
                label=_("Source"),
                list_url="facts:sources",
                sitemap_section="sources",
                date_field="published_on",
                gaps=undated_or_unlinked,
            )
        )
        registry.register(
            registry.ContentType(
                KeyFigure,
                key="figure",
                label=_("Key figure"),
                list_url="facts:figures",
                fixtures=["figures"],  # with the parks' provincial assessment results
                gaps=without_date,
            )
        )
        registry.register(
            registry.ContentType(
                Milestone, key="milestone", list_url="facts:timeline", fixtures=["timeline"], gaps=without_source
            )
        )
