"""The two editorial roles, as Django groups (created by the first data migration
that grants them, e.g. parks/migrations/0004_editor_and_translator_roles.py):

- **Editor**: adds, changes, publishes and deletes all content.
- **Translator**: changes the text of existing content in either language and
  nothing else: cannot publish, add or delete, and every field that is not
  translated text (slug, status, publication time, original language, parks,
  image, figures, coordinates) is read-only for users without the Editor's
  permissions, enforced on save too (core.editorial.admin.EditorialAdminMixin).

A new content model joins the roles with a data migration in its own app whose operation is
``editorial_roles("app_label.model")`` (see ``parks/migrations/0004_editor_and_translator_roles.py``);
core's own migrations name no content app.
"""

import functools

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.utils.translation import gettext_noop

# Stored in English (migrations, fixtures); shown translated (core.admin: gettext(group.name)).
EDITOR = gettext_noop("Editor")
TRANSLATOR = gettext_noop("Translator")
INQUIRY_HANDLER = gettext_noop("Inquiry handler")
# The review workflow's roles (issue 25: 三审). Created now, holding nothing but the right to
# view content: the workflow that lets them submit, review and sign off comes later, and until
# then publishing stays with Editors. Stored in English, shown translated, as the groups above.
WRITER = gettext_noop("Writer")
REVIEWER = gettext_noop("Reviewer")
APPROVER = gettext_noop("Approver")
WORKFLOW_ROLES = (WRITER, REVIEWER, APPROVER)
ALL = ["add", "change", "delete", "view"]
EDIT_ONLY = ["change", "view"]  # text of existing content only: no add, no delete, no publish


def editorial_roles(*labels: str, editor_also: tuple[str, ...] = ()) -> migrations.RunPython:
    """The data-migration operation giving the two roles their usual permissions on the models
    ``labels`` (``"parks.park"``): Editors everything, plus ``editor_also`` (``"publish_article"``);
    Translators change and view. Reversing it leaves the permissions in place."""
    grants = {
        EDITOR: {label: [*ALL, *editor_also] for label in labels},
        TRANSLATOR: dict.fromkeys(labels, EDIT_ONLY),
    }
    return migrations.RunPython(functools.partial(_grant, grants=grants), migrations.RunPython.noop)


def workflow_roles(*labels: str) -> migrations.RunPython:
    """The data-migration operation letting the review workflow's roles (Writer, Reviewer,
    Approver) view the models ``labels``: all they hold until the workflow gives them more."""
    grants = {role: dict.fromkeys(labels, ["view"]) for role in WORKFLOW_ROLES}
    return migrations.RunPython(functools.partial(_grant, grants=grants), migrations.RunPython.noop)


def create_workflow_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in WORKFLOW_ROLES:
        Group.objects.get_or_create(name=name)


def _grant(apps, schema_editor, grants):
    grant(apps, grants)


def grant(apps, grants: dict[str, dict[str, list[str]]]) -> None:
    """``grants`` is ``{group: {"app_label.model": [action or codename, …]}}``;
    an action (``change``) becomes the model's codename (``change_article``).

    Permissions are created first: on a fresh database they normally appear
    only after all migrations (post_migrate), too late for a data migration.
    """
    for app_config in apps.get_app_configs():
        historical = getattr(app_config, "models_module", None) is None
        app_config.models_module = getattr(app_config, "models_module", None) or True
        create_permissions(app_config, apps=apps, verbosity=0)
        if historical:
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


def grant_workflow_permissions(sender=None, using="default", **kwargs):
    """post_migrate: the review workflow's roles on every reviewed content type (core/registry.py),
    so that a content type declared later is covered without a migration of its own. Writers add and
    change items (their saves are revisions); Reviewers and Approvers change them while they wait
    for them, and hold the step's own permission (core.review_revision, core.sign_off_revision).
    Editors and Translators keep what their migrations gave them."""
    from django.apps import apps as global_apps

    from core import registry

    labels = [ct.model._meta.label_lower for ct in registry.content_types() if ct.reviewed]
    # What visitors see only through reviewed items (the picture library): Writers add to it for their
    # items; changing what is there would change published pages unreviewed, so that stays with Editors.
    unreviewed = [ct.model._meta.label_lower for ct in registry.content_types() if not ct.reviewed]
    grants = {
        WRITER: {
            **dict.fromkeys(labels, ["add", "change", "view"]),
            **dict.fromkeys(unreviewed, ["add", "view"]),
            "core.auditentry": ["view"],
        },
        REVIEWER: {
            **dict.fromkeys(labels, EDIT_ONLY),
            "core.revision": ["review_revision"],
            "core.auditentry": ["view"],
        },
        APPROVER: {
            **dict.fromkeys(labels, EDIT_ONLY),
            "core.revision": ["sign_off_revision"],
            "core.auditentry": ["view"],
        },
        EDITOR: {"core.auditentry": ["view"]},
    }
    grant(global_apps, grants)
