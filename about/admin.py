from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from about.models import SiteSettings
from core.admin import TranslationStatusAdminMixin
from core.history_admin import SimpleHistoryAdmin


@admin.register(SiteSettings)
class SiteSettingsAdmin(TranslationStatusAdminMixin, SimpleHistoryAdmin, TabbedTranslationAdmin):
    """One row: the list leads straight to it; it cannot be added twice or deleted."""

    fields = ["organiser", "address", "telephone", "email", "about", "icp_number", "psb_number"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
