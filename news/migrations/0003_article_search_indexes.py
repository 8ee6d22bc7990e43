# Trigram indexes for Article.objects.search() on PostgreSQL (no-op elsewhere;
# SQLite gets an FTS5 index after migrate instead). See core/search.py.
from django.db import migrations

import core.search


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_pg_trgm_extension"),
        ("news", "0002_images_history_and_publish_permission"),
    ]

    operations = [
        core.search.TrigramIndexes(
            model_name="article",
            fields=["title_en", "title_zh_hans", "summary_en", "summary_zh_hans", "body_en", "body_zh_hans"],
        ),
    ]
