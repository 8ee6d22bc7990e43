# Trigram indexes for Enterprise.objects.search() on PostgreSQL (no-op elsewhere;
# SQLite gets an FTS5 index after migrate instead). See core/search.py.
from django.db import migrations

import core.search


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_pg_trgm_extension"),
        ("enterprises", "0002_enterprise_image"),
    ]

    operations = [
        core.search.TrigramIndexes(
            model_name="enterprise",
            fields=["name_en", "name_zh_hans", "sector_en", "sector_zh_hans", "description_en", "description_zh_hans"],
        ),
    ]
