"""Rich text as editors write it and visitors see it."""

import json

import pytest

from news.models import Article
from parks.models import Park
from parks.tests.factories import ParkFactory

NASTY = (
    '<p onclick="steal()" style="color:red">Hello <strong>world</strong></p>'
    '<script>alert(1)</script><a href="javascript:alert(1)">bad link</a>'
    '<a href="https://example.org/" onmouseover="x()">good link</a>'
    '<img src=x onerror="alert(2)"><iframe src="//x"></iframe>'
)


def assert_clean(html):
    for forbidden in ("onclick", "onmouseover", "onerror", "style=", "<script", "javascript:", "<iframe", "<img"):
        assert forbidden not in html, forbidden
    assert "<strong>world</strong>" in html
    assert 'href="https://example.org/"' in html


@pytest.mark.parametrize(("url", "fields"), [("/admin/news/article/add/", ["body_en", "body_zh_hans"])])
def test_body_has_the_editor_in_both_languages(staff_client, url, fields):
    html = staff_client.get(url).content.decode()
    for field in fields:
        assert f'name="{field}"' in html
    assert html.count('class="richtext"') == 2
    assert 'data-action="h2"' in html
    assert 'data-preview-url="/admin/news/article/rich-text-preview/"' in html
    assert "/static/admin-editor/richtext.js" in html
    assert "//cdn" not in html and "googleapis" not in html
    # The summary stays plain text.
    assert 'name="summary_en"' in html


def test_park_description_has_the_editor(staff_client, content):
    park = Park.objects.get(slug="ssip")
    html = staff_client.get(f"/admin/parks/park/{park.pk}/change/").content.decode()
    assert html.count('class="richtext"') == 2
    assert 'data-preview-url="/admin/parks/park/rich-text-preview/"' in html


def test_preview_is_sanitized_like_the_public_page(staff_client):
    response = staff_client.post("/admin/news/article/rich-text-preview/", {"html": NASTY})
    assert response.status_code == 200
    assert_clean(json.loads(response.content)["html"])
    assert staff_client.get("/admin/news/article/rich-text-preview/").status_code == 405


def test_preview_is_for_signed_in_staff(client, db):
    response = client.post("/admin/news/article/rich-text-preview/", {"html": "<p>x</p>"})
    assert response.status_code == 302


@pytest.mark.django_db
def test_rich_text_is_sanitized_on_save_and_on_output(client):
    from news.tests.factories import ArticleFactory

    article = ArticleFactory(body_en=NASTY, body_zh_hans=NASTY)
    article.refresh_from_db()
    assert_clean(article.body_en)
    assert_clean(article.body_zh_hans)
    park = ParkFactory(description_en=NASTY)
    park.refresh_from_db()
    assert_clean(park.description_en)
    # Rows written around save() (raw SQL, loaddata) are cleaned on output.
    Article.objects.filter(pk=article.pk).update(body_en=NASTY)
    html = client.get(article.get_absolute_url()).content.decode()
    prose = html[html.index('<div class="prose">') :]
    assert_clean(prose[: prose.index("</div>")])
