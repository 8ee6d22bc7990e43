"""Template context every page needs for its language: lang attribute,
hreflang alternates and the language switch (rules in core/languages.py)."""

from core import languages


def languages_context(request):
    code = languages.current()
    alternates = languages.alternates(request.path)
    return {
        "lang_code": code,
        "html_lang": languages.bcp47(code),
        "og_locale": languages.OG_LOCALE[code],
        "alternates": alternates,
        "other_languages": [alt for alt in alternates if alt.code != code],
        "x_default_url": next(alt.url for alt in alternates if alt.code == languages.DEFAULT),
    }
