"""The Editor and Translator groups (core/roles.py) may work on news articles;
Editors also publish them.
Each app grants the roles on its own models, so a new app adds a migration like this one."""

from django.db import migrations

from core.roles import editorial_roles


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("news", "0003_article_search_indexes"),
    ]

    operations = [editorial_roles("news.article", editor_also=("publish_article",))]
