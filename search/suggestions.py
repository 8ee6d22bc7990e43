"""\"Did you mean …?\": the word of the searched titles nearest to a term that found nothing."""

from django.db import connections

from search.fields import search_tiers, searchable_models
from search.query import index_scans
from search.terms import CJK_RUN, title_words


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
    if CJK_RUN.search(word):
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
