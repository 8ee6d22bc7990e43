"""What the inspection's tests share: English findings, and a site with nothing to report."""

import pytest
from django.apps import apps
from django.utils import translation


@pytest.fixture(autouse=True)
def english():
    """Findings are written in the active language; a request of an earlier test may leave another."""
    with translation.override("en"):
        yield


@pytest.fixture
def tidy_site(db, media_root):
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
    if apps.is_installed("documents"):  # its lists are columns too
        from documents.tests.factories import make_document

        make_document(slug="tidy-policy").parks.add(park)
    return {"park": park, "article": article}
