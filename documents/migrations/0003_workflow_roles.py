"""The review workflow's roles (Writer, Reviewer, Approver: core/editorial/roles.py) may view
this app's content; the workflow gives them more, later."""

from django.db import migrations

from core.editorial.roles import workflow_roles


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_workflow_groups"),
        ("documents", "0002_editor_and_translator_roles"),
    ]

    operations = [workflow_roles("documents.document")]
