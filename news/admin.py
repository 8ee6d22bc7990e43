from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import EditorialAdminMixin, TranslationStatusAdminMixin
from news.models import Article


@admin.register(Article)
class ArticleAdmin(EditorialAdminMixin, TranslationStatusAdminMixin, SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ["title", "status", "published_at", "original_language", "updated_at"]
    list_filter = ["status", "parks", "original_language"]
    # Fallback does not apply to queries: search both language columns.
    search_fields = ["title_en", "title_zh_hans", "summary_en", "summary_zh_hans", "slug"]
    date_hierarchy = "published_at"
    filter_horizontal = ["parks"]
    autocomplete_fields = ["image"]
    readonly_fields = ["created_at", "updated_at"]
    # Publishing, and every other non-text field, is for holders of news.publish_article (Editors).
    lock_permission = "news.publish_article"
    rich_text_fields = ("body",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("image")
