from core.sitemaps import I18nSitemap
from parks.models import Park


class ParkSitemap(I18nSitemap):
    def items(self):
        return Park.objects.with_languages().only("slug", "updated_at")

    def lastmod(self, park):
        return park.updated_at
