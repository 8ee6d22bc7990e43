"""The Editor and Translator groups (core/roles.py) may work on parks.
Each app grants the roles on its own models, so a new app adds a migration like this one."""

from django.db import migrations

from core.roles import editorial_roles


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("parks", "0003_park_search_indexes"),
    ]

    operations = [editorial_roles("parks.park")]
