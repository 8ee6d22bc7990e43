# pg_trgm lets PostgreSQL index substring search (LIKE '%…%'), Chinese included;
# its text-search configurations do not segment Chinese. See core/search.py.
# CreateExtension is a no-op on SQLite.
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = []

    operations = [TrigramExtension()]
