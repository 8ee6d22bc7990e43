"""Export all content as one fixture that `loaddata` restores.

    python manage.py export_content backups/content-2026-11-26.json.gz
    python manage.py loaddata backups/content-2026-11-26.json.gz

Objects are written with natural keys (slugs) and no database ids, so the file
loads into an empty database, or over an existing one, without clashes.
Personal data (investor inquiries), accounts and editorial history are not
content and are not exported here; the database dump covers them. Image files
live in media storage: back them up beside this file.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from core.models import exported_models


class Command(BaseCommand):
    help = "Write every content object (core.models.exported_models()) to one fixture file, with natural keys."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Output file: .json, or .json.gz / .json.bz2 / .json.xz to compress.")

    def handle(self, *args, path, **options):
        call_command(
            "dumpdata",
            *(model._meta.label for model in exported_models()),
            natural_foreign=True,
            natural_primary=True,
            indent=1,
            output=path,
            verbosity=0,
        )
        self.stdout.write(f"Wrote {path}; restore with: python manage.py loaddata {path}")
