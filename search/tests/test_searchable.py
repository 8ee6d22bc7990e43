"""Every model that says what search looks at can be searched: its QuerySet mixes in
search.query.SearchQuerySet (core's SlugQuerySet does not: core knows no app above it)."""

from search.fields import searchable_models
from search.query import SearchQuerySet


def test_every_searchable_model_has_search_on_its_queryset():
    models = searchable_models()
    assert {model._meta.label for model in models} >= {"news.Article", "parks.Park", "enterprises.Enterprise"}
    for model in models:
        assert isinstance(model._default_manager.all(), SearchQuerySet), model._meta.label
