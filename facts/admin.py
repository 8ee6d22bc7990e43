from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from core.editorial.admin import EditorialAdminMixin
from core.editorial.history_admin import SimpleHistoryAdmin
from core.editorial.translations import TranslationStatusAdminMixin
from facts.models import AssessmentResult, KeyFigure, Milestone, Source


@admin.register(Source)
class SourceAdmin(EditorialAdminMixin, TranslationStatusAdminMixin, SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ["title", "publisher", "published_on", "url"]
    search_fields = ["title_en", "title_zh_hans", "publisher_en", "publisher_zh_hans", "slug", "url"]
    date_hierarchy = "published_on"


@admin.register(KeyFigure)
class KeyFigureAdmin(EditorialAdminMixin, TranslationStatusAdminMixin, SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ["label", "formatted", "park", "as_of", "source", "headline", "display_order"]
    list_editable = ["headline", "display_order"]
    list_filter = ["headline", "unit", "park", "source"]
    list_select_related = ["park", "source"]
    # Fallback does not apply to queries: search both language columns.
    search_fields = ["label_en", "label_zh_hans", "slug"]
    autocomplete_fields = ["source", "park"]
    readonly_fields = ["created_at", "updated_at"]

    @admin.display(description=KeyFigure._meta.get_field("value").verbose_name)
    def formatted(self, figure):
        return figure.formatted


@admin.register(Milestone)
class MilestoneAdmin(EditorialAdminMixin, TranslationStatusAdminMixin, SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ["title", "date", "date_precision", "park", "source"]
    list_filter = ["park", "date_precision"]
    list_select_related = ["park", "source"]
    search_fields = ["title_en", "title_zh_hans", "description_en", "description_zh_hans", "slug"]
    date_hierarchy = "date"
    autocomplete_fields = ["source", "park"]
    readonly_fields = ["created_at", "updated_at"]


@admin.register(AssessmentResult)
class AssessmentResultAdmin(EditorialAdminMixin, admin.ModelAdmin):
    """No translated text of its own (ranks are written by ``facts.formatting``), so not a
    translation admin, and read-only for Translators (EditorialAdminMixin: no text to change).
    Search finds results by the park's name in either language."""

    list_display = ["park", "year", "rank", "top", "out_of", "consecutive", "source"]
    list_filter = ["year", "park"]
    list_select_related = ["park", "source"]
    search_fields = ["park__name_en", "park__name_zh_hans", "park__slug", "year"]
    autocomplete_fields = ["source", "park"]
