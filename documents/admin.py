from django.contrib import admin
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from core.editorial.admin import EditorialAdminMixin
from core.editorial.history_admin import SimpleHistoryAdmin
from core.editorial.translations import TranslationStatusAdminMixin
from documents import chooser
from documents.models import Document


@admin.register(Document)
class DocumentAdmin(EditorialAdminMixin, TranslationStatusAdminMixin, SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ["title", "number", "status", "published_at", "file_label", "original_language", "updated_at"]
    list_filter = ["status", "parks", "file_kind", "original_language"]
    search_fields = ["title_en", "title_zh_hans", "number", "slug", "file_name"]
    date_hierarchy = "published_at"
    filter_horizontal = ["parks"]
    autocomplete_fields = ["sources"]
    readonly_fields = ["file_name", "file_kind", "file_size", "created_at", "updated_at"]
    # Publishing, the file and every other non-text field are for holders of publish_document (Editors).
    lock_permission = "documents.publish_document"

    @admin.display(description=_("file"))
    def file_label(self, obj):
        return f"{obj.get_file_kind_display()}, {filesizeformat(obj.file_size)}" if obj.file_kind else "–"

    def get_urls(self):
        return chooser.urls(self) + super().get_urls()
