"""Links in published text, resolved without a server: pages, drafts, static files, uploads,
external addresses (only with --external, against a local server here)."""

import http.server
import threading

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import translation

from inspection.checks import external, links
from inspection.findings import Severity
from inspection.runner import inspect
from news.models import Article
from news.tests.factories import ArticleFactory


def link_findings(**options):
    return [f for f in inspect(**options) if f.check in ("link", "external")]


def with_links(*hrefs, **fields):
    body = "".join(f'<p><a href="{href}">link</a></p>' for href in hrefs)
    return ArticleFactory(slug=fields.pop("slug", "linking"), body_en=body, **fields)


def test_links_are_found_in_every_quoting():
    html = """<a href="/en/a/">x</a><img src='/static/b.svg'><a HREF=/en/c/>y</a> href="/not-in-a-tag" """
    assert links.links_in(html) == ["/en/a/", "/static/b.svg", "/en/c/", "/not-in-a-tag"]


def test_working_links_are_not_reported(tidy_site, media_root):
    default_storage.save("images/here.jpg", ContentFile(b"x"))
    article = tidy_site["article"]
    with_links(
        article.get_absolute_url(),  # /en/news/article-N/
        f"/zh-hans/news/{article.slug}/",
        f"/zh-hant/news/{article.slug}",  # without the slash: a 301
        "/en/news/",
        "/en/news/?park=ssip",
        "/zh-hans/parks/ssip/",
        "/en/contact/",
        "/static/css/site.css",
        "/media/images/here.jpg",
        "#top",
        "mailto:desk@example.org",
    )
    assert link_findings() == []


def test_links_to_drafts_missing_pages_and_files_are_broken(tidy_site, media_root):
    draft = ArticleFactory(slug="not-yet", status=Article.Status.DRAFT)
    linking = with_links(
        f"/en/news/{draft.slug}/",
        "/en/news/never-written/",
        "/en/nowhere/",
        "/static/css/missing.css",
        "/media/images/gone.jpg",
    )
    found = link_findings()
    assert [f.severity for f in found] == [Severity.DEDUCT] * 5
    assert {f.admin_url for f in found} == {f"/admin/news/article/{linking.pk}/change/"}
    assert {f.url for f in found} == {"/en/news/linking/"}
    messages = " | ".join(f.message for f in found)
    for expected in (
        "/en/news/not-yet/ in “English headline",
        "it is not published",
        "/en/news/never-written/",
        "no page has this address",
        "no such static file",
        "no such uploaded file",
    ):
        assert expected in messages


def test_a_link_to_a_page_missing_in_its_language_is_reported(tidy_site):
    chinese = ArticleFactory(slug="zh-only", original_language="zh-hans", title_en=None, summary_en=None, body_en=None)
    with_links(f"/en/news/{chinese.slug}/", f"/zh-hans/news/{chinese.slug}/")
    found = link_findings()
    assert len(found) == 1
    assert "/en/news/zh-only/" in found[0].message and "only in another language" in found[0].message


def test_drafts_links_are_not_checked(tidy_site):
    with_links("/en/nowhere/", slug="draft-linking", status=Article.Status.DRAFT)
    assert link_findings() == []


class _Handler(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_HEAD(self):  # noqa: N802 - http.server's names
        type(self).requests.append(self.path)
        self.send_response(200 if self.path == "/fine" else 404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server():
    """An HTTP server on 127.0.0.1, a port of this helper's range (18500-18599)."""
    for port in range(18500, 18600):
        try:
            server = http.server.ThreadingHTTPServer(("127.0.0.1", port), _Handler)
            break
        except OSError:
            continue
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Handler.requests = []
    yield f"http://127.0.0.1:{port}"
    server.shutdown()
    server.server_close()


def test_external_links_are_checked_only_when_asked_and_remembered(tidy_site, local_server, settings):
    from django.core.cache import cache

    cache.clear()
    with_links(f"{local_server}/fine", f"{local_server}/gone", f"{local_server}/gone")
    assert link_findings() == []
    assert _Handler.requests == []  # not asked without --external
    found = link_findings(external=True)
    assert len(found) == 1
    assert found[0].check == "external" and "/gone" in found[0].message and "404" in found[0].message
    assert sorted(_Handler.requests) == ["/fine", "/gone"]  # each address once
    assert len(link_findings(external=True)) == 1
    assert sorted(_Handler.requests) == ["/fine", "/gone"]  # remembered: not asked again


def test_an_address_nobody_answers_is_reported(closed_port):
    with translation.override("en"):
        assert "no answer" in external.status(f"http://127.0.0.1:{closed_port}/")


def test_a_sitemap_listing_a_draft_is_reported(tidy_site, monkeypatch):
    from coop_portal import urls
    from core.sitemaps import I18nSitemap

    class EveryArticle(I18nSitemap):  # a sitemap that forgot published()
        def items(self):
            return Article.objects.all()

    ArticleFactory(slug="not-yet", status=Article.Status.DRAFT)
    assert link_findings() == []
    monkeypatch.setitem(urls.SITEMAPS, "careless", EveryArticle)
    found = link_findings()
    assert {(f.url, f.label) for f in found} == {
        ("/en/news/not-yet/", "sitemap.xml"),
        ("/zh-hans/news/not-yet/", "sitemap.xml"),
        ("/zh-hant/news/not-yet/", "sitemap.xml"),
    }
    assert "section careless" in found[0].message and "it is not published" in found[0].message


def test_a_feed_listing_a_draft_is_reported(tidy_site, monkeypatch):
    from news.feeds import LatestArticlesFeed

    ArticleFactory(slug="not-yet", status=Article.Status.DRAFT)
    monkeypatch.setattr(LatestArticlesFeed, "items", lambda self: Article.objects.all())  # forgot published()
    found = link_findings()
    assert {(f.label, f.url) for f in found} >= {
        ("news:feed-rss", "/en/news/not-yet/"),
        ("news:feed-atom", "/zh-hant/news/not-yet/"),
    }
    assert len(found) == 6  # two feeds, three languages


def test_a_template_naming_a_missing_static_file_is_reported(db, settings, tmp_path):
    (tmp_path / "page.html").write_text(
        '{% load static %}<link href="{% static "css/site.css" %}"><script src="{% static \'js/gone.js\' %}"></script>'
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    found = link_findings()
    assert [(f.label, f.severity) for f in found] == [("page.html", Severity.DEDUCT)]
    assert "js/gone.js" in found[0].message
