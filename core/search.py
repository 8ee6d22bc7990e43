"""How content is searched: ``Article.objects.published().search("苏宿 industrial")``.

A model becomes searchable by naming its searched fields and their weights::

    class Article(ContentModel):
        search_weights = {"title": 3, "summary": 2, "body": 1}

(not ``search_fields``: that is the admin's list of columns). Its QuerySet then
has ``search(query)`` (every ``ContentModel`` QuerySet inherits it through
``core.models.SlugQuerySet``). Step by step:

1. The query is split into terms at whitespace; a "quoted phrase" stays one term.
2. Every term must occur in one of the searched fields, in either language
   column (``title_en`` or ``title_zh_hans``: modeltranslation's fallback does
   not apply to queries), ignoring case. Chinese is written without spaces and
   neither database's full-text parser segments it, so Chinese is matched by
   characters, never by words: 苏宿 is found inside 苏宿工业园区.
3. Rank: for each term, the weight of the best field it occurs in (title before
   summary before body), summed over the terms; ties keep the model's ordering.
4. An index answers step 2 and 3 on each database (docs/search.md says why):
   - PostgreSQL: one search document per weight tier and row, a ``tsvector``
     in a hidden column (``search_document_3`` for titles …) with a GIN index,
     filled by a trigger on every insert and update, whatever writes the row
     (admin, ``loaddata``, ``bulk_create``, ``update()``, raw SQL). Its
     lexemes are the Chinese characters and pairs of adjacent characters
     (``search_lexemes()``), and the English words. A Chinese term of one or
     two characters is one lexeme; a longer one is the AND of its pairs
     (尼吉康 = 尼吉 & 吉康); an English term matches words that begin with it
     (park: parks, parking; not spark). A term with other characters (9.7%,
     snake_case, a quoted phrase) is narrowed by the index and checked
     against the text (``icontains``) of at most ``MOST_TEXT_CHECKS`` rows;
     a term without a letter or digit (%) is dropped (``has_word``).
   - SQLite: FTS5 tables with the trigram tokenizer, one per weight tier
     (``<table>_search_3`` for titles …), kept in step by triggers, answer
     steps 2 and 3 for terms of two or more characters without reading the
     texts; one-character terms (and SQLite builds without FTS5) use LIKE.
     Matches are substrings, so an English term is also found inside a word.
   ``sync_search_indexes`` (re)creates both after every ``migrate`` from the
   models' ``search_weights``, and rebuilds an index whose definition changed:
   SQLite loses a table's triggers whenever Django rebuilds it for a schema
   change, and a changed declaration needs no hand-written migration.
5. "Did you mean …?": ``nearest_words(term)`` finds words and names of the
   searched titles close to a term that found nothing: pg_trgm's distance over
   the ``search_vocabulary`` table on PostgreSQL (filled by the same triggers),
   an edit distance over the titles on SQLite.
"""

import contextlib
import functools
import hashlib
import logging
import operator
import re

from django.core.exceptions import EmptyResultSet
from django.db import DatabaseError, connections, models, transaction
from django.db.models import BooleanField, Case, F, Q, Value, When
from django.db.models.expressions import Expression, RawSQL
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import get_translation_fields

logger = logging.getLogger(__name__)

# Longer queries are cut by the search form; more terms are ignored.
MAX_QUERY_LENGTH = 100
MAX_TERMS = 8
# PostgreSQL: a term that its words do not decide (9.7%, snake_case, e-commerce) is
# checked against the texts of at most this many rows, the first (newest) that hold
# its words: reading a row's texts is what costs (issue 23: %a% read all 10,000).
MOST_TEXT_CHECKS = 200

_TERM = re.compile(r'"([^"]+)"|(\S+)')


def has_word(term: str) -> bool:
    """Whether ``term`` holds something searchable: a letter or a digit of any
    script (a Chinese character is a letter). A term of punctuation alone
    (``%``, ``_``, ``…``, ``。，``) is no word: no index holds it, so it could
    only be looked for by reading every text (issue 23), and nobody means it."""
    return any(character.isalnum() for character in term)


def parse_query(query: str) -> list[str]:
    """``'苏宿  "industrial park" Park'`` -> ``["苏宿", "industrial park", "Park"]``:
    whitespace separates terms, double quotes keep a phrase, stray quotes are
    dropped, terms without a letter or digit (``%``, ``…``) are dropped, and repeats (ignoring
    case) count once; ``[]``: nothing to search for. Chinese typed in Traditional is searched in
    Simplified, as the text is written (``蘇州`` -> ``苏州``; core/languages.py), so a query finds
    the same from any of the three page languages."""
    from core import languages

    terms: list[str] = []
    seen: set[str] = set()
    for phrase, word in _TERM.findall(languages.to_written(query or "")):
        term = " ".join(phrase.split()) if phrase else word.strip('"')
        if has_word(term) and term.casefold() not in seen:
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


def search_tiers(model) -> list[tuple[int, list[str]]]:
    """The model's searched columns grouped by weight, highest first:
    ``[(3, ["title_en", "title_zh_hans"]), (2, [...summary...]), (1, [...body...])]``."""
    weights = model.search_weights
    return [
        (weight, [column for field, w in weights.items() if w == weight for column in search_columns(model, field)])
        for weight in sorted(set(weights.values()), reverse=True)
    ]


def searchable_models():
    from django.apps import apps

    return [model for model in apps.get_models() if getattr(model, "search_weights", None)]


# --- Terms as lexemes (PostgreSQL's documents; the vocabulary) ---------------
# The same rules as search_lexemes() and search_words() in SQL below: CJK
# ideographs (the unified block, extension A, compatibility ideographs) are
# indexed one by one and in pairs; a word is a run of ASCII letters and digits,
# lower-cased. Anything else separates words.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RUN = re.compile(f"[{_CJK}]+")
_WORD = re.compile(r"[0-9a-z]+")


def term_lexemes(term: str) -> tuple[list[str], list[str], bool]:
    """The Chinese lexemes and English word prefixes a document must hold to
    contain ``term``, and whether holding them is exactly containing it (else
    the text is checked too): ``"尼吉康"`` -> ``(["尼吉", "吉康"], [], True)``."""
    grams: list[str] = []
    for run in _CJK_RUN.findall(term):
        grams += [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]
    words = _WORD.findall(term.lower())
    exact = bool(_CJK_RUN.fullmatch(term)) or (len(words) == 1 and term.lower() == words[0])
    return list(dict.fromkeys(grams)), list(dict.fromkeys(words)), exact


def tsquery(term: str) -> tuple[str | None, bool]:
    """``term`` as a PostgreSQL tsquery (None when nothing in it is indexed),
    and whether it is exact (see ``term_lexemes``)."""
    grams, words, exact = term_lexemes(term)
    if not grams and not words:
        return None, False
    # Lexemes are CJK characters or [0-9a-z]+: nothing to escape inside the quotes.
    return " & ".join([f"'{gram}'" for gram in grams] + [f"'{word}':*" for word in words]), exact


class DocumentMatches(Expression):
    """``<table>.search_document_<weight> @@ '<tsquery>'``: a condition on the
    hidden column that the model does not know about (PostgreSQL only)."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, weight: int, query: str):
        super().__init__()
        self.weight, self.query = weight, query

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return f"{table}.{connection.ops.quote_name(document_column(self.weight))} @@ %s::tsquery", [self.query]


class AmongFirst(Expression):
    """``<table>.<pk> = ANY(ARRAY(<subquery of pks>))``: the subquery runs once,
    first, and the rows are fetched by primary key. (``pk__in=<subquery>`` lets
    the planner make it a join, and it then read every row's texts before
    looking at the subquery's few ids.) PostgreSQL only."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, pks: models.QuerySet):
        super().__init__()
        self.pks = pks

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        pk = connection.ops.quote_name(compiler.query.model._meta.pk.column)
        sql, params = self.pks.query.get_compiler(connection=connection).as_sql()
        return f"{table}.{pk} = ANY(ARRAY({sql}))", params


def document_column(weight: int) -> str:
    return f"search_document_{weight}"


class SearchQuerySet(models.QuerySet):
    """``search(query)`` for any model that declares ``search_weights``."""

    def search(self, query: str | list[str]):
        """The objects containing every term of ``query``, best first, each
        annotated with its ``search_rank``. Chain after the rule of what is
        public: ``Article.objects.published().search(q)``."""
        terms = parse_query(query) if isinstance(query, str) else [term for term in query if has_word(term)]
        if not terms:
            return self.annotate(search_rank=Value(0)).none()
        tiers = search_tiers(self.model)
        index = search_index(self.model, self.db)
        ordering = self.query.order_by or self.model._meta.ordering
        queryset, ranks = self, []
        for term in terms:
            found = [(weight, self._contains(term, weight, columns, index)) for weight, columns in tiers]
            queryset = queryset.filter(functools.reduce(operator.or_, (condition for _weight, condition in found)))
            if index == "postgresql":
                queryset = queryset.filter(self._text_checked(term, tiers, ordering))
            # The best tier the term is in; the lowest needs no test, the term is somewhere.
            whens = [When(condition, then=Value(weight)) for weight, condition in found[:-1]]
            ranks.append(Case(*whens, default=Value(tiers[-1][0]), output_field=models.IntegerField()))
        return queryset.annotate(search_rank=functools.reduce(operator.add, ranks)).order_by("-search_rank", *ordering)

    def search_best(self, query: str | list[str], limit: int, among: int) -> tuple[int, list[tuple[int, int]]]:
        """The best ``limit`` (pk, search_rank) pairs of ``search(query)``,
        ranked among its first ``among`` matches in the QuerySet's own order
        (the newest articles first), and how many matches that was (at most
        ``among``). A term in every row then costs what a rare one costs,
        however large the table: PostgreSQL walks the date index and stops at
        the ``among``-th match, or, for a rarer term, reads the few matches
        from the search documents' indexes (docs/search.md)."""
        found = self.search_best_sql(query, limit, among)
        if found is None:
            return 0, []
        with connections[self.db].cursor() as cursor:
            cursor.execute(*found)
            rows = cursor.fetchall()
        return (rows[0][2] if rows else 0), [(pk, rank) for pk, rank, _total in rows]

    def search_best_sql(self, query: str | list[str], limit: int, among: int) -> tuple[str, list] | None:
        """The statement and parameters ``search_best`` runs (for EXPLAIN in the
        plan test and the benchmark); None when nothing can match."""
        ordering = self.query.order_by or self.model._meta.ordering
        # Named columns: Django chooses the order of a query's columns, not the caller.
        keys = {f"search_key_{i}": F(field.lstrip("-")) for i, field in enumerate(ordering)}
        newest = self.search(query).annotate(search_pk=F("pk"), **keys).order_by(*ordering)
        try:
            sql, params = newest.values_list("search_pk", "search_rank", *keys)[:among].query.sql_with_params()
        except EmptyResultSet:
            return None
        # Ranked again outside: by rank, then in the QuerySet's order.
        order = ", ".join(
            ["search_rank DESC"]
            + [f"{key}{' DESC' if field.startswith('-') else ''}" for key, field in zip(keys, ordering, strict=True)]
        )
        # Django's own SQL and column names are formatted in; the values are parameters.
        outer = f"SELECT search_pk, search_rank, count(*) OVER () FROM ({sql}) AS newest ORDER BY {order} LIMIT %s"  # noqa: S608
        return outer, [*params, limit]

    def _text_checked(self, term: str, tiers, ordering) -> Q:
        """PostgreSQL: the rows whose texts may be read to check ``term``. For a
        term its lexemes decide (苏宿, park), every row (no condition). For one
        they only narrow (100%: the word 100, then the text for "100%"), the
        first ``MOST_TEXT_CHECKS`` rows in the QuerySet's order (the newest
        articles) whose documents hold its lexemes: a term whose words are in
        every article but whose exact text is in none (%a%, 宿%) then reads
        200 articles, not all of them. An older article holding it is not
        found; docs/search.md says so."""
        query, exact = tsquery(term)
        if query is None or exact:
            return Q()
        holds = functools.reduce(operator.or_, (Q(DocumentMatches(weight, query)) for weight, _columns in tiers))
        return Q(AmongFirst(self.filter(holds).order_by(*ordering).values("pk")[:MOST_TEXT_CHECKS]))

    def _contains(self, term: str, weight: int, columns: list[str], index: str | None) -> Q:
        """``term`` is in one of ``columns`` (one weight tier)."""
        if index == "fts5" and len(term) >= 2:
            return Q(pk__in=_sqlite_match(self.model, weight, term))
        text = functools.reduce(operator.or_, (Q(**{f"{column}__icontains": term}) for column in columns))
        if index == "postgresql":
            query, exact = tsquery(term)
            if query is not None:
                matches = Q(DocumentMatches(weight, query))
                return matches if exact else matches & text
        return text


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
    FROM regexp_matches(document, '[{_CJK}]+', 'g') AS run,
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
    SELECT regexp_matches(document, '(?<![{_CJK}])[{_CJK}]{{2,8}}(?![{_CJK}])', 'g')
  ) AS words(word)
$$;
CREATE TABLE IF NOT EXISTS search_vocabulary (word text PRIMARY KEY);
CREATE INDEX IF NOT EXISTS search_vocabulary_trgm ON search_vocabulary USING gist (word gist_trgm_ops);
"""  # noqa: S608 - the only value formatted in is _CJK
_TITLE_WORD = re.compile(f"[a-z][0-9a-z]{{3,}}|(?<![{_CJK}])[{_CJK}]{{2,8}}(?![{_CJK}])")


def title_words(text: str) -> list[str]:
    """The words of a title that "Did you mean …?" may offer: English words of
    four letters or more (lower-cased), Chinese runs of two to eight characters."""
    return _TITLE_WORD.findall((text or "").lower())


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


@contextlib.contextmanager
def index_scans(using: str = "default"):
    """Run searches inside this block so that PostgreSQL answers them from an
    index, however common a term is.

    Its planner prices ``document @@ query`` as cheap on every row, not knowing
    that each row's document (several KB, out of line) must first be read: for
    a term in most rows it picks a sequential scan, 10 times slower than an
    index (docs/search.md has the measurements). No sequential scan while
    searching corrects it; the planner's statistics of the documents (how
    common each lexeme is) then choose between the GIN indexes (a rare term)
    and walking the date index until enough matches are found (a common one,
    ``search_best``). The setting is undone at the end of the block.

    JIT compilation is off in the block too. PostgreSQL (before 18) prices a
    plan it cannot make without a sequential scan (a term with nothing indexed,
    a small table without a usable index) at 10^10, far above ``jit_above_cost``:
    it then compiled every such query, 300 ms of LLVM work to filter six parks
    (issue 23: a search for % took 0.7 s on 16 articles)."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(using=using):
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL jit = off")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_seqscan TO DEFAULT; SET LOCAL jit TO DEFAULT")


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


# --- "Did you mean …?" ---------------------------------------------------------
def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions
    and swaps of two neighbours (Suqain -> Suqian) each count one."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def allowed_distance(word: str) -> int:
    """How far a suggestion may be from what was typed: one edit for short
    words and Chinese (two characters are already a word), two from eight letters."""
    if _CJK_RUN.search(word):
        return 1
    return 0 if len(word) < 4 else 1 if len(word) < 8 else 2


def nearest_words(terms: list[str], using: str = "default") -> list[str | None]:
    """For each term, the word or name of the searched titles closest to it
    within ``allowed_distance``; None when the term is itself one, or when
    none is close enough."""
    with index_scans(using):
        candidates = _candidates([term.lower() for term in terms], using)
    nearest = []
    for term, found in zip(terms, candidates, strict=True):
        folded, limit = term.lower(), allowed_distance(term.lower())
        scored = [
            (distance, word)
            for word in found
            if abs(len(word) - len(folded)) <= limit and (distance := edit_distance(folded, word)) <= limit
        ]
        nearest.append(min(scored)[1] if scored and min(scored)[0] > 0 else None)
    return nearest


def _candidates(terms: list[str], using: str) -> list[list[str]]:
    """Words that may be close to each term: on PostgreSQL the nearest by
    trigram distance (a GiST index scan); on SQLite every word of the titles."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        vocabulary = sorted(_vocabulary(using)) if any(allowed_distance(term) for term in terms) else []
        return [vocabulary if allowed_distance(term) else [] for term in terms]
    found = []
    with connection.cursor() as cursor:
        for term in terms:
            if allowed_distance(term):
                cursor.execute("SELECT word FROM search_vocabulary ORDER BY word <-> %s LIMIT 10", [term])
            found.append([word for (word,) in cursor.fetchall()] if allowed_distance(term) else [])
    return found


def _vocabulary(using: str) -> set[str]:
    """The words of every searchable model's titles (SQLite: read each time;
    it runs only when a search found little)."""
    words: set[str] = set()
    for model in searchable_models():
        columns = search_tiers(model)[0][1]
        for row in model._default_manager.using(using).values_list(*columns):
            for value in row:
                words.update(title_words(value))
    return words
