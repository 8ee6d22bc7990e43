from core.querysets import SlugQuerySet
from search.query import SearchQuerySet


class EnterpriseQuerySet(SearchQuerySet, SlugQuerySet):
    def for_listing(self):
        """The directory in the page's language (``in_language()``); a row shows its park:
        fetch it in the same query."""
        return self.in_language().select_related("park")

    def in_park(self, park):
        return self.filter(park=park)
