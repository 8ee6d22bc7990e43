from django import forms
from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from core.editorial.admin import EditorialAdminMixin
from core.editorial.history_admin import SimpleHistoryAdmin
from core.editorial.translations import TranslationStatusAdminMixin
from images.models import Image


class ImageForm(forms.ModelForm):
    class Meta:
        model = Image
        fields = ["file", "slug", "original_language", "alt", "caption", "credit"]
        # A hint for the file picker only: what is accepted is decided by the content (images/processing.py).
        widgets = {"file": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})}


@admin.register(Image)
class ImageAdmin(EditorialAdminMixin, TranslationStatusAdminMixin, SimpleHistoryAdmin, TabbedTranslationAdmin):
    form = ImageForm
    list_display = ["thumbnail", "alt", "slug", "size", "credit", "created_at"]
    list_display_links = ["thumbnail", "alt"]
    search_fields = ["alt_en", "alt_zh_hans", "caption_en", "caption_zh_hans", "credit_en", "credit_zh_hans", "slug"]
    readonly_fields = ["preview", "size", "created_at", "updated_at"]

    @admin.display(description=_("image"))
    def thumbnail(self, obj):
        return format_html('<img src="{}" alt="" width="96" class="admin-thumbnail">', obj.src) if obj.file else "—"

    @admin.display(description=_("preview"))
    def preview(self, obj):
        if not obj or not obj.file:
            return "—"
        return format_html('<img src="{}" alt="{}" class="admin-preview">', obj.src, obj.alt)

    @admin.display(description=_("size (pixels)"))
    def size(self, obj):
        return f"{obj.width} × {obj.height}" if obj.width else "—"
