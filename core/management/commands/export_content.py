"""Export all content as one fixture that `loaddata` restores.

    python manage.py export_content backups/content-2026-11-26.json.gz
    python manage.py loaddata backups/content-2026-11-26.json.gz

Objects are written with natural keys (slugs) and no database ids, so the file
loads into an empty database, or over an existing one, without clashes.
Personal data (investor inquiries) is not content and is not exported here.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Write every content object (settings.CONTENT_APPS) to one fixture file, with natural keys."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Output file: .json, or .json.gz / .json.bz2 / .json.xz to compress.")

    def handle(self, *args, path, **options):
        call_command(
            "dumpdata",
            *settings.CONTENT_APPS,
            natural_foreign=True,
            natural_primary=True,
            indent=1,
            output=path,
            verbosity=0,
        )
        self.stdout.write(f"Wrote {path}; restore with: python manage.py loaddata {path}")
