"""The two editorial roles, as Django groups (created by a data migration,
core/migrations/0001_editor_and_translator_groups.py):

- **Editor**: adds, changes, publishes and deletes all content.
- **Translator**: changes the text of existing content in either language and
  nothing else: cannot publish, add or delete, and every field that is not
  translated text (slug, status, publication time, original language, parks,
  image, figures, coordinates) is read-only for users without the Editor's
  permissions, enforced on save too (core.admin.EditorialAdminMixin).

A new content model joins the roles with a data migration in its own app that
calls ``grant`` with its permissions (see ``0001_editor_and_translator_groups``).
"""

from django.contrib.auth.management import create_permissions
from django.utils.translation import gettext_noop

# Stored in English (migrations, fixtures); shown translated (core.admin: gettext(group.name)).
EDITOR = gettext_noop("Editor")
TRANSLATOR = gettext_noop("Translator")
INQUIRY_HANDLER = gettext_noop("Inquiry handler")


def grant(apps, grants: dict[str, dict[str, list[str]]]) -> None:
    """``grants`` is ``{group: {"app_label.model": [action or codename, …]}}``;
    an action (``change``) becomes the model's codename (``change_article``).

    Permissions are created first: on a fresh database they normally appear
    only after all migrations (post_migrate), too late for a data migration.
    """
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, models in grants.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for label, actions in models.items():
            app_label, model_name = label.split(".")
            codenames = [a if "_" in a else f"{a}_{model_name}" for a in actions]
            permissions = Permission.objects.filter(
                content_type__app_label=app_label, content_type__model=model_name, codename__in=codenames
            )
            found = set(permissions.values_list("codename", flat=True))
            if missing := set(codenames) - found:
                raise LookupError(f"{label}: no permission {sorted(missing)}")
            group.permissions.add(*permissions)
