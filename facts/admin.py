from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from core.admin import EditorialAdminMixin, TranslationStatusAdminMixin
from facts.models import Source


@admin.register(Source)
class SourceAdmin(EditorialAdminMixin, TranslationStatusAdminMixin, TabbedTranslationAdmin):
    list_display = ["title", "publisher", "published_on", "url"]
    search_fields = ["title_en", "title_zh_hans", "publisher_en", "publisher_zh_hans", "slug", "url"]
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ["title_en"]}
