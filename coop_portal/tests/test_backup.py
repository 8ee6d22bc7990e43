"""Backups restore: export_content reproduces every object and translation exactly; a whole
database backup (SQLite's online backup, PostgreSQL's pg_dump) reproduces every table, accounts
and inquiries included."""

import io
import os
import shutil
import subprocess

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, models
from django.db.models import ProtectedError

from core.i18n.languages import translated_base_fields
from core.models import exported_models
from news.tests.factories import ArticleFactory


def by_natural_key():
    """Every content row keyed by its natural key, with references as natural keys
    and without database ids (which a restore into an empty database may change)."""
    state = {}
    for model in exported_models():
        rows = {}
        for obj in model.objects.all():
            values = {}
            for field in model._meta.concrete_fields:
                if field.primary_key or field.name in translated_base_fields(model):
                    continue
                value = getattr(obj, field.name)
                values[field.name] = value.natural_key() if isinstance(field, models.ForeignKey) and value else value
            for field in model._meta.many_to_many:
                values[field.name] = sorted(related.natural_key() for related in getattr(obj, field.name).all())
            rows[obj.natural_key()] = values
        state[model._meta.label] = rows
    return state


def empty_content_tables():
    """Delete every content row, retrying the models that others still protect."""
    remaining = exported_models()
    while remaining:
        blocked = []
        for model in remaining:
            try:
                model.objects.all().delete()
            except ProtectedError:
                blocked.append(model)
        assert len(blocked) < len(remaining), blocked
        remaining = blocked


@pytest.mark.parametrize("suffix", [".json", ".json.gz"])
def test_export_then_restore_into_empty_database_is_exact(content, tmp_path, suffix):
    ArticleFactory(slug="draft-with-chinese-only-title", title_zh_hans="只有草稿", status="draft")
    before = by_natural_key()
    path = tmp_path / f"backup{suffix}"
    out = io.StringIO()
    call_command("export_content", str(path), stdout=out)
    assert "loaddata" in out.getvalue()

    empty_content_tables()
    assert all(not rows for rows in by_natural_key().values())

    call_command("loaddata", str(path), verbosity=0)
    after = by_natural_key()
    assert after == before
    assert after["news.Article"][("draft-with-chinese-only-title",)]["title_zh_hans"] == "只有草稿"


# --- Whole-database backups: everything, accounts and inquiries included ---------------------


@pytest.fixture
def everything(content):
    """Rows in every kind of table: content (with its history), an editor, an inquiry."""
    from django.contrib.auth.models import Group, User

    from inquiries.tests.factories import InquiryFactory

    editor = User.objects.create_user("bianji", "bianji@example.org", "pw", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    InquiryFactory(name="王芳", organisation="宿迁电子有限公司", message="我们计划在宿迁建厂。")


def every_table():
    """Every table Django made (models, many-to-many, history, sessions) and its migration record."""
    return sorted(connection.introspection.django_table_names(only_existing=True, include_views=False)) + [
        "django_migrations"
    ]


def row_counts(cursor, tables):
    counts = {}
    for table in tables:
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - names from introspection
        counts[table] = cursor.fetchone()[0]
    return counts


CHINESE_SAMPLE = [
    ('SELECT "name_zh_hans" FROM "parks_park" WHERE "slug" = %s', "ssip", "苏州宿迁工业园区"),
    ('SELECT "message" FROM "inquiries_inquiry" WHERE "name" = %s', "王芳", "我们计划在宿迁建厂。"),
]


def assert_restored(cursor, placeholder, expected_counts):
    assert row_counts(cursor, expected_counts) == expected_counts
    for query, key, text in CHINESE_SAMPLE:
        cursor.execute(query.replace("%s", placeholder), [key])
        assert cursor.fetchone()[0] == text


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite procedure")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # a backup copies committed data
def test_sqlite_online_backup_restores_every_table(everything, tmp_path):
    import sqlite3

    tables = every_table()
    with connection.cursor() as cursor:
        before = row_counts(cursor, tables)
    assert before["auth_user"] and before["inquiries_inquiry"] and before["news_historicalarticle"]

    call_command("backup_sqlite", str(tmp_path / "db.sqlite3"), stdout=io.StringIO())
    restored = sqlite3.connect(tmp_path / "db.sqlite3")
    try:
        assert_restored(restored.cursor(), "?", before)
    finally:
        restored.close()
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup_sqlite", str(tmp_path / "db.sqlite3"))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL procedure")
@pytest.mark.skipif(not shutil.which("pg_dump"), reason="pg_dump is not installed")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_pg_dump_restores_every_table_into_an_empty_database(everything, tmp_path):
    """docs/operations.md: pg_dump --format=custom, then pg_restore into an empty database."""
    import psycopg

    tables = every_table()
    with connection.cursor() as cursor:
        before = row_counts(cursor, tables)
    settings = connection.settings_dict
    server = {"host": settings["HOST"] or "localhost", "port": settings["PORT"] or 5432, "user": settings["USER"]}
    env = {**os.environ, "PGPASSWORD": settings["PASSWORD"] or ""}
    dump = tmp_path / "db.dump"
    subprocess.run(
        ["pg_dump", "--format=custom", "--no-owner", *pg_args(server), f"--file={dump}", settings["NAME"]],
        check=True,
        env=env,
    )
    empty = f"{settings['NAME']}_restore"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{empty}"')
        admin.execute(f'CREATE DATABASE "{empty}"')
    try:
        subprocess.run(
            ["pg_restore", "--no-owner", "--exit-on-error", *pg_args(server), f"--dbname={empty}", str(dump)],
            check=True,
            env=env,
        )
        with psycopg.connect(dbname=empty, **server) as restored:
            assert_restored(restored.cursor(), "%s", before)
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{empty}"')


def pg_args(server):
    return [f"--host={server['host']}", f"--port={server['port']}", f"--username={server['user']}"]
