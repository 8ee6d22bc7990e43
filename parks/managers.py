"""The parks' QuerySet: every park is public (no drafts), and parks are searched."""

from core.querysets import SlugQuerySet
from search.query import SearchQuerySet


class ParkQuerySet(SearchQuerySet, SlugQuerySet):
    """``Park.objects.search(q)``, by the fields of ``Park.search_weights``."""
