"""`manage.py load_content`: the portal's content, as `make load`, `make serve`, the tests and the
benchmarks load it.

The fixtures are those the content types declare (core/registry.py, in the order of
settings.CONTENT_APPS), loaded by the portal's `loaddata` (validated, all or nothing, natural keys:
safe to repeat). No script keeps its own list.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from core import registry


class Command(BaseCommand):
    help = (
        "Loads the portal's content: every fixture its content types declare (core/registry.py), in one "
        "validating, all-or-nothing loaddata. Safe to repeat: objects are matched by natural key."
    )

    def add_arguments(self, parser):
        parser.add_argument("--list", action="store_true", help="Print the fixtures' names, one a line; load nothing.")
        parser.add_argument("--database", default="default", help='The database to load into (default: "default").')

    def handle(self, *args, list=False, database="default", verbosity=1, **options):
        if list:
            self.stdout.write("\n".join(registry.fixtures()))
            return
        call_command("loaddata", *registry.fixtures(), database=database, verbosity=verbosity)
