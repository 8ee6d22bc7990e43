"""The review workflow's roles (Writer, Reviewer, Approver: core/editorial/roles.py) may view
this app's content; the workflow gives them more, later."""

from django.db import migrations

from core.editorial.roles import workflow_roles


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_workflow_groups"),
        ("parks", "0006_either_language_original"),
    ]

    operations = [workflow_roles("parks.park")]
