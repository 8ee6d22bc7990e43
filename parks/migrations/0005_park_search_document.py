# Park.objects.search() uses a search document per weight tier on PostgreSQL
# (core/search.py: a tsvector column, a GIN index and a trigger, made after
# migrate by sync_search_indexes from Park.search_weights). The trigram
# indexes of migration 0003 are no longer used: drop them, on existing databases.
# DROP INDEX IF EXISTS is also valid (and a no-op) on SQLite.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("parks", "0004_editor_and_translator_roles")]

    operations = [
        migrations.RunSQL(
            [
                "DROP INDEX IF EXISTS \"parks_park_name_en_trgm\"",
                "DROP INDEX IF EXISTS \"parks_park_name_zh_hans_trgm\"",
                "DROP INDEX IF EXISTS \"parks_park_short_name_en_trgm\"",
                "DROP INDEX IF EXISTS \"parks_park_short_name_zh_hans_trgm\"",
                "DROP INDEX IF EXISTS \"parks_park_summary_en_trgm\"",
                "DROP INDEX IF EXISTS \"parks_park_summary_zh_hans_trgm\"",
                "DROP INDEX IF EXISTS \"parks_park_description_en_trgm\"",
                "DROP INDEX IF EXISTS \"parks_park_description_zh_hans_trgm\"",
                "DROP INDEX IF EXISTS \"parks_park_host_name_en_trgm\"",
                "DROP INDEX IF EXISTS \"parks_park_host_name_zh_hans_trgm\"",
                "DROP INDEX IF EXISTS \"parks_park_partner_name_en_trgm\"",
                "DROP INDEX IF EXISTS \"parks_park_partner_name_zh_hans_trgm\"",
                "DROP INDEX IF EXISTS \"parks_park_leading_industries_en_trgm\"",
                "DROP INDEX IF EXISTS \"parks_park_leading_industries_zh_hans_trgm\"",
            ],
            reverse_sql=migrations.RunSQL.noop,
        ),
    ]
