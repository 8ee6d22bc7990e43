# Once: trigram indexes for Enterprise.objects.search() on PostgreSQL. Replaced by the
# search documents (core/search.py), which sync_search_indexes makes after every
# migrate; migration 0004 drops the indexes this made on existing databases.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_pg_trgm_extension"),
        ("enterprises", "0002_enterprise_image"),
    ]

    operations = []
