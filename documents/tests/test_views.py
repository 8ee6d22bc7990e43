"""The public pages: list with filters, detail in both languages, type and size next to every
link, feeds, open data, the editor's chooser, and bounded queries."""

import datetime
import json

import pytest
from django.utils import timezone

from documents.models import Document
from documents.tests.factories import make_document, pdf, upload, xlsx
from facts.tests.factories import SourceFactory
from news.tests.factories import ArticleFactory
from parks.tests.factories import ParkFactory

pytestmark = pytest.mark.django_db


def at(year):
    return timezone.make_aware(datetime.datetime(year, 5, 1, 9, 0))


@pytest.fixture
def documents():
    park = ParkFactory(slug="ssip")
    other = ParkFactory(slug="kunshan-shuyang")
    older = make_document("plan-2022", title_en="Plan 2022", title_zh_hans="2022年规划", published_at=at(2022))
    older.parks.set([park])
    newer = make_document(
        "opinions-2023",
        title_en="Opinions 2023",
        title_zh_hans="2023年意见",
        published_at=at(2023),
        number="宿政发〔2023〕12号",
        issuing_body_en="Suqian Municipal Government",
        issuing_body_zh_hans="宿迁市人民政府",
        data=pdf(1_234_567),
    )
    newer.parks.set([other])
    newer.sources.set([SourceFactory(slug="suqian-gov")])
    make_document("draft", title_en="Secret draft", title_zh_hans="未发布草稿", status=Document.Status.DRAFT)
    return older, newer


def test_the_list_shows_published_documents_newest_first(client, documents):
    page = client.get("/en/documents/").content.decode()
    assert "Policies and documents" in page
    assert page.index("Opinions 2023") < page.index("Plan 2022")
    assert "Secret draft" not in page
    assert "(PDF, 1.2\xa0MB)" in page


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("?park=ssip", "Plan 2022", "Opinions 2023"),
        ("?year=2023", "Opinions 2023", "Plan 2022"),
        ("?park=kunshan-shuyang&year=2023", "Opinions 2023", "Plan 2022"),
    ],
)
def test_the_list_filters_by_park_and_year(client, documents, query, shown, hidden):
    page = client.get(f"/en/documents/{query}").content.decode()
    assert shown in page and hidden not in page


@pytest.mark.parametrize(
    "query", ["?park=nowhere", "?year=1999", "?year=abc", "?year=99999999999999999999", "?park[]=x"]
)
def test_bad_filters_are_404_not_500(client, documents, query):
    response = client.get(f"/en/documents/{query}")
    assert response.status_code in (200, 404)
    if "park[]" not in query:
        assert response.status_code == 404


def test_the_detail_page_in_both_languages(client, documents):
    english = client.get("/en/documents/opinions-2023/").content.decode()
    assert "Opinions 2023" in english and "宿政发〔2023〕12号" in english
    assert "Suqian Municipal Government" in english
    assert "(PDF, 1.2\xa0MB)" in english
    assert 'href="/documents/opinions-2023/file"' in english
    chinese = client.get("/zh-hans/documents/opinions-2023/").content.decode()
    assert "2023年意见" in chinese and "宿迁市人民政府" in chinese and "发文机关" in chinese
    assert "（PDF，1.2\xa0MB）" in chinese or "(PDF，1.2\xa0MB)" in chinese
    assert client.get("/zh-hant/documents/opinions-2023/").status_code == 200


def test_a_drafts_page_is_404(client, documents):
    assert client.get("/en/documents/draft/").status_code == 404


def test_the_menu_links_the_list(client, documents):
    page = client.get("/zh-hans/").content.decode()
    assert 'href="/zh-hans/documents/"' in page and "政策文件" in page


def test_a_link_in_rich_text_says_type_and_size_in_the_page_language(client, documents):
    ArticleFactory(
        slug="with-link",
        body_en=(
            '<p>Read <a href="/documents/opinions-2023/file">the opinions</a> '
            'and <a href="/documents/draft/file">x</a>.</p>'
        ),
        body_zh_hans='<p>见<a href="/documents/opinions-2023/file">意见</a>。</p>',
    )
    english = client.get("/en/news/with-link/").content.decode()
    assert 'the opinions</a> <span class="file-label">(PDF, 1.2\xa0MB)</span>' in english
    assert "x</a>." in english  # a draft's link gets no label (and leaks nothing)
    chinese = client.get("/zh-hans/news/with-link/").content.decode()
    assert '意见</a> <span class="file-label">(PDF，1.2\xa0MB)</span>' in chinese


def test_feeds_list_published_documents_with_their_file(client, documents):
    rss = client.get("/en/documents/feed/rss/").content.decode()
    assert "Opinions 2023" in rss and "Secret draft" not in rss
    assert 'url="http://testserver/documents/opinions-2023/file"' in rss
    assert 'type="application/pdf"' in rss
    assert client.get("/zh-hans/documents/feed/atom/").status_code == 200


def test_open_data_csv_and_json(client, documents):
    records = json.loads(client.get("/en/data/documents.json").content)["records"]
    assert [r["slug"] for r in records] == ["opinions-2023", "plan-2022"]
    assert records[0]["number"] == "宿政发〔2023〕12号"
    assert records[0]["file_type"] == "PDF" and records[0]["file_size_bytes"] == 1_234_567
    assert records[0]["download"] == "http://testserver/documents/opinions-2023/file"
    csv = client.get("/zh-hans/data/documents.csv").content.decode("utf-8-sig")
    assert "2023年意见" in csv and "未发布草稿" not in csv


def test_open_data_defuses_formulas(client):
    make_document("formula", title_en='=HYPERLINK("http://evil.example/","x")')
    csv = client.get("/en/data/documents.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in csv


def test_the_sitemap_lists_published_documents(client, documents):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/en/documents/opinions-2023/" in sitemap and "/documents/draft/" not in sitemap


def test_the_chooser_lists_documents_for_editors_only(editor_client, documents):
    from django.test import Client

    data = editor_client.get("/admin/documents/document/choose/?q=2023").json()
    assert {"slug": "opinions-2023", "href": "/documents/opinions-2023/file"}.items() <= data["results"][0].items()
    assert data["results"][0]["label"] == "PDF, 1.2\xa0MB"
    assert Client().get("/admin/documents/document/choose/").status_code == 302  # to the login


def test_query_counts_are_bounded(client, documents, django_assert_max_num_queries):
    for n in range(15):
        document = make_document(f"extra-{n}", title_en=f"Extra {n}", data=xlsx(), name="t.xlsx")
        document.parks.set([documents[0].parks.get()])
    with django_assert_max_num_queries(6):
        assert client.get("/en/documents/").status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get("/en/documents/opinions-2023/").status_code == 200


def test_a_one_language_document_is_listed_in_its_language_only(client):
    Document(
        slug="zh-only",
        original_language="zh-hans",
        title_zh_hans="只有中文",
        status="published",
        file=upload("a.pdf", pdf()),
    ).save()
    assert "只有中文" in client.get("/zh-hans/documents/").content.decode()
    assert "zh-only" not in client.get("/en/documents/").content.decode()


def test_every_rich_text_editor_offers_the_document_chooser(editor_client):
    page = editor_client.get("/admin/news/article/add/").content.decode()
    assert "admin-editor/document-link.js" in page
    # The script finds the chooser at the address the server gives, not at a path it assumes.
    assert 'data-document-chooser="/admin/documents/document/choose/"' in page


def test_documents_are_searchable_by_title_number_and_issuing_body(documents):
    published = Document.objects.published()
    assert [d.slug for d in published.search("宿政发〔2023〕12号")] == ["opinions-2023"]
    assert [d.slug for d in published.search("宿迁市人民政府")] == ["opinions-2023"]
    assert [d.slug for d in published.search("Plan")] == ["plan-2022"]
    assert not published.search("Secret draft").exists()


def test_the_site_map_page_names_the_documents_their_feeds_and_open_data(client, documents):
    page = client.get("/zh-hans/about/site-map/").content.decode()
    for href in ("/zh-hans/documents/", "/zh-hans/documents/feed/rss/", "/zh-hans/data/documents.csv"):
        assert f'href="{href}"' in page
