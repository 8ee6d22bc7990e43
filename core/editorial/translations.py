"""The "Languages" column (EN ✓ 中文 ✗) and the "missing Chinese / missing English" filter of the
change list of any translated model."""

from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from core import translation_status
from core.i18n import languages


class MissingTranslationFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        choices = [(code, _("Missing %(language)s") % {"language": name}) for code, name in _language_names()]
        return [*choices, ("complete", _("Complete"))]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "complete":
            return queryset.exclude(translation_status.any_missing_q(queryset.model))
        if value in languages.codes():
            return queryset.filter(translation_status.missing_q(queryset.model, value))
        return queryset


def _language_names():
    from django.conf import settings

    # The written languages only: Traditional is derived, nothing in it is ever missing.
    return [(code, name) for code, name in settings.LANGUAGES if code in languages.codes()]


class TranslationStatusAdminMixin:
    """Adds a "Languages" column (EN ✓ 中文 ✗) and a "missing Chinese /
    missing English" filter to the change list of any translated model."""

    def get_list_display(self, request):
        return [*super().get_list_display(request), "translation_status"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), MissingTranslationFilter]

    @admin.display(description=_("Languages"))
    def translation_status(self, obj):
        missing = translation_status.missing_languages(obj)
        return format_html_join(
            " ",
            '<span class="translation-{}" title="{}">{} {}</span>',
            (
                (
                    "missing" if code in missing else "complete",
                    _("missing") if code in missing else _("complete"),
                    languages.SHORT_NAMES[code],
                    "✗" if code in missing else "✓",
                )
                for code in languages.codes()
            ),
        ) or format_html("")
