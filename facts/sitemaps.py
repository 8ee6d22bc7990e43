from core.sitemaps import I18nSitemap
from facts.models import Source


class SourceSitemap(I18nSitemap):
    """Each source's page: where it can be read and what on the site cites it."""

    def items(self):
        return Source.objects.with_languages().only("slug", "updated_at")

    def lastmod(self, source):
        return source.updated_at
