"""Editors fill in the site details; Translators may translate them."""

from django.db import migrations

GRANTS = {
    "Editor": {"about.sitesettings": ["add", "change", "view"]},
    "Translator": {"about.sitesettings": ["change", "view"]},
}


def grant(apps, schema_editor):
    from core.roles import grant

    grant(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [("about", "0001_site_settings"), ("core", "0001_editor_and_translator_groups")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
