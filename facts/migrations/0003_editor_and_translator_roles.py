"""The Editor and Translator groups (core/roles.py) may work on sources, key figures, milestones and assessment results.
Each app grants the roles on its own models, so a new app adds a migration like this one."""

from django.db import migrations

from core.roles import editorial_roles


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("facts", "0002_key_figures_milestones_assessments"),
    ]

    operations = [editorial_roles("facts.source", "facts.keyfigure", "facts.milestone", "facts.assessmentresult")]
