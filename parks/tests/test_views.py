"""Park pages as a visitor sees them, in both languages."""

import pytest

from documents.models import Document
from documents.tests.factories import make_document
from news.tests.factories import ArticleFactory
from parks.models import Park
from parks.tests.factories import ParkFactory


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/en/parks/", ["Suzhou Suqian Industrial Park", "Wuzhong Sucheng Industrial Park"]),
        ("/zh-hans/parks/", ["苏州宿迁工业园区", "吴中宿城工业园"]),
        ("/en/parks/ssip/", ["<h1>Suzhou Suqian Industrial Park</h1>", "Sucheng District", "13.6 km²"]),
        ("/zh-hans/parks/ssip/", ["<h1>苏州宿迁工业园区</h1>", "宿城区", "13.6 平方公里", "十三连冠"]),
        ("/en/parks/wujiang-siyang/", ["July 2008"]),
        ("/zh-hans/parks/wujiang-siyang/", ["2008年7月"]),
    ],
)
def test_park_pages_show_the_page_language(client, content, url, expected):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in expected:
        assert text in html


def test_park_page_cites_its_sources(client, content):
    html = client.get("/en/parks/ssip/").content.decode()
    assert "Sources" in html
    assert 'href="http://hangzhou.xjnnet.com/news/guonei/2023-08-20/15713.html"' in html


def test_park_page_lists_only_published_news_about_it(client, content):
    park = Park.objects.get(slug="ssip")
    ArticleFactory(title_en="Draft about SSIP", status="draft", parks=[park])
    ArticleFactory(title_en="Published about SSIP", parks=[park])
    ArticleFactory(title_en="Published elsewhere")
    html = client.get("/en/parks/ssip/").content.decode()
    assert "Published about SSIP" in html
    assert "Draft about SSIP" not in html
    assert "Published elsewhere" not in html


def test_unknown_park_is_a_404_in_the_page_language(client, db):
    response = client.get("/zh-hans/parks/no-such-park/")
    assert response.status_code == 404
    assert "页面未找到" in response.content.decode()


def test_park_pages_run_a_bounded_number_of_queries(client, content, django_assert_max_num_queries):
    park = Park.objects.get(slug="ssip")
    for _ in range(20):
        ArticleFactory(parks=list(Park.objects.all()))
    for _ in range(10):
        ParkFactory()
    with django_assert_max_num_queries(4):
        assert client.get("/en/parks/").status_code == 200
    # park, its sources, assessment results, figures and milestones; news and their
    # parks; documents (one query, 12 since the page lists them: their labels are the rows'
    # own columns); enterprises; the parks for the map; the site details of the footer.
    with django_assert_max_num_queries(12):
        assert client.get(park.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    ("lang", "label", "all_link"),
    [
        ("en", "(PDF, 19.4\xa0KB)", "All documents about this park"),
        ("zh-hans", "(PDF，19.4\xa0KB)", "该园区的全部政策文件"),
    ],
)
def test_park_page_lists_its_published_documents(client, content, media_root, lang, label, all_link):
    park = Park.objects.get(slug="ssip")
    draft = make_document(slug="draft-policy", status=Document.Status.DRAFT, title_en="Draft policy for SSIP")
    draft.parks.add(park)
    html = client.get(f"/{lang}/parks/ssip/").content.decode()
    shipped = Document.objects.get(slug="key-figures")  # the shipped PDF about this park
    title = shipped.title_en if lang == "en" else shipped.title_zh_hans
    section = html[html.index('id="park-documents-heading"') :]
    section = section[: section.index("</section>")]
    assert f'<a href="/{lang}/documents/key-figures/">{title}</a> <span class="file-label">{label}</span>' in section
    assert f'<a href="/{lang}/documents/?park=ssip">{all_link}</a>' in section
    assert "draft-policy" not in html and "Draft policy" not in html and "关于共建园区的意见" not in html


def test_park_page_without_documents_has_no_documents_section(client, content):
    html = client.get(ParkFactory().get_absolute_url()).content.decode()
    assert "park-documents-heading" not in html
