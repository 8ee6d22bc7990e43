"""Copy the SQLite database to a file while the site keeps running.

    python manage.py backup_sqlite backups/db-2026-11-26.sqlite3

SQLite's online backup API (Python's ``sqlite3.Connection.backup``) copies a consistent
snapshot page by page, even while other processes write: unlike copying the file, it never
catches a half-written transaction. The copy is a complete database (content, accounts,
history, inquiries). To restore, stop the site and put the copy in place of the database file.
PostgreSQL databases are backed up with ``pg_dump`` instead (docs/operations.md).
"""

import sqlite3
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection


class Command(BaseCommand):
    help = "Copy the SQLite database to PATH with SQLite's online backup (the site may keep running)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The copy to write; must not exist yet.")

    def handle(self, *args, path, **options):
        if connection.vendor != "sqlite":
            raise CommandError(f"The database is {connection.vendor}, not SQLite: back it up with pg_dump.")
        target_path = Path(path)
        if target_path.exists():
            raise CommandError(f"{path} exists already; choose a new name (a backup never overwrites one).")
        target_path.parent.mkdir(parents=True, exist_ok=True)
        connection.ensure_connection()
        target = sqlite3.connect(target_path)
        try:
            connection.connection.backup(target)
            (result,) = target.execute("PRAGMA integrity_check").fetchone()
        finally:
            target.close()
        if result != "ok":
            raise CommandError(f"The copy in {path} failed its integrity check: {result}")
        self.stdout.write(
            f"Wrote {path}. To restore: stop the site, then copy it over {connection.settings_dict['NAME']}."
        )
