from core.sitemaps import I18nSitemap
from news.models import Article


class ArticleSitemap(I18nSitemap):
    """Published articles only: drafts and scheduled articles never appear."""

    def items(self):
        return Article.objects.published().with_languages().only("slug", "published_at", "updated_at")

    def lastmod(self, article):
        return max(article.published_at, article.updated_at)
