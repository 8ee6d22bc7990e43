from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from core.editorial.admin import EditorialAdminMixin
from core.editorial.history_admin import SimpleHistoryAdmin
from core.editorial.translations import TranslationStatusAdminMixin
from parks.models import Park


@admin.register(Park)
class ParkAdmin(EditorialAdminMixin, TranslationStatusAdminMixin, SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ["name", "slug", "host_name", "partner_name", "established", "display_order", "updated_at"]
    list_editable = ["display_order"]
    # Fallback does not apply to queries: search both language columns.
    search_fields = ["name_en", "name_zh_hans", "short_name_en", "short_name_zh_hans", "slug"]
    filter_horizontal = ["sources"]
    autocomplete_fields = ["image"]
    readonly_fields = ["created_at", "updated_at"]
    rich_text_fields = ("description",)
