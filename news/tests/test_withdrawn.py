"""Withdrawn and expired articles (issue 25, point 7): gone from every list, the search, the feeds
and the sitemap, by the one rule of what is public; their address answers 410 Gone with the notice
in English and Chinese; an expiry time takes effect by itself, with no save."""

import datetime
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from news.models import Article
from news.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

NOTICE_EN = {
    "withdrawn": "This item has been withdrawn and is no longer available.",
    "expired": "This item has expired and is no longer available.",
}
NOTICE_ZH = {"withdrawn": "该信息已撤稿，不再提供。", "expired": "该信息已过期下线，不再提供。"}


def past(**delta):
    return timezone.now() - datetime.timedelta(**delta)


def future(**delta):
    return timezone.now() + datetime.timedelta(**delta)


def gone_article(how, **fields):
    """A withdrawn article, or a published one whose expiry time has passed."""
    if how == "withdrawn":
        return ArticleFactory(status=Article.Status.WITHDRAWN, **fields)
    return ArticleFactory(published_at=past(days=3), expires_at=past(hours=1), **fields)


@pytest.mark.parametrize("how", ["withdrawn", "expired"])
@pytest.mark.parametrize("lang", ["en", "zh-hans"])
@pytest.mark.parametrize("page", ["", "side-by-side/"])
def test_a_gone_article_answers_410_with_the_notice_in_both_languages(client, how, lang, page):
    article = gone_article(how, title_en="Lapsed notice", title_zh_hans="过期通知")
    response = client.get(f"/{lang}/news/{article.slug}/{page}")
    assert response.status_code == 410
    html = response.content.decode()
    assert NOTICE_EN[how] in html and NOTICE_ZH[how] in html
    assert '<p lang="en">' in html and '<p lang="zh-Hans">' in html
    assert "Lapsed notice" not in html and "过期通知" not in html
    # The page's own language says it first; the layout is the page's language.
    first, second = (NOTICE_EN[how], NOTICE_ZH[how]) if lang == "en" else (NOTICE_ZH[how], NOTICE_EN[how])
    assert html.index(first) < html.index(second)
    assert ("<h1>No longer available</h1>" if lang == "en" else "<h1>不再提供</h1>") in html


def test_an_unknown_a_draft_and_a_scheduled_article_stay_404(client):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    scheduled = ArticleFactory(published_at=future(days=1), expires_at=future(days=2))
    for slug in ("never-existed", draft.slug, scheduled.slug):
        assert client.get(f"/en/news/{slug}/").status_code == 404, slug


def test_the_410_is_shared_like_a_404_and_never_stale(client):
    article = gone_article("withdrawn")
    response = client.get(f"/en/news/{article.slug}/")
    assert response.status_code == 410
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert directives == {"max-age=0", "s-maxage=5"}
    assert "Vary" not in response
    assert response["Cache-Control"] == client.get("/en/news/never-existed/")["Cache-Control"]


def test_only_a_missing_page_looks_for_a_gone_one(client, content, django_assert_num_queries):
    article = gone_article("expired")
    # A public article's page costs what it did (news/tests/test_views.py: 4 at most). A missing
    # one looks in gone() too: the article, gone(), the footer's site details, and for a 404 the
    # redirects (core/redirects.py).
    with django_assert_num_queries(4):
        assert client.get("/en/news/never-existed/").status_code == 404
    with django_assert_num_queries(3):
        assert client.get(f"/en/news/{article.slug}/").status_code == 410


@pytest.mark.parametrize(
    ("how", "english", "chinese"),
    [("withdrawn", "Withdrawn — not public", "已撤稿——不再公开"), ("expired", "Expired on", "下线")],
)
def test_editors_preview_a_gone_article_with_a_banner_and_no_store(editor_client, how, english, chinese):
    article = gone_article(how, title_en="Lapsed notice", title_zh_hans="过期通知")
    response = editor_client.get(f"/en/news/{article.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Lapsed notice</h1>" in html
    assert english in html
    assert "visitors are told it is no longer available" in html
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    zh = editor_client.get(f"/zh-hans/news/{article.slug}/")
    assert chinese in zh.content.decode() and "no-store" in zh["Cache-Control"]


def test_staff_without_change_permission_get_the_410(client, django_user_model):
    article = gone_article("withdrawn")
    client.force_login(django_user_model.objects.create_user("clerk", password="pw", is_staff=True))
    assert client.get(f"/en/news/{article.slug}/").status_code == 410


def test_published_gone_and_next_publication():
    now = timezone.now()
    public = ArticleFactory(published_at=now - datetime.timedelta(days=1))
    lapsing = ArticleFactory(published_at=now - timedelta(days=1), expires_at=now + timedelta(hours=2))
    expired = ArticleFactory(published_at=now - timedelta(days=2), expires_at=now - timedelta(hours=1))
    withdrawn = ArticleFactory(status=Article.Status.WITHDRAWN)
    scheduled = ArticleFactory(published_at=now + datetime.timedelta(hours=5))
    ArticleFactory(status=Article.Status.DRAFT)
    assert set(Article.objects.published(now)) == {public, lapsing}
    assert set(Article.objects.gone(now)) == {expired, withdrawn}
    # The next change by itself: the expiry in 2 hours comes before the publication in 5.
    assert Article.objects.next_publication(now) == lapsing.expires_at
    later = now + datetime.timedelta(hours=3)
    assert set(Article.objects.published(later)) == {public}
    assert set(Article.objects.gone(later)) == {expired, withdrawn, lapsing}
    assert Article.objects.next_publication(later) == scheduled.published_at
    assert Article.objects.next_publication(now + datetime.timedelta(hours=6)) is None


def test_an_expiry_time_must_come_after_the_publication_time():
    article = ArticleFactory.build(published_at=past(days=1), expires_at=past(days=2))
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert error.value.message_dict["expires_at"] == ["The expiry time must be after the publication time."]
    article.expires_at = article.published_at
    with pytest.raises(ValidationError):
        article.full_clean()
    article.expires_at = future(days=1)
    article.full_clean()


def test_the_admin_form_has_the_expiry_time_and_says_so_in_chinese(editor_client):
    article = ArticleFactory()
    url = f"/admin/news/article/{article.pk}/change/"
    editor_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "zh-hans"
    response = editor_client.get(url)
    page = response.content.decode()
    # Next to the publication time. The status is the workflow's (read-only: sign-off and the
    # Withdraw button set it), so its choices are not offered.
    assert page.index('name="published_at_0"') < page.index('name="expires_at_0"')
    assert "下线时间" in page and 'name="status"' not in page
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, list | tuple):
            data[name] = [str(item) for item in value]
        elif value is not None:
            data[name] = str(value)
    published = timezone.localtime(article.published_at)
    data.update(
        published_at_0=published.strftime("%Y-%m-%d"),
        published_at_1=published.strftime("%H:%M:%S"),
        expires_at_0=(published - datetime.timedelta(days=1)).strftime("%Y-%m-%d"),
        expires_at_1="09:00:00",
    )
    data = {name: value for name, value in data.items() if name not in ("published_at", "expires_at")}
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "下线时间必须晚于发布时间。" in response.content.decode()
    article.refresh_from_db()
    assert article.expires_at is None


@pytest.mark.parametrize("how", ["withdrawn", "expired"])
def test_a_gone_article_leaves_every_list_feed_search_and_sitemap(client, content, how):
    from parks.models import Park

    park = Park.objects.get(slug="ssip")
    article = gone_article(how, title_en="Zanzibarquest notice", title_zh_hans="桑给巴尔通知", parks=[park])
    kept = ArticleFactory(title_en="Zanzibarquest kept", title_zh_hans="桑给巴尔保留", parks=[park])
    pages = {
        "list": "/en/news/",
        "park's list": f"/en/news/?park={park.slug}",
        "park page": "/en/parks/ssip/",
        "home": "/en/",
        "search": "/en/search/?q=Zanzibarquest",
        "Chinese search": "/zh-hans/search/?q=桑给巴尔",
        "RSS": "/en/news/feed/rss/",
        "Atom": "/zh-hans/news/feed/atom/",
        "sitemap": "/sitemap.xml",
    }
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        text = response.content.decode()
        assert article.slug not in text and "Zanzibarquest notice" not in text and "桑给巴尔通知" not in text, name
        if name not in ("park page", "home"):  # these show the newest few only
            assert kept.slug in text, name


def test_an_article_leaves_at_its_expiry_time_without_a_save(client, monkeypatch):
    now = timezone.now()
    article = ArticleFactory(title_en="Lapsing notice", published_at=past(days=1), expires_at=future(hours=1))
    assert "Lapsing notice" in client.get("/en/news/").content.decode()
    assert client.get(f"/en/news/{article.slug}/").status_code == 200
    # An hour later, nothing saved: the same row is gone.
    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(hours=1, seconds=1))
    assert "Lapsing notice" not in client.get("/en/news/").content.decode()
    assert client.get(f"/en/news/{article.slug}/").status_code == 410
