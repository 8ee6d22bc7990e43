"""Drafts and scheduled articles at their real URL: a preview for editors, a 404 for everyone else."""

import datetime

import pytest
from django.utils import timezone

from news.models import Article
from news.tests.factories import ArticleFactory

SCHEDULED_AT = timezone.now() + datetime.timedelta(days=3)
CASES = {
    "draft": ({"status": Article.Status.DRAFT}, "Draft — not public", "草稿——尚未公开"),
    "scheduled": ({"published_at": SCHEDULED_AT}, "Scheduled for", "定于"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_editors_see_unpublished_articles_with_a_banner_and_no_store(editor_client, case):
    kwargs, english, chinese = CASES[case]
    article = ArticleFactory(title_en="Coming soon", title_zh_hans="即将发布", **kwargs)
    response = editor_client.get(f"/en/news/{article.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Coming soon</h1>" in html
    assert 'class="preview-banner"' in html
    assert english in html
    assert f'href="/admin/news/article/{article.pk}/change/"' in html
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    zh = editor_client.get(f"/zh-hans/news/{article.slug}/")
    assert chinese in zh.content.decode()
    assert "no-store" in zh["Cache-Control"]


def test_scheduled_banner_names_the_time(editor_client):
    when = timezone.make_aware(datetime.datetime(2031, 5, 4, 9, 30))
    article = ArticleFactory(published_at=when)
    assert "Scheduled for 4 May 2031, 09:30" in editor_client.get(f"/en/news/{article.slug}/").content.decode()


@pytest.mark.parametrize("case", list(CASES))
def test_translators_can_preview_too(translator_client, case):
    article = ArticleFactory(**CASES[case][0])
    assert translator_client.get(f"/en/news/{article.slug}/").status_code == 200


@pytest.mark.parametrize("case", list(CASES))
def test_visitors_and_staff_without_change_permission_get_404(client, django_user_model, case):
    article = ArticleFactory(**CASES[case][0])
    assert client.get(f"/en/news/{article.slug}/").status_code == 404
    client.force_login(django_user_model.objects.create_user("clerk", password="pw", is_staff=True))
    assert client.get(f"/en/news/{article.slug}/").status_code == 404


def test_a_published_article_is_no_preview_for_editors(editor_client):
    article = ArticleFactory()
    response = editor_client.get(f"/en/news/{article.slug}/")
    assert "preview-banner" not in response.content.decode()
    assert "no-store" not in response.get("Cache-Control", "")


def test_unpublished_articles_stay_out_of_lists_even_for_editors(editor_client):
    ArticleFactory(title_en="Secret draft", status=Article.Status.DRAFT)
    for url in ("/en/news/", "/en/"):
        assert "Secret draft" not in editor_client.get(url).content.decode()


@pytest.mark.django_db
def test_visible_to_annotates_what_is_public(django_user_model):
    from django.contrib.auth.models import AnonymousUser, Permission

    public = ArticleFactory()
    draft = ArticleFactory(status=Article.Status.DRAFT)
    scheduled = ArticleFactory(published_at=timezone.now() + datetime.timedelta(hours=1))
    assert list(Article.objects.visible_to(AnonymousUser())) == [public]
    staff = django_user_model.objects.create_user("s", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="change_article"))
    flags = {a.pk: a.is_public for a in Article.objects.visible_to(staff)}
    assert flags == {public.pk: True, draft.pk: False, scheduled.pk: False}
    # The scheduled article turns public by itself when its time comes.
    later = timezone.now() + datetime.timedelta(hours=2)
    assert Article.objects.visible_to(staff, now=later).get(pk=scheduled.pk).is_public
