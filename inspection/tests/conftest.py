"""Until every content app declares its type in core.registry (the "registry" branch), the tests
declare the ones the checks read, as the apps will; with the real declarations they add nothing."""

import pytest
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core import registry


@pytest.fixture(autouse=True)
def english():
    """Findings are written in the active language; a request of an earlier test may leave another."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def declared():
    if registry.content_types():
        yield
        return
    from enterprises.models import Enterprise
    from facts.models import Source
    from news.models import Article
    from parks.models import Park

    added = [
        registry.register(registry.ContentType(Park, key="park", label=_("Parks"), list_url="parks:list")),
        registry.register(
            registry.ContentType(
                Article, key="article", label=_("News"), list_url="news:list", date_field="published_at", own_page=True
            )
        ),
        registry.register(
            registry.ContentType(Enterprise, key="enterprise", label=_("Enterprises"), list_url="enterprises:list")
        ),
        registry.register(registry.ContentType(Source, key="source", label=_("Sources"), list_url="facts:sources")),
    ]
    yield
    for content_type in added:
        registry._registry.pop(content_type.model, None)


@pytest.fixture
def tidy_site(db):
    """A small site the inspection has nothing to say about: one park, one enterprise, one source,
    one key figure and one milestone, and a news item published yesterday about the park, all in
    both languages."""
    from enterprises.tests.factories import EnterpriseFactory
    from facts.tests.factories import KeyFigureFactory, MilestoneFactory, SourceFactory
    from news.tests.factories import ArticleFactory
    from parks.tests.factories import ParkFactory

    park = ParkFactory(slug="ssip")
    EnterpriseFactory(park=park)
    source = SourceFactory()
    KeyFigureFactory(park=park, source=source)  # the figures and timeline lists are columns too
    MilestoneFactory(park=park, source=source)
    article = ArticleFactory(parks=[park])
    return {"park": park, "article": article}
