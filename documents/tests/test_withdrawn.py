"""Withdrawn and expired documents (issue 25, point 7): gone from the list, feeds, open data, the
sitemap and search; their page and their file answer 410 Gone with the notice in English and Chinese,
shared by a cache in front as a 404 is, so that its copy of the file goes too."""

import datetime
import json

import pytest
from django.utils import timezone

from documents.models import Document
from documents.tests.factories import make_document

pytestmark = pytest.mark.django_db

NOTICE_EN = {
    "withdrawn": "This item has been withdrawn and is no longer available.",
    "expired": "This item has expired and is no longer available.",
}
NOTICE_ZH = {"withdrawn": "该信息已撤稿，不再提供。", "expired": "该信息已过期下线，不再提供。"}


def past(**delta):
    return timezone.now() - datetime.timedelta(**delta)


def gone_document(how, slug="lapsed", **fields):
    fields.setdefault("title_en", "Lapsed rules")
    fields.setdefault("title_zh_hans", "失效办法")
    if how == "withdrawn":
        return make_document(slug, status=Document.Status.WITHDRAWN, **fields)
    return make_document(slug, published_at=past(days=3), expires_at=past(hours=1), **fields)


def directives(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


@pytest.mark.parametrize("how", ["withdrawn", "expired"])
@pytest.mark.parametrize("url", ["/en/documents/lapsed/", "/zh-hans/documents/lapsed/", "/documents/lapsed/file"])
def test_a_gone_documents_page_and_file_answer_410_with_both_notices(client, how, url):
    gone_document(how)
    response = client.get(url)
    assert response.status_code == 410
    html = response.content.decode()
    assert NOTICE_EN[how] in html and NOTICE_ZH[how] in html
    assert "Lapsed rules" not in html and "失效办法" not in html
    # Shared like a 404, and never stale: a cache in front replaces its copy of the page or file.
    assert directives(response) == {"max-age=0", "s-maxage=5"}


def test_an_unknown_or_draft_documents_file_stays_404_shared_the_same_way(client):
    make_document("draft", status=Document.Status.DRAFT)
    for slug in ("never-existed", "draft"):
        response = client.get(f"/documents/{slug}/file")
        assert response.status_code == 404, slug
        assert directives(response) == {"max-age=0", "s-maxage=5"}
    assert client.get("/en/documents/never-existed/").status_code == 404


def test_a_public_file_is_kept_by_a_shared_cache_no_longer_than_a_page(client):
    make_document("policy")
    response = client.get("/documents/policy/file")
    assert response.status_code == 200
    assert directives(response) == {"public", "max-age=300", "s-maxage=5"}


@pytest.mark.parametrize("how", ["withdrawn", "expired"])
def test_editors_preview_a_gone_document_and_its_file_unshared(editor_client, how):
    gone_document(how)
    page = editor_client.get("/en/documents/lapsed/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Lapsed rules" in html
    assert ("Withdrawn — not public" if how == "withdrawn" else "Expired on") in html
    assert "no-store" in directives(page)
    file = editor_client.get("/documents/lapsed/file")
    assert file.status_code == 200 and "no-store" in directives(file)


@pytest.mark.parametrize("how", ["withdrawn", "expired"])
def test_a_gone_document_leaves_the_list_feeds_open_data_sitemap_and_search(client, how):
    gone_document(how, title_en="Quokkarule lapsed", title_zh_hans="袋鼠规定失效")
    make_document("kept", title_en="Quokkarule kept", title_zh_hans="袋鼠规定保留")
    for url in (
        "/en/documents/",
        "/zh-hans/documents/",
        "/en/documents/feed/rss/",
        "/zh-hans/documents/feed/atom/",
        "/en/data/documents.csv",
        "/zh-hans/data/documents.json",
        "/sitemap.xml",
        "/en/search/?q=Quokkarule",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode("utf-8-sig")
        assert "lapsed" not in text.lower() and "失效" not in text, url
        assert any(kept in text for kept in ("/documents/kept/", "Quokkarule kept", "袋鼠规定保留")), url
    records = json.loads(client.get("/en/data/documents.json").content)["records"]
    assert [record["slug"] for record in records] == ["kept"]


def test_a_document_leaves_at_its_expiry_time_without_a_save(client, monkeypatch):
    now = timezone.now()
    make_document("lapsing", title_en="Lapsing rules", expires_at=now + datetime.timedelta(minutes=30))
    assert "Lapsing rules" in client.get("/en/documents/").content.decode()
    assert client.get("/documents/lapsing/file").status_code == 200
    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(minutes=31))
    assert "Lapsing rules" not in client.get("/en/documents/").content.decode()
    assert client.get("/en/documents/lapsing/").status_code == 410
    assert client.get("/documents/lapsing/file").status_code == 410


def test_an_expiry_before_the_publication_is_refused():
    from django.core.exceptions import ValidationError

    document = Document(slug="x", title_en="X", published_at=past(days=1), expires_at=past(days=2))
    with pytest.raises(ValidationError) as error:
        document.clean()
    assert "expires_at" in error.value.message_dict
