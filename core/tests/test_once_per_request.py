"""Work a page needs once is done once per request: the page cache is entered by its middleware
alone, in one round trip, and a page's language versions are worked out once (issue 24)."""

import pytest
from django.core.cache import caches
from django.test import Client

from core import pagecache
from core.i18n import languages
from news.views import ArticleDetailView

ARTICLE = "/en/news/suzhou-suqian-strengthen-cooperation-2023/"


@pytest.fixture
def cache_calls(monkeypatch):
    """The cache operations a request makes, in order (not those one makes of another, as the
    local-memory cache's get_many of get), and "view" where the view ran."""
    calls, depth = [], [0]
    backend = type(caches["default"])
    for name in ("get", "get_many", "add", "set", "set_many", "delete", "delete_many", "touch", "has_key"):
        method = getattr(backend, name)

        def recorded(self, *args, _method=method, _name=name, **kwargs):
            if not depth[0]:
                calls.append(_name)
            depth[0] += 1
            try:
                return _method(self, *args, **kwargs)
            finally:
                depth[0] -= 1

        monkeypatch.setattr(backend, name, recorded)
    get = ArticleDetailView.get

    def view(self, *args, **kwargs):
        calls.append("view")
        return get(self, *args, **kwargs)

    monkeypatch.setattr(ArticleDetailView, "get", view)
    return calls


def test_a_cached_article_page_is_one_round_trip(page_cache, content, cache_calls):
    assert Client().get(ARTICLE)["X-Cache"] == "MISS"
    cache_calls.clear()
    response = Client().get(ARTICLE)
    assert response["X-Cache"] == "HIT"
    # The site's versions, the page and the article's own version, read together.
    assert cache_calls == ["get_many"]


def test_the_view_of_an_article_page_never_enters_the_page_cache(page_cache, content, cache_calls):
    Client().get(ARTICLE)  # draws the article's version
    pagecache.invalidate()  # every page stale: the next visit renders again
    cache_calls.clear()
    response = Client().get(ARTICLE)
    assert response["X-Cache"] == "MISS"
    # One read before the view (then the render lock, and the check that nobody stored it
    # meanwhile); after it, the store and the lock's release. Nothing while the view runs.
    assert cache_calls == ["get_many", "add", "get", "view", "set", "delete"]


def test_an_edited_article_is_fresh_on_its_next_visit(page_cache, content, django_capture_on_commit_callbacks):
    """The own-page version the middleware reads is the one an edit renews."""
    from news.models import Article

    Client().get(ARTICLE)
    article = Article.objects.get(slug="suzhou-suqian-strengthen-cooperation-2023")
    article.title_en = "Renamed once"
    with django_capture_on_commit_callbacks(execute=True):
        article.save()
    response = Client().get(ARTICLE)
    assert response["X-Cache"] == "MISS" and "<h1>Renamed once</h1>" in response.content.decode()
    assert Client().get(ARTICLE)["X-Cache"] == "HIT"


@pytest.mark.parametrize("path", [ARTICLE, "/zh-hans/parks/ssip/", "/en/news/", "/en/"])
def test_a_pages_language_versions_are_worked_out_once(client, content, monkeypatch, path):
    calls = []
    alternates = languages.alternates

    def counted(page_path):
        calls.append(page_path)
        return alternates(page_path)

    monkeypatch.setattr(languages, "alternates", counted)
    response = client.get(path)
    assert response.status_code == 200
    assert calls == [path]  # the context processor's and the content view's, once
    rest = path.split("/", 2)[2]  # the path after its language prefix
    assert f'hreflang="zh-Hans" href="http://testserver/zh-hans/{rest}"' in response.content.decode()
