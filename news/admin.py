from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from news.models import Article


@admin.register(Article)
class ArticleAdmin(TabbedTranslationAdmin):
    list_display = ["title", "status", "published_at", "original_language", "updated_at"]
    list_filter = ["status", "parks", "original_language"]
    # Fallback does not apply to queries: search both language columns.
    search_fields = ["title_en", "title_zh_hans", "summary_en", "summary_zh_hans", "slug"]
    prepopulated_fields = {"slug": ["title_en"]}
    date_hierarchy = "published_at"
    filter_horizontal = ["parks"]
    readonly_fields = ["created_at", "updated_at"]
