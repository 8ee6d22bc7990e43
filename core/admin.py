"""The admin site itself: its name, the login-throttling records for superusers only, groups
named in the user's language, and the checked redirects of renamed pages. What content admins
share is in core/editorial/admin.py."""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import redirects
from core.models import Redirect
from core.workflow import audit_admin  # noqa: F401 - registers the audit trail

# The admin's own name is the portal's, in the user's language ("Django 管理" otherwise).
admin.site.site_header = _("Suzhou–Suqian Cooperation Portal")
admin.site.site_title = _("Suzhou–Suqian Cooperation Portal")
admin.site.index_title = _("Site administration")


def _superusers_only():
    """The login-throttling records (django-axes) are for superusers: an editor cannot act on
    them, and they should not be in everybody's menu."""
    from axes import admin as _axes_admin  # noqa: F401 - registers the axes models first

    for model, model_admin in list(admin.site._registry.items()):
        if model._meta.app_label != "axes":
            continue

        def superuser(self, request, obj=None):
            return request.user.is_active and request.user.is_superuser

        restricted = type(
            type(model_admin).__name__,
            (type(model_admin),),
            {
                "has_module_permission": lambda self, request: superuser(self, request),
                "has_view_permission": superuser,
                "has_change_permission": superuser,
                "has_delete_permission": superuser,
                "has_add_permission": superuser,
            },
        )
        admin.site.unregister(model)
        admin.site.register(model, restricted)


_superusers_only()


class TranslatedGroupAdmin(GroupAdmin):
    """Group names are stored in English (core/editorial/roles.py) and shown in the user's language."""

    list_display = ["translated_name"]

    @admin.display(description=_("name"), ordering="name")
    def translated_name(self, group):
        return gettext(group.name)


class TranslatedGroupsUserAdmin(UserAdmin):
    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "groups":
            field.label_from_instance = lambda group: gettext(group.name)
        return field


for _model, _admin_class in ((Group, TranslatedGroupAdmin), (get_user_model(), TranslatedGroupsUserAdmin)):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)
    admin.site.register(_model, _admin_class)


class RedirectForm(forms.ModelForm):
    """Refuses a redirect that loops or leads to no public page (core/redirects.py), saying which."""

    class Meta:
        model = Redirect
        fields = ["old_path", "new_path"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("old_path") and cleaned.get("new_path") is not None:
            try:
                redirects.check_target(cleaned["old_path"], cleaned["new_path"])
            except ValidationError as error:
                self.add_error("new_path", error)
        return cleaned


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    """The old addresses of renamed pages (made on save, core/redirects.py), which editors may
    also add and change."""

    form = RedirectForm
    list_display = ["old_path", "new_path"]
    search_fields = ["old_path", "new_path"]
