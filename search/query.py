"""``search(query)``: the QuerySet a searchable model's manager mixes in (see the package's docstring)."""

import contextlib
import functools
import operator

from django.core.exceptions import EmptyResultSet
from django.db import connections, models, transaction
from django.db.models import BooleanField, Case, F, Q, Value, When
from django.db.models.expressions import Expression

from search.fields import document_column, search_tiers
from search.index import search_index, sqlite_match
from search.terms import has_word, parse_query, tsquery

# PostgreSQL: a term that its words do not decide (9.7%, snake_case, e-commerce) is
# checked against the texts of at most this many rows, the first (newest) that hold
# its words: reading a row's texts is what costs (issue 23: %a% read all 10,000).
MOST_TEXT_CHECKS = 200


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
            return Q(pk__in=sqlite_match(self.model, weight, term))
        text = functools.reduce(operator.or_, (Q(**{f"{column}__icontains": term}) for column in columns))
        if index == "postgresql":
            query, exact = tsquery(term)
            if query is not None:
                matches = Q(DocumentMatches(weight, query))
                return matches if exact else matches & text
        return text


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
