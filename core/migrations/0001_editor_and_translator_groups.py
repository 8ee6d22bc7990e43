"""The Editor and Translator groups (core/roles.py says what each may do)."""

from django.db import migrations

ALL = ["add", "change", "delete", "view"]
EDIT_ONLY = ["change", "view"]

GRANTS = {
    "Editor": {
        "news.article": [*ALL, "publish_article"],
        "parks.park": ALL,
        "facts.source": ALL,
        "images.image": ALL,
    },
    # Text of existing content only: no add, no delete, no publish.
    "Translator": {
        "news.article": EDIT_ONLY,
        "parks.park": EDIT_ONLY,
        "facts.source": EDIT_ONLY,
        "images.image": EDIT_ONLY,
    },
}


def create_groups(apps, schema_editor):
    from core.roles import grant

    grant(apps, GRANTS)


def delete_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GRANTS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("facts", "0001_initial"),
        ("images", "0001_image"),
        ("news", "0002_images_history_and_publish_permission"),
        ("parks", "0002_images_and_history"),
    ]

    operations = [migrations.RunPython(create_groups, delete_groups)]
