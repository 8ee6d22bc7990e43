# Article.objects.search() uses a search document per weight tier on PostgreSQL
# (core/search.py: a tsvector column, a GIN index and a trigger, made after
# migrate by sync_search_indexes from Article.search_weights). The trigram
# indexes of migration 0003 are no longer used: drop them, on existing databases.
# DROP INDEX IF EXISTS is also valid (and a no-op) on SQLite.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("news", "0005_article_sources")]

    operations = [
        migrations.RunSQL(
            [
                "DROP INDEX IF EXISTS \"news_article_title_en_trgm\"",
                "DROP INDEX IF EXISTS \"news_article_title_zh_hans_trgm\"",
                "DROP INDEX IF EXISTS \"news_article_summary_en_trgm\"",
                "DROP INDEX IF EXISTS \"news_article_summary_zh_hans_trgm\"",
                "DROP INDEX IF EXISTS \"news_article_body_en_trgm\"",
                "DROP INDEX IF EXISTS \"news_article_body_zh_hans_trgm\"",
            ],
            reverse_sql=migrations.RunSQL.noop,
        ),
    ]
