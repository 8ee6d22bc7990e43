"""The queries the facts pages share: what each page shows, fetched with what it
needs in a fixed number of queries (no per-row query in a template)."""

from django.db import models
from django.db.models import F

from core.querysets import SlugQuerySet
from search.query import SearchQuerySet


class SourceQuerySet(SearchQuerySet, SlugQuerySet):
    """Sources are searched by title and publisher (``Source.search_weights``)."""


class KeyFigureQuerySet(SearchQuerySet, SlugQuerySet):
    def with_source(self):
        """Every figure is shown with its source (and park): fetch them in the same query."""
        return self.select_related("source", "park")

    def for_listing(self):
        """The figures in the page's language (``in_language()``), cooperation-wide first,
        then each park's, in park order."""
        return (
            self.with_source()
            .in_language()
            .order_by(F("park__display_order").asc(nulls_first=True), "park__slug", "display_order", "slug")
        )

    def headline(self):
        """The home page's dashboard."""
        return self.with_source().filter(headline=True)

    def shares(self):
        """The cooperation-wide percentages (shares of Suqian's land, sales, added
        value), drawn as one bar chart on a common scale."""
        return self.with_source().filter(park__isnull=True, unit=self.model.Unit.PERCENT)


class MilestoneQuerySet(SlugQuerySet):
    def for_listing(self):
        """The milestones in the page's language (``in_language()``)."""
        return self.in_language().select_related("park", "source")


class AssessmentResultQuerySet(models.QuerySet):
    def get_by_natural_key(self, park_slug, year):
        return self.get(park__slug=park_slug, year=year)
