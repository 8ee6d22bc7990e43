from core.sitemaps import I18nSitemap
from documents.models import Document


class DocumentSitemap(I18nSitemap):
    """Published documents only: drafts and scheduled documents never appear."""

    def items(self):
        return Document.objects.published().with_languages().only("slug", "published_at", "updated_at")

    def lastmod(self, document):
        return max(document.published_at, document.updated_at)
