from core.sitemaps import I18nSitemap
from enterprises.models import Enterprise


class EnterpriseSitemap(I18nSitemap):
    def items(self):
        return Enterprise.objects.with_languages().only("slug", "updated_at")

    def lastmod(self, enterprise):
        return enterprise.updated_at
