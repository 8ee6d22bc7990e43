from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from core.editorial.admin import EditorialAdminMixin
from core.editorial.history_admin import SimpleHistoryAdmin
from core.editorial.translations import TranslationStatusAdminMixin
from enterprises.models import Enterprise


@admin.register(Enterprise)
class EnterpriseAdmin(EditorialAdminMixin, TranslationStatusAdminMixin, SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ["name", "park", "origin", "arrived_year", "display_order", "updated_at"]
    list_editable = ["display_order"]
    list_filter = ["park", "arrived_year"]
    list_select_related = ["park"]
    # Fallback does not apply to queries: search both language columns.
    search_fields = ["name_en", "name_zh_hans", "sector_en", "sector_zh_hans", "slug"]
    autocomplete_fields = ["park", "image"]
    filter_horizontal = ["sources"]
    readonly_fields = ["created_at", "updated_at"]
