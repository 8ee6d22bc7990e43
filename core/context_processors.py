"""Template context every page needs for its language: lang attribute,
hreflang alternates and the language switch (rules in core/languages.py),
and the page's canonical URL for search engines and link previews."""

from urllib.parse import urlencode

from core import languages
from core.search import MAX_QUERY_LENGTH

# Query parameters that choose what a page shows (a search, a filter, a page of
# a list): they stay in the page's canonical URL and in its other-language
# links. Any other parameter (tracking, stray) is dropped, and so is page=1.
CANONICAL_PARAMS = ("q", "park", "year", "page")


def canonical_path(request) -> str:
    params = [
        (name, value)
        for name in CANONICAL_PARAMS
        if (value := request.GET.get(name, "").strip())
        and len(value) <= MAX_QUERY_LENGTH
        and not (name == "page" and value == "1")
    ]
    return request.path + (f"?{urlencode(params)}" if params else "")


def languages_context(request):
    code = languages.current()
    path = canonical_path(request)
    alternates = languages.alternates(path)
    return {
        "lang_code": code,
        "html_lang": languages.bcp47(code),
        "og_locale": languages.OG_LOCALE[code],
        "og_locale_alternates": [languages.OG_LOCALE[alt.code] for alt in alternates if alt.code != code],
        "canonical_url": request.build_absolute_uri(path),
        "alternates": alternates,
        "other_languages": [alt for alt in alternates if alt.code != code],
        # The language switch: every language, this one marked (English · 简体 · 繁體).
        "switch_languages": alternates,
        # The Chinese the page shows (the side-by-side column): zh-Hant on a Traditional page.
        "chinese_tag": languages.bcp47(code if languages.written(code) == "zh-hans" else "zh-hans"),
        "chinese_name": languages.NATIVE_NAMES[code if languages.written(code) == "zh-hans" else "zh-hans"],
        "x_default_url": next(alt.url for alt in alternates if alt.code == languages.DEFAULT),
    }
