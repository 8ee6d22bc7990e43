"""What the search page searches, and how its results are put together.

``SOURCES`` is the one list of searchable kinds. To make another model
searchable, give it ``search_fields`` (core/search.py) and add one ``Source``
here.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet, Window
from django.utils.functional import Promise
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from enterprises.models import Enterprise
from news.models import Article
from parks.models import Park
from search.highlight import mark, snippet


@dataclass(frozen=True, eq=False)  # compared and hashed by identity
class Source:
    kind: str  # a stable key: the result's CSS class
    label: str | Promise  # shown beside each result
    public: Callable[[], QuerySet]  # what visitors may see; its QuerySet has search()
    date_field: str | None = None  # shown with each result, when there is one


# Listed in the order results of equal rank appear.
SOURCES = [
    Source("park", _("Park"), Park.objects.all),
    Source("article", _("News"), Article.objects.published, date_field="published_at"),
    Source("enterprise", _("Enterprise"), Enterprise.objects.all),
]


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
    merges them and loads only the objects it shows. The work in Python grows
    with the page number, not with the number of matches (a common word
    matches every article), and the database searches once per source."""

    prefetch = 100  # ten pages of ten; a later page fetches again, as deep as it needs

    def __init__(self, terms: list[str], sources: list[Source] = SOURCES):
        self.terms = terms
        self.sources = sources
        self._fetched = 0
        self._count = 0
        self._best: dict[Source, list[tuple[int, int]]] = {}

    def _fetch(self, limit: int):
        self._count, self._best = 0, {}
        for source in self.sources:
            matches = source.public().search(self.terms).annotate(search_total=Window(Count("pk")))
            rows = list(matches.values_list("pk", "search_rank", "search_total")[:limit])
            self._count += rows[0][2] if rows else 0
            self._best[source] = [(pk, rank) for pk, rank, _total in rows]
        self._fetched = limit

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
        objects = {source: source.public().in_bulk(pks) for source, pks in wanted.items()}
        return [self._hit(source, objects[source][pk]) for source, pk in keys if pk in objects[source]]

    def _hit(self, source: Source, obj) -> Hit:
        weights = obj.search_fields
        top = max(weights.values())
        # Snippet from the best-weighted text after the title (the summary, then the body).
        fields = sorted((field for field, weight in weights.items() if weight < top), key=lambda f: -weights[f])
        return Hit(
            source=source,
            object=obj,
            title=mark(str(obj), self.terms),
            snippet=snippet([getattr(obj, field) for field in fields], self.terms),
        )
