"""The review workflow's roles (Writer, Reviewer, Approver: core/editorial/roles.py) may view
this app's content; the workflow gives them more, later."""

from django.db import migrations

from core.editorial.roles import workflow_roles


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_workflow_groups"),
        ("images", "0004_history_for_every_translated_type"),
    ]

    operations = [workflow_roles("images.image")]
