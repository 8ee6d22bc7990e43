"""The QuerySet every content model's manager starts from: natural keys by slug, and the rows
that have text in a language."""

import contextlib
import contextvars

from django.db import models
from django.db.models import BooleanField, ExpressionWrapper

from core.i18n import languages


class SlugQuerySet(models.QuerySet):
    """Natural keys by slug, so fixtures name objects (``["ssip"]``) instead of
    database ids and loading the same fixture twice updates rather than duplicates.
    A searchable model's QuerySet mixes in ``search.query.SearchQuerySet`` too (core knows no
    app above it): ``class ArticleQuerySet(SearchQuerySet, SlugQuerySet)``."""

    def in_language(self, code: str | None = None):
        """Only rows that have their text in language ``code`` (default: the page's): what
        lists, feeds and sitemaps of that language show. A Chinese-only article is listed on
        /zh-hans/ and absent from /en/ (the rule: ``OriginalLanguageModel.text_in``)."""
        return self.filter(self.model.text_in(code or languages.current()))  # text_in maps zh-hant

    def with_languages(self):
        """Each row annotated with which languages it has text in, so that
        ``has_text_in()`` needs none of the (possibly deferred) text columns."""
        return self.annotate(
            **{
                f"_text_in_{code.replace('-', '_')}": ExpressionWrapper(
                    self.model.text_in(code), output_field=BooleanField()
                )
                for code in languages.codes()
            }
        )

    def get_by_natural_key(self, slug):
        found = _natural_keys.get()
        if found is None:
            return self.get(slug=slug)
        key = (self.model, self.db, slug)
        if key not in found:
            # The loader reads only the key (.pk), so only the key is kept: re-loading 10,000
            # articles does not hold 10,000 bodies in memory.
            found[key] = self.only("pk", "slug").get(slug=slug)
        return found[key]


# Objects found by natural key during one `loaddata` (see remembered_natural_keys).
_natural_keys = contextvars.ContextVar("natural_keys", default=None)


@contextlib.contextmanager
def remembered_natural_keys():
    """Within this block, each object found by natural key is looked up once.

    A fixture of 10,000 articles names the same six parks 20,000 times; Django's loader asks
    the database each time (``get_by_natural_key(...).pk``). Only objects that exist are
    remembered, and a slug never changes within a load (it is the key), so the answer stays
    right while objects are saved."""
    token = _natural_keys.set({})
    try:
        yield
    finally:
        _natural_keys.reset(token)
