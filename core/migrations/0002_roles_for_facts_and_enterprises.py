"""The Editor and Translator groups also cover the facts and enterprise models
(core/roles.py says what each role may do)."""

from django.db import migrations

ALL = ["add", "change", "delete", "view"]
EDIT_ONLY = ["change", "view"]
MODELS = ["facts.keyfigure", "facts.milestone", "facts.assessmentresult", "enterprises.enterprise"]

GRANTS = {
    "Editor": {label: ALL for label in MODELS},
    # Text of existing content only: no add, no delete.
    "Translator": {label: EDIT_ONLY for label in MODELS},
}


def grant_roles(apps, schema_editor):
    from core.roles import grant

    grant(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_editor_and_translator_groups"),
        ("facts", "0002_key_figures_milestones_assessments"),
        ("enterprises", "0002_enterprise_image"),
    ]

    operations = [migrations.RunPython(grant_roles, migrations.RunPython.noop)]
