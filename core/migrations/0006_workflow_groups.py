"""The review workflow's three groups (issue 25: Writer 撰稿人, Reviewer 审核人, Approver 签发人),
stored in English and shown translated (core.admin). They may only view content, which each
content app grants in its own migration (``core.editorial.roles.workflow_roles``): submitting,
reviewing and signing off come with the workflow, later."""

from django.db import migrations

from core.editorial.roles import create_workflow_groups


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("core", "0005_redirect"),
    ]

    operations = [migrations.RunPython(create_workflow_groups, migrations.RunPython.noop)]
