"""What the search page searches, and how its results are put together.

``SOURCES`` is the list of searchable kinds: every declared content type
(core/registry.py) whose model has ``search_weights`` (search/__init__.py). To make
another model searchable, give it ``search_weights`` and mix ``SearchQuerySet``
into its QuerySet; its declaration gives the label, the date shown and what is public.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from core import registry
from search.highlight import mark, snippet
from search.query import index_scans
from search.suggestions import nearest_words


@dataclass(frozen=True, eq=False)  # compared and hashed by identity
class Source:
    kind: str  # a stable key: the result's CSS class
    label: str | Promise  # shown beside each result
    public: Callable[[], QuerySet]  # what visitors may see; its QuerySet has search()
    date_field: str | None = None  # shown with each result, when there is one


# In the order results of equal rank appear: the registry's (settings.CONTENT_APPS).
SOURCES = [
    Source(content_type.key, content_type.label, content_type.public, content_type.date_field)
    for content_type in registry.content_types()
    if content_type.searchable
]

# Fewer results than this, and "Did you mean …?" looks for a better query.
FEW_RESULTS = 3
# Each source ranks at most this many of its matches (see SearchResults).
MOST_MATCHES = 1000


@dataclass(frozen=True)
class Hit:
    source: Source
    object: Any
    title: SafeString  # in the page's language, matches marked
    snippet: SafeString  # ditto

    @property
    def url(self):
        return self.object.get_absolute_url()

    @property
    def date(self):
        return getattr(self.object, self.source.date_field) if self.source.date_field else None


class SearchResults:
    """Every source's matches for the terms, as one ranked list that a
    Paginator can count and slice. One query per source returns its total
    (a window COUNT) with its best ``prefetch`` (id, rank) pairs; a page
    merges them and loads only the objects it shows.

    Each source ranks only its first ``MOST_MATCHES`` matches in its own
    order (the newest articles first): a word in every article then costs
    what a rare one costs, however many articles there are, and the page
    says "more than …" (``more``). Nobody reads a hundred pages of results;
    a search that needs an older article adds a word."""

    prefetch = 100  # ten pages of ten; a later page fetches again, as deep as it needs

    def __init__(self, terms: list[str], sources: list[Source] = SOURCES, language: str | None = None):
        self.terms = terms
        self.sources = sources
        # Only what has text in the page's language is a result in it (an
        # article written only in Chinese is not an English result).
        self.language = language or get_language()
        self._fetched = 0
        self._count = 0
        self._more = False
        self._best: dict[Source, list[tuple[int, int]]] = {}

    def _fetch(self, limit: int):
        self._count, self._best, self._more = 0, {}, False
        with index_scans():
            self._fetch_sources(limit)
        self._fetched = limit

    def _fetch_sources(self, limit: int):
        for source in self.sources:
            # One more than counted tells whether there are more.
            total, self._best[source] = self._public(source).search_best(self.terms, limit, among=MOST_MATCHES + 1)
            self._more |= total > MOST_MATCHES
            self._count += min(total, MOST_MATCHES)

    @property
    def more(self) -> bool:
        """Whether some source has more than ``MOST_MATCHES`` matches: there are more than ``len(self)``."""
        len(self)
        return self._more

    def __len__(self):
        if not self._fetched:
            self._fetch(self.prefetch)
        return self._count

    def __getitem__(self, index: slice) -> list[Hit]:
        start, stop, _step = index.indices(len(self))
        if stop > self._fetched:
            self._fetch(stop)
        ranked = [
            (-rank, position, order, source, pk)
            for position, source in enumerate(self.sources)
            for order, (pk, rank) in enumerate(self._best[source])
        ]
        # Highest rank first; at equal rank, SOURCES order, then each model's own order.
        ranked.sort(key=lambda key: key[:3])
        keys = [(source, pk) for *_, source, pk in ranked[start:stop]]
        wanted: dict[Source, list] = {}
        for source, pk in keys:
            wanted.setdefault(source, []).append(pk)
        # The search applied the language rule a moment ago; the rule of what is public is kept.
        objects = {source: source.public().in_bulk(pks) for source, pks in wanted.items()}
        return [self._hit(source, objects[source][pk]) for source, pk in keys if pk in objects[source]]

    def _public(self, source: Source) -> QuerySet:
        return source.public().in_language(self.language)  # the one rule of lists, feeds and sitemaps

    def _matches(self, source: Source) -> QuerySet:
        return self._public(source).search(self.terms)

    def suggestion(self) -> str | None:
        """ "Did you mean …?": when the terms found little, the query with each
        term replaced by the nearest word of the titles (search.suggestions.nearest_words),
        if that finds more. Quoted phrases are kept as they are."""
        if len(self) >= FEW_RESULTS:
            return None
        nearest = nearest_words([term for term in self.terms if " " not in term])
        better = [term if " " in term else nearest.pop(0) or term for term in self.terms]
        if better == self.terms or not SearchResults(better, self.sources, self.language).finds_more_than(len(self)):
            return None
        # Keep the visitor's capital: Suqain -> Suqian, not suqian.
        better = [
            b[:1].upper() + b[1:] if t[:1].isupper() and b != t else b for t, b in zip(self.terms, better, strict=True)
        ]
        return " ".join(f'"{term}"' if " " in term else term for term in better)

    def finds_more_than(self, count: int) -> bool:
        """Whether the terms match more than ``count`` objects: at most ``count + 1`` matches are
        read, unranked, so that checking a suggestion that is a common word (Suqian) stays as
        cheap as a rare one."""
        found = 0
        with index_scans():
            for source in self.sources:
                matches = self._matches(source).order_by().values_list("pk", flat=True)
                found += len(matches[: count + 1 - found])
                if found > count:
                    return True
        return False

    def _hit(self, source: Source, obj) -> Hit:
        weights = obj.search_weights
        top = max(weights.values())
        # Snippet from the best-weighted text after the title (the summary, then the body).
        fields = sorted((field for field, weight in weights.items() if weight < top), key=lambda f: -weights[f])
        return Hit(
            source=source,
            object=obj,
            title=mark(str(obj), self.terms),
            snippet=snippet([getattr(obj, field) for field in fields], self.terms),
        )
