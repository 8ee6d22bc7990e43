"""The site's language rules, in one place.

Django names our languages ``en`` and ``zh-hans`` (URL prefixes, ``LANGUAGES``,
modeltranslation's ``_zh_hans`` field suffix). HTML ``lang``, ``hreflang`` and
JSON-LD want BCP 47 tags (``zh-Hans``), and OpenGraph wants a locale
(``zh_CN``). Every template and view that needs one of these asks here.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

# Django code -> BCP 47 tag for lang/hreflang attributes.
BCP47 = {"en": "en", "zh-hans": "zh-Hans"}
# Django code -> OpenGraph locale.
OG_LOCALE = {"en": "en_US", "zh-hans": "zh_CN"}
# The language x-default points to: the site's default.
DEFAULT = settings.LANGUAGE_CODE


def codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def current() -> str:
    """The active Django language code, normalised to one of ours."""
    code = (get_language() or DEFAULT).lower()
    return code if code in BCP47 else DEFAULT


def bcp47(code: str | None = None) -> str:
    return BCP47.get(code or current(), "en")


@dataclass(frozen=True)
class Alternate:
    code: str  # Django code: en, zh-hans
    tag: str  # BCP 47 tag: en, zh-Hans
    name: str  # the language's name in itself: English, 简体中文
    url: str  # this page in that language (path only)


# Each language's name written in that language, for the switch.
NATIVE_NAMES = {"en": "English", "zh-hans": "简体中文"}
# Each language as the admin names it on its tabs, the form's language switch and field labels.
ADMIN_NAMES = {"en": "English", "zh-hans": "中文"}
# Short labels where space is tight (the admin's translation status column).
SHORT_NAMES = {"en": "EN", "zh-hans": "中文"}


def alternates(path: str) -> list[Alternate]:
    """This page in every language. Slugs are not translated, so the same URL
    pattern reversed under another language prefix is the same object."""
    return [Alternate(code, BCP47[code], NATIVE_NAMES[code], translate_url(path, code)) for code in codes()]


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

    if code == "zh-hans":
        from pypinyin import lazy_pinyin

        text = " ".join(lazy_pinyin(text or ""))
    return slugify(text or "")
