"""Editors see and change the redirects of renamed pages (core/redirects.py) in the admin;
Translators do not (an address is not text)."""

from django.db import migrations

from core.editorial.roles import ALL, EDITOR, grant


def editors_manage_redirects(apps, schema_editor):
    grant(apps, {EDITOR: {"redirects.redirect": ALL}})


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("redirects", "0002_alter_redirect_new_path_help_text"),
        ("core", "0004_staff_admin_language"),
    ]

    operations = [
        migrations.RunPython(editors_manage_redirects, migrations.RunPython.noop),
    ]
