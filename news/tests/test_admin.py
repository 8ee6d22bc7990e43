"""The admin as an editor uses it."""

import pytest

from news.models import Article
from news.tests.factories import ArticleFactory


def test_change_form_has_both_languages(staff_client, content):
    article = Article.objects.get(slug="suzhou-suqian-strengthen-cooperation-2023")
    html = staff_client.get(f"/admin/news/article/{article.pk}/change/").content.decode()
    for field in ("title_en", "title_zh_hans", "body_en", "body_zh_hans", "summary_zh_hans"):
        assert f'name="{field}"' in html
    assert "googleapis" not in html
    assert "/static/vendor/jquery-ui/jquery-ui-1.13.3.min.js" in html


@pytest.mark.parametrize("query", ["苏州、宿迁加强合作", "strengthen cooperation"])
def test_admin_search_finds_either_language(staff_client, content, query):
    ArticleFactory(title_en="Unrelated", title_zh_hans="无关")
    html = staff_client.get("/admin/news/article/", {"q": query}).content.decode()
    assert "1 result" in html
    assert "Suzhou, Suqian strengthen cooperation" in html


def test_admin_search_finds_park_by_chinese_name(staff_client, content):
    html = staff_client.get("/admin/parks/park/", {"q": "张家港宿豫"}).content.decode()
    assert "1 result" in html
    assert "Zhangjiagang Suyu Industrial Park" in html


def test_view_on_site_opens_the_public_page(staff_client, content):
    from django.contrib.contenttypes.models import ContentType

    article = Article.objects.get(slug="suzhou-suqian-strengthen-cooperation-2023")
    ct = ContentType.objects.get_for_model(Article)
    response = staff_client.get(f"/admin/r/{ct.pk}/{article.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response["Location"].endswith("/en/news/suzhou-suqian-strengthen-cooperation-2023/")


def test_admin_is_not_under_a_language_prefix(client, db):
    assert client.get("/admin/login/").status_code == 200
    assert client.get("/en/admin/login/").status_code == 404
