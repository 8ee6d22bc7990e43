"""The Editor and Translator groups (core/roles.py) may work on documents; Editors also publish them."""

from django.db import migrations

from core.roles import editorial_roles


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("documents", "0001_initial"),
    ]

    operations = [editorial_roles("documents.document", editor_also=("publish_document",))]
