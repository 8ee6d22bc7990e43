"""The Editor and Translator groups (core/roles.py) may work on images.
Each app grants the roles on its own models, so a new app adds a migration like this one."""

from django.db import migrations

ALL = ["add", "change", "delete", "view"]
EDIT_ONLY = ["change", "view"]

GRANTS = {
    "Editor": {
        "images.image": ALL,
    },
    # Text of existing content only: no add, no delete, no publish.
    "Translator": {
        "images.image": EDIT_ONLY,
    },
}


def grant_roles(apps, schema_editor):
    from core.roles import grant

    grant(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("images", "0001_image"),
    ]

    operations = [migrations.RunPython(grant_roles, migrations.RunPython.noop)]
