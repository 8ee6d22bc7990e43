from core.models import SlugQuerySet


class EnterpriseQuerySet(SlugQuerySet):
    def for_listing(self):
        """A directory row shows its park: fetch it in the same query."""
        return self.select_related("park")

    def in_park(self, park):
        return self.filter(park=park)
