"""/sitemap.xml: every public page in each language it exists in, each with its
alternates (en, zh-Hans, x-default). One section per content type that has pages
(``content_sitemaps()``, from core/registry.py), and the list pages'
(coop_portal/sitemaps.py); coop_portal/urls.py puts them together."""

from django.contrib.sitemaps import Sitemap

from core import registry
from core.i18n import languages


class I18nSitemap(Sitemap):
    """One <url> per object and language, with hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True

    def get_languages_for_item(self, item):
        """Only the languages the object has its text in (``with_languages()`` in ``items()``
        saves reading the text): a Chinese-only article has no English URL or alternate."""
        codes = super().get_languages_for_item(item)
        if hasattr(item, "has_text_in"):
            return [code for code in codes if item.has_text_in(code)]
        return codes

    def get_urls(self, *args, **kwargs):
        urls = super().get_urls(*args, **kwargs)
        for url in urls:
            by_code = {alternate["lang_code"]: alternate for alternate in url["alternates"]}
            for alternate in url["alternates"]:
                # Django writes the language code (zh-hans); hreflang wants BCP 47 (zh-Hans).
                alternate["lang_code"] = languages.BCP47.get(alternate["lang_code"], alternate["lang_code"])
            if "x-default" in by_code:
                # Django strips the prefix (/news/…), a redirect; the pages' own
                # x-default is the default language's URL (/en/news/…): say the same.
                by_code["x-default"]["location"] = by_code[languages.DEFAULT]["location"]
        return urls


class ContentSitemap(I18nSitemap):
    """The pages of one content type: its public objects, dated by its ``modified`` fields."""

    def __init__(self, content_type: registry.ContentType):
        self.content_type = content_type

    def items(self):
        return self.content_type.public().with_languages().only("slug", *self.content_type.modified)

    def lastmod(self, obj):
        return self.content_type.last_modified(obj)


def content_sitemaps() -> dict[str, Sitemap]:
    """A section for each declared content type with pages, by its ``sitemap_section``."""
    return {
        content_type.sitemap_section: ContentSitemap(content_type)
        for content_type in registry.content_types()
        if content_type.has_page
    }
