"""/sitemap.xml: every public page in both languages, each with its
alternates (en, zh-Hans, x-default). The sections are listed in
coop_portal/urls.py; each app has its own sitemaps.py."""

from django.contrib.sitemaps import Sitemap

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
