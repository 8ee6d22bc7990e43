"""Editors fill in the site details; Translators may translate them (core/roles.py)."""

from django.db import migrations

from core.roles import editorial_roles


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("about", "0001_site_settings"),
    ]

    operations = [editorial_roles("about.sitesettings")]
