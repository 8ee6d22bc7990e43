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
   - SQLite: FTS5 tables with the trigram tokenizer, one per weight tier
     (``<table>_search_3`` for titles …), kept in step by triggers, answer
     steps 2 and 3 for terms of two or more characters without reading the
     texts; one-character terms (and SQLite builds without FTS5) use LIKE.
     ``sync_search_indexes`` (re)creates them after every ``migrate``: SQLite
     loses a table's triggers whenever Django rebuilds it for a schema change.
   Case: LIKE on SQLite ignores case for ASCII letters only, the FTS5 index
   and PostgreSQL's UPPER() for every script; Chinese has no case.
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
        tiers = search_tiers(self.model)
        fts = _sqlite_index(self.model, self.db)
        queryset, ranks = self, []
        for term in terms:
            found = [(weight, self._contains(term, weight, columns, fts)) for weight, columns in tiers]
            queryset = queryset.filter(functools.reduce(operator.or_, (condition for _weight, condition in found)))
            # The best tier the term is in; the lowest needs no test, the term is somewhere.
            whens = [When(condition, then=Value(weight)) for weight, condition in found[:-1]]
            ranks.append(Case(*whens, default=Value(tiers[-1][0]), output_field=models.IntegerField()))
        ordering = self.query.order_by or self.model._meta.ordering
        return queryset.annotate(search_rank=functools.reduce(operator.add, ranks)).order_by("-search_rank", *ordering)

    def _contains(self, term: str, weight: int, columns: list[str], fts: bool) -> Q:
        """``term`` is in one of ``columns`` (one weight tier)."""
        if fts and len(term) >= 2:
            return Q(pk__in=_sqlite_match(self.model, weight, term))
        return functools.reduce(operator.or_, (Q(**{f"{column}__icontains": term}) for column in columns))


def search_tiers(model) -> list[tuple[int, list[str]]]:
    """The model's searched columns grouped by weight, highest first:
    ``[(3, ["title_en", "title_zh_hans"]), (2, [...summary...]), (1, [...body...])]``."""
    weights = model.search_fields
    return [
        (weight, [column for field, w in weights.items() if w == weight for column in search_columns(model, field)])
        for weight in sorted(set(weights.values()), reverse=True)
    ]


# --- SQLite: FTS5 trigram tables --------------------------------------------
# One FTS5 table per weight tier (news_article_search_3 for titles, _2 for
# summaries, _1 for bodies): which table matches gives the rank, and the small
# title and summary tables answer quickly. Two spaces follow every indexed
# value, so that a one- or two-character string (苏宿) at the very end of a
# text still begins an indexed trigram.
_PAD = "  "


def fts_tables(model) -> dict[int, str]:
    return {weight: f"{model._meta.db_table}_search_{weight}" for weight, _columns in search_tiers(model)}


# An FTS5 query, built in SQL: the indexed trigrams from the vocabulary table
# that start with a given prefix, OR-ed ("苏宿两" OR "苏宿工" ...); "" if none.
_PREFIX_TRIGRAMS = (
    "'(' || coalesce((SELECT group_concat('\"' || replace(term, '\"', '\"\"') || '\"', ' OR ')"
    " FROM \"{vocab}\" WHERE term >= %s AND term < %s), '\"\"') || ')'"
)


def _sqlite_match(model, weight: int, term: str) -> RawSQL:
    """The rowids whose texts of one weight tier contain ``term``, ignoring
    case, as a subquery. Exactly the substring matches: a phrase of the term's
    trigrams occurs where the term occurs, and a two-character term begins an
    indexed trigram wherever it occurs (the texts are padded)."""
    table = fts_tables(model)[weight]
    if len(term) >= 3:
        match, params = "%s", ['"' + term.replace('"', '""') + '"']
    else:
        folded = term.lower()
        match, params = _PREFIX_TRIGRAMS.format(vocab=f"{table}_vocab"), [folded, folded + "\U0010ffff"]
    # Only names from the model's _meta are formatted in; the term is a parameter.
    return RawSQL(f'SELECT rowid FROM "{table}" WHERE "{table}" MATCH {match}', params)  # noqa: S608, S611


# alias -> {model label: its FTS5 tables exist}; cleared after every migrate.
_fts_state: dict[str, dict[str, bool]] = {}


def _sqlite_index(model, alias: str) -> bool:
    """Whether searches of ``model`` on database ``alias`` can use FTS5."""
    connection = connections[alias]
    if connection.vendor != "sqlite":
        return False
    state = _fts_state.setdefault(alias, {})
    if model._meta.label not in state:
        tables = list(fts_tables(model).values())
        with connection.cursor() as cursor:
            placeholders = ", ".join(["%s"] * len(tables))
            cursor.execute(f"SELECT count(*) FROM sqlite_master WHERE name IN ({placeholders})", tables)  # noqa: S608
            state[model._meta.label] = cursor.fetchone()[0] == len(tables)
    return state[model._meta.label]


def _sqlite_index_sql(model) -> tuple[dict[str, str], list[str]]:
    """The FTS5 tables, their vocabularies and the triggers that keep them in
    step (by name), and the statements that fill the tables from the rows."""
    table, pk = model._meta.db_table, model._meta.pk.column
    prefix = f"{table}_search"
    objects, inserts, deletes, fills, watched = {}, [], [], [], []
    for weight, columns in search_tiers(model):
        fts = fts_tables(model)[weight]
        quoted = [f'"{model._meta.get_field(column).column}"' for column in columns]
        names = ", ".join(quoted)
        watched += quoted

        def padded(row, quoted=quoted):
            return ", ".join(f"{row}{column} || '{_PAD}'" for column in quoted)

        options = "tokenize='trigram', content='', columnsize=0"  # an index only: no copy of the texts
        objects[fts] = f'CREATE VIRTUAL TABLE "{fts}" USING fts5({names}, {options})'
        objects[f"{fts}_vocab"] = f'CREATE VIRTUAL TABLE "{fts}_vocab" USING fts5vocab("{fts}", row)'
        # Only names from the model's _meta are formatted into these statements.
        inserts.append(f'INSERT INTO "{fts}"(rowid, {names}) VALUES (new."{pk}", {padded("new.")});')  # noqa: S608
        deletes.append(
            f'INSERT INTO "{fts}"("{fts}", rowid, {names}) VALUES (\'delete\', old."{pk}", {padded("old.")});'  # noqa: S608
        )
        fills.append(f'INSERT INTO "{fts}"(rowid, {names}) SELECT "{pk}", {padded("")} FROM "{table}"')  # noqa: S608
    insert, delete = " ".join(inserts), " ".join(deletes)
    objects[f"{prefix}_insert"] = f'CREATE TRIGGER "{prefix}_insert" AFTER INSERT ON "{table}" BEGIN {insert} END'
    objects[f"{prefix}_delete"] = f'CREATE TRIGGER "{prefix}_delete" AFTER DELETE ON "{table}" BEGIN {delete} END'
    objects[f"{prefix}_update"] = (
        f'CREATE TRIGGER "{prefix}_update" AFTER UPDATE OF "{pk}", {", ".join(watched)} ON "{table}" '
        f"BEGIN {delete} {insert} END"
    )
    return objects, fills


def sync_sqlite_search_index(connection, model) -> bool:
    """Make the FTS5 tables and triggers of ``model`` match its search fields,
    rebuilding the index when anything was missing or different. Idempotent;
    returns True when it rebuilt."""
    expected, fills = _sqlite_index_sql(model)
    prefix = f"{model._meta.db_table}_search"
    with connection.cursor() as cursor:
        # Ours: triggers and (virtual) tables named <table>_search…, not FTS5's own shadow tables.
        cursor.execute(
            "SELECT name, type, sql FROM sqlite_master WHERE substr(name, 1, %s) = %s"
            " AND (type = 'trigger' OR sql LIKE 'CREATE VIRTUAL TABLE%%')",
            [len(prefix), prefix],
        )
        existing = cursor.fetchall()
        if {name: sql for name, _type, sql in existing} == expected:
            return False
        for name, kind, _sql in sorted(existing, key=lambda row: (row[1] != "trigger", not row[0].endswith("_vocab"))):
            cursor.execute(f'DROP {"TRIGGER" if kind == "trigger" else "TABLE"} IF EXISTS "{name}"')
        for sql in expected.values():
            cursor.execute(sql)
        for fill in fills:
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
