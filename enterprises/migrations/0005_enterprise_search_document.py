# Enterprise.objects.search() uses a search document per weight tier on PostgreSQL
# (core/search.py: a tsvector column, a GIN index and a trigger, made after
# migrate by sync_search_indexes from Enterprise.search_weights). The trigram
# indexes of migration 0003 are no longer used: drop them, on existing databases.
# DROP INDEX IF EXISTS is also valid (and a no-op) on SQLite.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("enterprises", "0004_editor_and_translator_roles")]

    operations = [
        migrations.RunSQL(
            [
                "DROP INDEX IF EXISTS \"enterprises_enterprise_name_en_trgm\"",
                "DROP INDEX IF EXISTS \"enterprises_enterprise_name_zh_hans_trgm\"",
                "DROP INDEX IF EXISTS \"enterprises_enterprise_sector_en_trgm\"",
                "DROP INDEX IF EXISTS \"enterprises_enterprise_sector_zh_hans_trgm\"",
                "DROP INDEX IF EXISTS \"enterprises_enterprise_description_en_trgm\"",
                "DROP INDEX IF EXISTS \"enterprises_enterprise_description_zh_hans_trgm\"",
            ],
            reverse_sql=migrations.RunSQL.noop,
        ),
    ]
