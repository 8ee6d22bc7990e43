"""The site's language rules, in one place.

Django names our languages ``en``, ``zh-hans`` and ``zh-hant`` (URL prefixes, ``LANGUAGES``,
modeltranslation's ``_zh_hans`` field suffix). HTML ``lang``, ``hreflang`` and
JSON-LD want BCP 47 tags (``zh-Hans``), and OpenGraph wants a locale
(``zh_CN``). Every template and view that needs one of these asks here.

**Written and derived languages.** Editors write English and Simplified Chinese (the
*written* languages, ``codes()``: one column each, ``settings.MODELTRANSLATION_LANGUAGES``).
Traditional Chinese (``zh-hant``) is *derived*: nobody writes it; every page under ``/zh-hant/``
is the Simplified page converted with OpenCC when it is rendered (``DERIVED``). The rest of the
site keeps to one rule: where content is concerned, a derived language *is* its source
(``written()``), so an object exists in Traditional exactly when it exists in Simplified, the
Simplified columns are read, and numbers and dates are formatted as in Simplified. Where pages
are concerned (URL prefix, ``lang``, ``hreflang``, the switch, the sitemap), it is a language of
its own (``page_codes()``).

How it is done, each step here or named here:
- Django activates ``zh-hant`` for ``/zh-hant/`` (it is in ``settings.LANGUAGES``), so URLs
  reverse under ``/zh-hant/`` by themselves.
- modeltranslation would read English for a language it has no column for:
  ``traditional.install()`` (from ``CoreConfig.ready``) has it read the source language's column.
- gettext: ``make messages`` writes ``locale/zh_Hant`` from ``locale/zh_Hans`` converted
  (``manage.py traditional_catalogue``; generated, never committed or edited by hand).
- The response: ``traditional.convert_response()`` (``core.middleware.DerivedLanguageMiddleware``, inside the
  page cache, so the converted page is what is cached) converts the text of every response under
  a derived prefix: HTML, feeds, open data. Form values and ``translate="no"`` elements are left
  as written (``traditional.convert_html``).
- Names OpenCC gets wrong: the project dictionary ``core/i18n/traditional_names.tsv``.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

# Django code -> BCP 47 tag for lang/hreflang attributes.
BCP47 = {"en": "en", "zh-hans": "zh-Hans", "zh-hant": "zh-Hant"}
# Django code -> OpenGraph locale. Traditional: Taiwan's, as its characters are (see traditional.CONVERSION).
OG_LOCALE = {"en": "en_US", "zh-hans": "zh_CN", "zh-hant": "zh_TW"}
# The language x-default points to: the site's default.
DEFAULT = settings.LANGUAGE_CODE
# Derived language -> the written language its pages are converted from.
DERIVED = {"zh-hant": "zh-hans"}


def codes() -> list[str]:
    """The written languages: what editors write, one column each (en, zh-hans)."""
    return list(settings.MODELTRANSLATION_LANGUAGES)


def page_codes() -> list[str]:
    """Every language a public page exists in: the written ones and the derived (en, zh-hans, zh-hant)."""
    return [code for code, _name in settings.LANGUAGES]


def current() -> str:
    """The active Django language code, normalised to one of ours (a page language)."""
    code = (get_language() or DEFAULT).lower()
    return code if code in BCP47 else DEFAULT


def written(code: str | None = None) -> str:
    """The written language whose text a page in ``code`` (default: the active one) shows:
    ``zh-hant`` -> ``zh-hans``; a written language is itself. Everything about content (which
    column, whether an object exists in a language, number formats) asks this, never ``current()``."""
    code = (code or current()).lower()
    return DERIVED.get(code, code if code in BCP47 else DEFAULT)


def is_derived(code: str | None = None) -> bool:
    return (code or current()) in DERIVED


def to_locale(code: str) -> str:
    """The locale folder name of a language: zh-hant -> zh_Hant."""
    from django.utils.translation import to_locale as django_to_locale

    return django_to_locale(code)


def bcp47(code: str | None = None) -> str:
    return BCP47.get(code or current(), "en")


@dataclass(frozen=True)
class Alternate:
    code: str  # Django code: en, zh-hans
    tag: str  # BCP 47 tag: en, zh-Hans
    name: str  # the language's name in itself: English, 简体中文
    url: str  # this page in that language (path only)

    @property
    def short_name(self) -> str:
        """The name the language switch shows: English · 简体 · 繁體."""
        return SWITCH_NAMES[self.code]


# Addresses people type for a language, sent to its prefix (coop_portal.views.chinese_alias_redirect).
ALIASES = {
    **dict.fromkeys(["zh", "zh-cn", "zh-CN", "cn"], "zh-hans"),
    **dict.fromkeys(["zh-Hant", "zh-tw", "zh-TW", "zh-hk", "zh-HK", "zh-mo", "zh-MO"], "zh-hant"),
}

# Each language's name written in that language (notices, the side-by-side heading).
NATIVE_NAMES = {"en": "English", "zh-hans": "简体中文", "zh-hant": "繁體中文"}
# The same, short, for the language switch (English · 简体 · 繁體, as official portals write it).
SWITCH_NAMES = {"en": "English", "zh-hans": "简体", "zh-hant": "繁體"}
# Each language as the admin names it on its tabs, the form's language switch and field labels.
ADMIN_NAMES = {"en": "English", "zh-hans": "中文"}
# Short labels where space is tight (the admin's translation status column).
SHORT_NAMES = {"en": "EN", "zh-hans": "中文"}


def alternates(path: str) -> list[Alternate]:
    """This page in every language. Slugs are not translated, so the same URL
    pattern reversed under another language prefix is the same object."""
    return [Alternate(code, BCP47[code], NATIVE_NAMES[code], translate_url(path, code)) for code in page_codes()]


def columns(field: str) -> list[str]:
    """Every column of the translated ``field``: its base name and one per language
    (``body``, ``body_en``, ``body_zh_hans``), for ``only()`` and ``defer()``, which
    modeltranslation's fallback does not reach."""
    from modeltranslation.utils import build_localized_fieldname

    return [field, *(build_localized_fieldname(field, code) for code in codes())]


def translated_base_fields(model) -> list[str]:
    """The translated fields of a model by their base name (``title``, not
    ``title_en``). The base name reads the current language with fallback; the
    ``_en``/``_zh_hans`` columns are what is stored and validated."""
    from modeltranslation.translator import NotRegistered, translator

    try:
        return sorted(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return []


def slug_from(text: str, code: str) -> str:
    """An ASCII slug for ``text`` written in language ``code``: Chinese becomes
    readable pinyin (苏宿工业园区 → su-su-gong-ye-yuan-qu), other text is
    Django's ``slugify``. Empty when nothing in the text can be spelled in ASCII."""
    from django.utils.text import slugify

    if written(code) == "zh-hans":
        from pypinyin import lazy_pinyin

        text = " ".join(lazy_pinyin(text or ""))
    return slugify(text or "")
