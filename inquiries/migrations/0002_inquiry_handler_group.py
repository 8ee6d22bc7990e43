"""The *Inquiry handler* group: staff who follow up investor inquiries.

Permissions are normally created after all migrations (post_migrate), too late
for a data migration on a fresh database; create_permissions() makes this app's
now, with the historical models, and is a no-op for those that exist.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Inquiry handler"
CODENAMES = ["view_inquiry", "change_inquiry", "delete_inquiry", "export_inquiry"]


def create_group(apps, schema_editor):
    using = schema_editor.connection.alias
    create_permissions(global_apps.get_app_config("inquiries"), verbosity=0, apps=apps, using=using)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.using(using).get_or_create(name=GROUP)
    permissions = Permission.objects.using(using).filter(
        content_type__app_label="inquiries", content_type__model="inquiry", codename__in=CODENAMES
    )
    if permissions.count() != len(CODENAMES):
        raise RuntimeError(f"Expected the permissions {CODENAMES}, found {list(permissions)}")
    group.permissions.add(*permissions)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.using(schema_editor.connection.alias).filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("inquiries", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
