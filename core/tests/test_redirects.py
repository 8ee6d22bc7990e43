"""Issue 25, point 8: addresses stay valid. A public page whose slug changes answers 301 at its old
address, in every page language, its side-by-side page too; editors see the redirects in the admin,
which refuses a loop or a target that is no public page (core/redirects.py)."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import translation

from core.editorial.roles import EDITOR
from core.models import Redirect
from news.models import Article
from news.tests.factories import ArticleFactory
from parks.tests.factories import ParkFactory

LANGUAGES = ["en", "zh-hans", "zh-hant"]


@pytest.fixture(autouse=True)
def _english_after():
    yield
    translation.activate("en")


@pytest.fixture
def anon(db):
    return Client()


@pytest.fixture
def chinese_editor(client, django_user_model):
    user = django_user_model.objects.create_user("bianji", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR))
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "zh-hans"
    return client


def rename(obj, slug):
    """As the admin saves it: the object read from the database, its slug changed."""
    obj = type(obj).objects.get(pk=obj.pk)
    obj.slug = slug
    obj.save()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_renamed_article_answers_301_at_its_old_addresses(anon, page_cache, lang, django_capture_on_commit_callbacks):
    article = ArticleFactory(slug="old-name")
    assert anon.get(f"/{lang}/news/old-name/").status_code == 200
    assert anon.get(f"/{lang}/news/old-name/")["X-Cache"] == "HIT"  # stored: renaming must make it stale
    with django_capture_on_commit_callbacks(execute=True):
        rename(article, "new-name")
    for old, new in [("old-name/", "new-name/"), ("old-name/side-by-side/", "new-name/side-by-side/")]:
        response = anon.get(f"/{lang}/news/{old}")
        assert (response.status_code, response["Location"]) == (301, f"/{lang}/news/{new}"), old
        # nginx stores it in place of the old page's copy, which it would otherwise give while the
        # app fails (scripts/proxy_check.py, step 8); no stale directive.
        assert response["Cache-Control"] == "max-age=0, s-maxage=5", old
    assert anon.get(f"/{lang}/news/new-name/").status_code == 200


def test_every_type_with_pages_keeps_its_old_address(anon):
    park = ParkFactory(slug="old-park")
    rename(park, "new-park")
    response = anon.get("/zh-hans/parks/old-park/")
    assert (response.status_code, response["Location"]) == (301, "/zh-hans/parks/new-park/")


def test_a_cached_404_does_not_hide_a_redirect(anon, page_cache, chinese_editor):
    """A missing page's 404 is never stored: a redirect added later for its address answers at once."""
    ArticleFactory(slug="real")
    assert anon.get("/en/news/gone/").status_code == 404
    assert anon.get("/en/news/gone/").status_code == 404
    response = chinese_editor.post(
        "/admin/core/redirect/add/", {"old_path": "/en/news/gone/", "new_path": "/en/news/real/"}
    )
    assert response.status_code == 302
    response = anon.get("/en/news/gone/")
    assert (response.status_code, response["Location"]) == (301, "/en/news/real/")


def test_a_chain_of_renames_is_one_hop_and_renaming_back_restores_the_page(anon):
    article = ArticleFactory(slug="first")
    rename(article, "second")
    rename(article, "third")
    response = anon.get("/en/news/first/")
    assert (response.status_code, response["Location"]) == (301, "/en/news/third/")
    rename(article, "first")
    assert anon.get("/en/news/first/").status_code == 200
    assert anon.get("/en/news/third/")["Location"] == "/en/news/first/"
    assert not Redirect.objects.filter(old_path="/en/news/first/").exists()


def test_a_draft_had_no_public_address_to_keep(anon):
    article = ArticleFactory(slug="draft-name", status=Article.Status.DRAFT)
    rename(article, "other-name")
    assert not Redirect.objects.exists()


def redirect_form(client, old_path, new_path):
    return client.post("/admin/core/redirect/add/", {"old_path": old_path, "new_path": new_path})


def test_editors_see_the_redirects_in_chinese(chinese_editor):
    article = ArticleFactory(slug="before")
    rename(article, "after")
    page = chinese_editor.get("/admin/core/redirect/").content.decode()
    assert "重定向" in page and "/zh-hans/news/before/" in page


def test_a_redirect_loop_is_refused(chinese_editor):
    ArticleFactory(slug="live")
    assert redirect_form(chinese_editor, "/en/news/a/", "/en/news/b/").status_code == 200  # b: no page
    Redirect.objects.create(old_path="/en/news/b/", new_path="/en/news/a/")
    response = redirect_form(chinese_editor, "/en/news/a/", "/en/news/b/")
    assert response.status_code == 200
    assert "循环" in response.content.decode() and "/en/news/a/" in response.content.decode()
    assert not Redirect.objects.filter(old_path="/en/news/a/").exists()
    # A redirect to itself is the shortest loop.
    assert "循环" in redirect_form(chinese_editor, "/en/news/c/", "/en/news/c/").content.decode()


@pytest.mark.parametrize(
    "target",
    ["/en/news/no-such-article/", "/en/news/a-draft/", "/en/no-such-section/", "/en/news/live"],
    ids=["missing", "draft", "unknown path", "without its slash"],
)
def test_a_redirect_to_a_missing_page_is_refused(chinese_editor, target):
    ArticleFactory(slug="live")
    ArticleFactory(slug="a-draft", status=Article.Status.DRAFT)
    response = redirect_form(chinese_editor, "/en/news/old/", target)
    assert response.status_code == 200
    assert "不是本站的公开页面" in response.content.decode()
    assert not Redirect.objects.exists()


def test_a_redirect_to_a_public_page_or_through_a_chain_is_accepted(chinese_editor, anon):
    ArticleFactory(slug="live")
    assert redirect_form(chinese_editor, "/en/news/old/", "/en/news/live/").status_code == 302
    assert redirect_form(chinese_editor, "/en/news/older/", "/en/news/old/").status_code == 302
    # The same old address twice: the form says so (not a database error).
    assert redirect_form(chinese_editor, "/en/news/old/", "/en/news/live/").status_code == 200
    assert anon.get("/en/news/older/")["Location"] == "/en/news/old/"
