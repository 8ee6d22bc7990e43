"""The search indexes of both databases, (re)made after every ``migrate`` from the models'
``search_weights`` (see the package's docstring): SQLite's FTS5 trigram tables, PostgreSQL's
search documents."""

import hashlib
import logging

from django.db import DatabaseError, connections
from django.db.models.expressions import RawSQL

from search.fields import document_column, fts_tables, search_tiers, searchable_models
from search.terms import CJK

logger = logging.getLogger(__name__)

# alias -> {model label: "postgresql" | "fts5" | None}; cleared after every migrate.
_index_state: dict[str, dict[str, str | None]] = {}


def search_index(model, alias: str) -> str | None:
    """Which index searches of ``model`` on database ``alias`` can use."""
    state = _index_state.setdefault(alias, {})
    if model._meta.label not in state:
        connection = connections[alias]
        if connection.vendor == "sqlite":
            tables = list(fts_tables(model).values())
            found = _count_objects(connection, "SELECT count(*) FROM sqlite_master WHERE name IN ({})", tables)
            state[model._meta.label] = "fts5" if found == len(tables) else None
        elif connection.vendor == "postgresql":
            columns = [document_column(weight) for weight, _columns in search_tiers(model)]
            sql = "SELECT count(*) FROM information_schema.columns WHERE table_name = %s AND column_name IN ({})"
            found = _count_objects(connection, sql, columns, [model._meta.db_table])
            state[model._meta.label] = "postgresql" if found == len(columns) else None
        else:
            state[model._meta.label] = None
    return state[model._meta.label]


def _count_objects(connection, sql: str, names: list[str], params=()) -> int:
    with connection.cursor() as cursor:
        cursor.execute(sql.format(", ".join(["%s"] * len(names))), [*params, *names])
        return cursor.fetchone()[0]


# --- SQLite: FTS5 trigram tables --------------------------------------------
# One FTS5 table per weight tier (news_article_search_3 for titles, _2 for
# summaries, _1 for bodies): which table matches gives the rank, and the small
# title and summary tables answer quickly. Two spaces follow every indexed
# value, so that a one- or two-character string (苏宿) at the very end of a
# text still begins an indexed trigram.
_PAD = "  "


# An FTS5 query, built in SQL: the indexed trigrams from the vocabulary table
# that start with a given prefix, OR-ed ("苏宿两" OR "苏宿工" ...); "" if none.
_PREFIX_TRIGRAMS = (
    "'(' || coalesce((SELECT group_concat('\"' || replace(term, '\"', '\"\"') || '\"', ' OR ')"
    " FROM \"{vocab}\" WHERE term >= %s AND term < %s), '\"\"') || ')'"
)


def sqlite_match(model, weight: int, term: str) -> RawSQL:
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


# --- PostgreSQL: search documents --------------------------------------------
# Shared by every searchable table: the lexemes of a text (see term_lexemes),
# the words of a title for "Did you mean …?" (see title_words), and the
# vocabulary they go to, with a trigram index for nearest-word lookups.
_PG_SHARED = f"""
CREATE OR REPLACE FUNCTION search_lexemes(document text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT lexeme), '{{}}') FROM (
    SELECT word[1] FROM regexp_matches(lower(document), '[0-9a-z]+', 'g') AS word
    UNION ALL
    SELECT substr(run[1], i, size)
    FROM regexp_matches(document, '[{CJK}]+', 'g') AS run,
         generate_series(1, char_length(run[1])) AS i,
         (VALUES (1), (2)) AS sizes(size)
    WHERE i + size - 1 <= char_length(run[1])
  ) AS lexemes(lexeme)
$$;
CREATE OR REPLACE FUNCTION search_words(document text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT word[1]), '{{}}') FROM (
    SELECT regexp_matches(lower(document), '[a-z][0-9a-z]{{3,}}', 'g')
    UNION ALL
    SELECT regexp_matches(document, '(?<![{CJK}])[{CJK}]{{2,8}}(?![{CJK}])', 'g')
  ) AS words(word)
$$;
CREATE TABLE IF NOT EXISTS search_vocabulary (word text PRIMARY KEY);
CREATE INDEX IF NOT EXISTS search_vocabulary_trgm ON search_vocabulary USING gist (word gist_trgm_ops);
"""  # noqa: S608 - the only value formatted in is CJK


def _postgresql_index_sql(model) -> tuple[str, list[str]]:
    """The trigger that keeps the model's documents in step, and the
    statements that (re)build them; the trigger function's comment holds a
    fingerprint of both, so a changed declaration is noticed."""
    table, name = model._meta.db_table, f"{model._meta.db_table}_search"
    tiers = search_tiers(model)

    def text(columns):
        return "concat_ws(' ', " + ", ".join(f'NEW."{model._meta.get_field(c).column}"' for c in columns) + ")"

    assignments = "\n".join(
        f'  NEW."{document_column(weight)}" := array_to_tsvector(search_lexemes({text(columns)}));'
        for weight, columns in tiers
    )
    watched = ", ".join(f'"{model._meta.get_field(c).column}"' for _weight, columns in tiers for c in columns)
    # Only names from the model's _meta are formatted into these statements.
    function = (
        f'CREATE OR REPLACE FUNCTION "{name}"() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n{assignments}\n'
        f"  INSERT INTO search_vocabulary (word) SELECT unnest(search_words({text(tiers[0][1])}))"
        " ON CONFLICT DO NOTHING;\n  RETURN NEW;\nEND $$"
    )
    trigger = (
        f'CREATE TRIGGER "{name}" BEFORE INSERT OR UPDATE OF {watched} ON "{table}" '
        f'FOR EACH ROW EXECUTE FUNCTION "{name}"()'
    )
    # "statistics": the columns keep planner statistics (see index_scans); they had none before.
    fingerprint = hashlib.sha256((_PG_SHARED + function + trigger + "statistics").encode()).hexdigest()[:16]
    first = f'"{model._meta.get_field(tiers[0][1][0]).column}"'
    build = [
        f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"',
        function,
        trigger,
        f'UPDATE "{table}" SET {first} = {first}',  # noqa: S608 - fills the documents through the trigger
        f"COMMENT ON FUNCTION \"{name}\"() IS '{fingerprint}'",
    ]
    return fingerprint, build


def sync_postgresql_search_index(connection, model) -> bool:
    """Make the documents, trigger and indexes of ``model`` match its
    ``search_weights``, rebuilding them when anything was missing or different.
    Idempotent; returns True when it rebuilt."""
    fingerprint, build = _postgresql_index_sql(model)
    table, name = model._meta.db_table, f"{model._meta.db_table}_search"
    expected = {document_column(weight) for weight, _columns in search_tiers(model)}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT obj_description(p.oid, 'pg_proc') FROM pg_proc p JOIN pg_trigger t ON t.tgfoid = p.oid"
            " WHERE p.proname = %s AND t.tgname = %s AND t.tgrelid = %s::regclass",
            [name, name, f'"{table}"'],
        )
        row = cursor.fetchone()
        cursor.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s AND column_name LIKE %s",
            [table, "search\\_document\\_%"],
        )
        columns = {column for (column,) in cursor.fetchall()}
        if row and row[0] == fingerprint and columns == expected:
            return False
        cursor.execute(_PG_SHARED)
        for column in columns:  # made again: new columns, new indexes
            cursor.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
        for column in sorted(expected):
            cursor.execute(f'ALTER TABLE "{table}" ADD COLUMN "{column}" tsvector')
        for statement in build:
            cursor.execute(statement)
        for column in sorted(expected):
            # After the fill: building a GIN index at once is faster than row by row.
            cursor.execute(f'CREATE INDEX "{f"{table}_{column}"[:63]}" ON "{table}" USING gin ("{column}")')
        cursor.execute(f'ANALYZE "{table}"')
    return True


def sync_search_indexes(using="default", verbosity=1, **kwargs):
    """post_migrate: (re)create every searchable model's index (SQLite: FTS5
    tables; PostgreSQL: search documents). Without FTS5's trigram tokenizer
    (SQLite < 3.34) search still works, by LIKE alone, only slower."""
    _index_state.pop(using, None)
    connection = connections[using]
    sync = {"sqlite": sync_sqlite_search_index, "postgresql": sync_postgresql_search_index}.get(connection.vendor)
    if sync is None:
        return
    for model in searchable_models():
        try:
            if sync(connection, model) and verbosity >= 2:
                print(f"  Rebuilt the search index of {model._meta.label}")
        except DatabaseError as error:
            if connection.vendor != "sqlite":
                raise
            logger.warning("No FTS5 search index for %s (%s); search falls back to LIKE.", model._meta.label, error)
