# Once: trigram indexes for Article.objects.search() on PostgreSQL. Replaced by the
# search documents (core/search.py), which sync_search_indexes makes after every
# migrate; migration 0004 drops the indexes this made on existing databases.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_pg_trgm_extension"),
        ("news", "0002_images_history_and_publish_permission"),
    ]

    operations = []
