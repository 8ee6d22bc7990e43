from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from about.models import SiteSettings
from core.editorial.admin import EditorialAdminMixin
from core.editorial.history_admin import SimpleHistoryAdmin
from core.editorial.translations import TranslationStatusAdminMixin


@admin.register(SiteSettings)
class SiteSettingsAdmin(EditorialAdminMixin, TranslationStatusAdminMixin, SimpleHistoryAdmin, TabbedTranslationAdmin):
    """One row: it cannot be added twice or deleted. EditorialAdminMixin gives it the roles
    (Translators translate the organiser, address and About text; telephone, e-mail and the
    filing numbers are read-only for them, so a crafted POST cannot change them) and the
    lost-update check, the add form included (``singleton``)."""

    fields = ["organiser", "address", "telephone", "email", "about", "icp_number", "psb_number", "review_steps"]
    singleton = True

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
