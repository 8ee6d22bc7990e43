"""Template context every page needs for its language: lang attribute,
hreflang alternates and the language switch (rules in core/i18n/languages.py),
and the page's canonical URL for search engines and link previews (core/canonical.py)."""

from core import canonical
from core.i18n import languages


def languages_context(request):
    code = languages.current()
    alternates = canonical.alternates(request)
    return {
        "lang_code": code,
        "html_lang": languages.bcp47(code),
        "og_locale": languages.OG_LOCALE[code],
        "og_locale_alternates": [languages.OG_LOCALE[alt.code] for alt in alternates if alt.code != code],
        "canonical_url": canonical.canonical_url(request),
        "alternates": alternates,
        "other_languages": [alt for alt in alternates if alt.code != code],
        # The language switch: every language, this one marked (English · 简体 · 繁體).
        "switch_languages": alternates,
        # The Chinese the page shows (the side-by-side column): zh-Hant on a Traditional page.
        "chinese_tag": languages.bcp47(code if languages.written(code) == "zh-hans" else "zh-hans"),
        "chinese_name": languages.NATIVE_NAMES[code if languages.written(code) == "zh-hans" else "zh-hans"],
        "x_default_url": next(alt.url for alt in alternates if alt.code == languages.DEFAULT),
    }
