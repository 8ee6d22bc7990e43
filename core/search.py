"""How content is searched: ``Article.objects.published().search("苏宿 industrial")``.

A model becomes searchable by naming its fields and their weights::

    class Article(ContentModel):
        search_fields = {"title": 3, "summary": 2, "body": 1}

Its QuerySet then has ``search(query)`` (every ``ContentModel`` QuerySet inherits
it through ``core.models.SlugQuerySet``). Step by step:

1. The query is split into terms at whitespace; a "quoted phrase" stays one term.
2. Every term must occur, as a case-insensitive substring, in one of the
   ``search_fields``, in either language column (``title_en`` or
   ``title_zh_hans``: modeltranslation's fallback does not apply to queries).
   Substrings, not words: Chinese is written without spaces and neither
   database's full-text parser segments it, while a substring finds 尼吉康 and
   Nichicon alike, on SQLite and PostgreSQL with the same result.
3. Rank: for each term, the weight of the best field it occurs in (title before
   summary before body), summed over the terms; ties keep the model's ordering.
4. Indexes make step 2 fast without changing its result:
   - PostgreSQL: pg_trgm GIN indexes on ``UPPER(column)``, the expression
     Django's ``icontains`` compares, created by the ``TrigramIndexes``
     migration operation below (each app's ``*_search_indexes`` migration).
   - SQLite: one FTS5 table per model with the trigram tokenizer
     (``<table>_search``), kept in step by triggers. It only narrows the rows
     that the ``LIKE`` of step 2 then checks. ``sync_sqlite_search_indexes``
     (re)creates it after every ``migrate``: SQLite loses a table's triggers
     whenever Django rebuilds that table for a schema change.
"""

import functools
import logging
import operator
import re

from django.db import DatabaseError, connections, models
from django.db.migrations.operations.base import Operation
from django.db.models import Case, Q, Value, When
from django.db.models.expressions import RawSQL
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import get_translation_fields

logger = logging.getLogger(__name__)

# Longer queries are refused by the search form; more terms are ignored.
MAX_QUERY_LENGTH = 100
MAX_TERMS = 8

_TERM = re.compile(r'"([^"]+)"|(\S+)')


def parse_query(query: str) -> list[str]:
    """``'苏宿  "industrial park" Park'`` -> ``["苏宿", "industrial park", "Park"]``:
    whitespace separates terms, double quotes keep a phrase, stray quotes are
    dropped, and repeats (ignoring case) count once."""
    terms: list[str] = []
    seen: set[str] = set()
    for phrase, word in _TERM.findall(query or ""):
        term = " ".join(phrase.split()) if phrase else word.strip('"')
        if term and term.casefold() not in seen:
            seen.add(term.casefold())
            terms.append(term)
    return terms[:MAX_TERMS]


def search_columns(model, field: str) -> list[str]:
    """The database fields behind one searched field: both language columns
    when the field is translated (``title`` -> ``title_en``, ``title_zh_hans``)."""
    try:
        translated = field in translator.get_options_for_model(model).all_fields
    except NotRegistered:
        translated = False
    return get_translation_fields(field) if translated else [field]


def all_search_columns(model) -> list[str]:
    return [column for field in model.search_fields for column in search_columns(model, field)]


class SearchQuerySet(models.QuerySet):
    """``search(query)`` for any model that declares ``search_fields``."""

    def search(self, query: str | list[str]):
        """The objects containing every term of ``query``, best first, each
        annotated with its ``search_rank``. Chain after the rule of what is
        public: ``Article.objects.published().search(q)``."""
        terms = parse_query(query) if isinstance(query, str) else list(query)
        if not terms:
            return self.annotate(search_rank=Value(0)).none()
        weights = self.model.search_fields
        queryset = self
        for term in terms:
            queryset = queryset.filter(self._occurs(term, weights))
        rank = functools.reduce(operator.add, (self._rank(term, weights) for term in terms))
        candidates = _sqlite_candidates(self.model, self.db, terms)
        if candidates is not None:
            queryset = queryset.filter(pk__in=candidates)
        ordering = self.query.order_by or self.model._meta.ordering
        return queryset.annotate(search_rank=rank).order_by("-search_rank", *ordering)

    def _occurs(self, term: str, fields) -> Q:
        """``term`` is in one of ``fields``, in any language."""
        columns = [column for field in fields for column in search_columns(self.model, field)]
        return functools.reduce(operator.or_, (Q(**{f"{column}__icontains": term}) for column in columns))

    def _rank(self, term: str, weights: dict[str, int]) -> Case:
        """The weight of the best field that contains ``term``."""
        whens = [
            When(self._occurs(term, [field for field, w in weights.items() if w == weight]), then=Value(weight))
            for weight in sorted(set(weights.values()), reverse=True)
        ]
        return Case(*whens, default=Value(0), output_field=models.IntegerField())


# --- SQLite: FTS5 trigram tables --------------------------------------------
# Two spaces after every indexed value, so that a one- or two-character string
# (苏宿) at the very end of a text still begins some indexed trigram.
_PAD = "  "


def fts_table(model) -> str:
    return f"{model._meta.db_table}_search"


# An FTS5 query, built in SQL: the indexed trigrams from the vocabulary table
# that start with a given prefix, OR-ed ("苏宿两" OR "苏宿工" ...); "" if none.
_PREFIX_TRIGRAMS = (
    "'(' || coalesce((SELECT group_concat('\"' || replace(term, '\"', '\"\"') || '\"', ' OR ')"
    " FROM \"{vocab}\" WHERE term >= %s AND term < %s), '\"\"') || ')'"
)


def _sqlite_candidates(model, alias: str, terms: list[str]) -> RawSQL | None:
    """The rowids the FTS5 table says may match every term, as a subquery; None
    when it cannot narrow anything (no table, or only one-character terms)."""
    connection = connections[alias]
    if connection.vendor != "sqlite" or not _fts_ready(connection, model):
        return None
    table = fts_table(model)
    parts, params = [], []
    for term in terms:
        if len(term) >= 3:
            # A phrase of the term's trigrams: exactly the texts that contain it.
            parts.append("%s")
            params.append('"' + term.replace('"', '""') + '"')
        elif len(term) == 2:
            # Too short for a trigram: any indexed trigram that starts with it.
            parts.append(_PREFIX_TRIGRAMS.format(vocab=f"{table}_vocab"))
            folded = term.lower()
            params += [folded, folded + "\U0010ffff"]
    if not parts:
        return None
    match = " || ' AND ' || ".join(parts)
    # Only names from the model's _meta are formatted in; the terms are parameters.
    return RawSQL(f'SELECT rowid FROM "{table}" WHERE "{table}" MATCH {match}', params)  # noqa: S608, S611


# alias -> {fts table name: exists}; cleared after every migrate.
_fts_state: dict[str, dict[str, bool]] = {}


def _fts_ready(connection, model) -> bool:
    state = _fts_state.setdefault(connection.alias, {})
    table = fts_table(model)
    if table not in state:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [table])
            state[table] = cursor.fetchone() is not None
    return state[table]


def _sqlite_index_sql(model) -> tuple[dict[str, str], str]:
    """The FTS5 table, its vocabulary and its triggers (by name), and the
    statement that fills the table from the model's rows."""
    table, pk = model._meta.db_table, model._meta.pk.column
    fts = fts_table(model)
    columns = [f'"{model._meta.get_field(name).column}"' for name in all_search_columns(model)]
    names = ", ".join(columns)

    def padded(prefix):
        return ", ".join(f"{prefix}{column} || '{_PAD}'" for column in columns)

    # Only names from the model's _meta are formatted into these statements.
    delete = f'INSERT INTO "{fts}"("{fts}", rowid, {names}) VALUES (\'delete\', old."{pk}", {padded("old.")});'  # noqa: S608
    insert = f'INSERT INTO "{fts}"(rowid, {names}) VALUES (new."{pk}", {padded("new.")});'  # noqa: S608
    objects = {
        fts: f"CREATE VIRTUAL TABLE \"{fts}\" USING fts5({names}, tokenize='trigram', content='')",
        f"{fts}_vocab": f'CREATE VIRTUAL TABLE "{fts}_vocab" USING fts5vocab("{fts}", row)',
        f"{fts}_insert": f'CREATE TRIGGER "{fts}_insert" AFTER INSERT ON "{table}" BEGIN {insert} END',
        f"{fts}_delete": f'CREATE TRIGGER "{fts}_delete" AFTER DELETE ON "{table}" BEGIN {delete} END',
        f"{fts}_update": (
            f'CREATE TRIGGER "{fts}_update" AFTER UPDATE OF "{pk}", {names} ON "{table}" BEGIN {delete} {insert} END'
        ),
    }
    fill = f'INSERT INTO "{fts}"(rowid, {names}) SELECT "{pk}", {padded("")} FROM "{table}"'  # noqa: S608
    return objects, fill


def sync_sqlite_search_index(connection, model) -> bool:
    """Make the FTS5 table and triggers of ``model`` match its search fields,
    rebuilding the index when anything was missing or different. Idempotent;
    returns True when it rebuilt."""
    expected, fill = _sqlite_index_sql(model)
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, sql FROM sqlite_master WHERE name LIKE %s", [f"{fts_table(model)}%"])
        if {name: sql for name, sql in cursor.fetchall() if name in expected} == expected:
            return False
        fts = fts_table(model)
        for trigger in ("insert", "delete", "update"):
            cursor.execute(f'DROP TRIGGER IF EXISTS "{fts}_{trigger}"')
        cursor.execute(f'DROP TABLE IF EXISTS "{fts}_vocab"')
        cursor.execute(f'DROP TABLE IF EXISTS "{fts}"')
        for sql in expected.values():
            cursor.execute(sql)
        cursor.execute(fill)
    return True


def searchable_models():
    from django.apps import apps

    return [model for model in apps.get_models() if getattr(model, "search_fields", None)]


def sync_search_indexes(using="default", verbosity=1, **kwargs):
    """post_migrate: on SQLite, (re)create every searchable model's FTS5 index.
    Without FTS5's trigram tokenizer (SQLite < 3.34) search still works, by
    LIKE alone, only slower."""
    _fts_state.pop(using, None)
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    for model in searchable_models():
        try:
            if sync_sqlite_search_index(connection, model) and verbosity >= 2:
                print(f"  Rebuilt the search index of {model._meta.label}")
        except DatabaseError as error:
            logger.warning("No FTS5 search index for %s (%s); search falls back to LIKE.", model._meta.label, error)


# --- PostgreSQL: trigram indexes ---------------------------------------------
class TrigramIndexes(Operation):
    """GIN trigram indexes on ``UPPER(column)`` for the given fields, which
    PostgreSQL uses for Django's ``icontains`` (``UPPER(col) LIKE UPPER(%s)``),
    Chinese included. Needs the pg_trgm extension (``core`` migration 0001).
    A no-op on every other database; the model state is not touched."""

    reversible = True
    reduces_to_sql = True

    def __init__(self, model_name: str, fields: list[str]):
        self.model_name = model_name
        self.fields = list(fields)

    def deconstruct(self):
        return (self.__class__.__name__, [], {"model_name": self.model_name, "fields": self.fields})

    def state_forwards(self, app_label, state):
        pass

    def _indexes(self, model):
        table = model._meta.db_table
        for name in self.fields:
            column = model._meta.get_field(name).column
            yield f"{table}_{column}_trgm"[:63], table, column

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        quote = schema_editor.quote_name
        for index, table, column in self._indexes(to_state.apps.get_model(app_label, self.model_name)):
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {quote(index)} ON {quote(table)} "
                f"USING gin (UPPER({quote(column)}) gin_trgm_ops)"
            )

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        for index, _table, _column in self._indexes(from_state.apps.get_model(app_label, self.model_name)):
            schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(index)}")

    def describe(self):
        return f"Trigram search indexes on {self.model_name} ({', '.join(self.fields)})"

    @property
    def migration_name_fragment(self):
        return f"{self.model_name}_search_indexes"
