import datetime

import pytest
from django.utils import timezone

from news.models import Article
from news.tests.factories import ArticleFactory


@pytest.mark.django_db
def test_published_is_what_visitors_may_see():
    now = timezone.now()
    public = ArticleFactory(published_at=now - datetime.timedelta(minutes=1))
    ArticleFactory(status=Article.Status.DRAFT, published_at=now - datetime.timedelta(days=1))
    scheduled = ArticleFactory(published_at=now + datetime.timedelta(hours=1))
    assert list(Article.objects.published(now=now)) == [public]
    # A scheduled article becomes public by itself when its time comes.
    later = now + datetime.timedelta(hours=2)
    assert set(Article.objects.published(now=later)) == {public, scheduled}


@pytest.mark.django_db
def test_natural_key_round_trip():
    article = ArticleFactory(slug="a-slug")
    assert Article.objects.get_by_natural_key(*article.natural_key()) == article
