# Trigram indexes for Park.objects.search() on PostgreSQL (no-op elsewhere;
# SQLite gets an FTS5 index after migrate instead). See core/search.py.
from django.db import migrations

import core.search


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_pg_trgm_extension"),
        ("parks", "0002_images_and_history"),
    ]

    operations = [
        core.search.TrigramIndexes(
            model_name="park",
            fields=[
                "name_en",
                "name_zh_hans",
                "short_name_en",
                "short_name_zh_hans",
                "summary_en",
                "summary_zh_hans",
                "description_en",
                "description_zh_hans",
                "host_name_en",
                "host_name_zh_hans",
                "partner_name_en",
                "partner_name_zh_hans",
                "leading_industries_en",
                "leading_industries_zh_hans",
            ],
        ),
    ]
