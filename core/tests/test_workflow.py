"""Review before publishing (issue 25): what writers, reviewers, approvers and visitors see."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from core import workflow
from core.editorial.roles import APPROVER, EDITOR, REVIEWER, TRANSLATOR, WRITER
from core.models.workflow import AuditEntry, Revision
from news.models import Article
from news.tests.factories import ArticleFactory
from news.tests.test_roles import change_form_data
from parks.tests.factories import ParkFactory


@pytest.fixture(autouse=True)
def _english_after():
    yield
    from django.utils import translation

    translation.activate("en")


def member(django_user_model, username, *groups, language=None):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw", is_staff=True)
    for group in groups:
        user.groups.add(Group.objects.get(name=group))
    client = Client(HTTP_ACCEPT_LANGUAGE=language or "en")
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def team(db, django_user_model):
    return {
        "writer": member(django_user_model, "wang", WRITER),
        "reviewer": member(django_user_model, "li", REVIEWER),
        "approver": member(django_user_model, "zhao", APPROVER),
    }


@pytest.fixture
def article(db):
    return ArticleFactory(
        slug="live-story", title_en="Live title", title_zh_hans="线上标题", status=Article.Status.PUBLISHED
    )


def version_of(page: str) -> str:
    return re.search(r'name="version" value="(\d+)"', page).group(1)


def edit(client, article, **changes):
    url = f"/admin/news/article/{article.pk}/change/"
    return client.post(url, change_form_data(article, **changes))


@pytest.mark.django_db
def test_the_three_groups_hold_their_steps():
    writer = Group.objects.get(name=WRITER).permissions.values_list("codename", flat=True)
    reviewer = Group.objects.get(name=REVIEWER).permissions.values_list("codename", flat=True)
    approver = Group.objects.get(name=APPROVER).permissions.values_list("codename", flat=True)
    assert {"add_article", "change_article", "add_park", "change_sitesettings"} <= set(writer)
    assert "review_revision" in reviewer and "sign_off_revision" not in reviewer
    assert "sign_off_revision" in approver and "review_revision" not in approver


@pytest.mark.django_db
def test_the_whole_path_changes_the_live_page_only_at_sign_off(team, article, client):
    writer, reviewer, approver = team["writer"], team["reviewer"], team["approver"]
    response = edit(writer, article, title_zh_hans="待审核的新标题", _submit_for_review="1")
    assert response.status_code == 302
    revision = Revision.objects.get(object_id=article.pk)
    assert revision.state == Revision.State.IN_REVIEW
    # Visitors keep the approved version.
    assert "线上标题" in client.get("/zh-hans/news/live-story/").content.decode()
    assert "待审核的新标题" not in client.get("/zh-hans/news/live-story/").content.decode()
    # The writer may no longer change it while it waits.
    form = writer.get(f"/admin/news/article/{article.pk}/change/").content.decode()
    assert 'name="title_zh_hans"' not in form

    # The reviewer finds it on the admin index, sees the diff, approves.
    index = reviewer.get("/admin/").content.decode()
    assert f"/admin/review/{revision.pk}/" in index
    page = reviewer.get(f"/admin/review/{revision.pk}/").content.decode()
    assert "<del>线上</del>标题" in page and "<ins>待审核的新</ins>标题" in page
    assert "Publication time" not in page  # unchanged, however the revision stores the time
    assert "Title [中文]" in page
    reviewer.post(f"/admin/review/{revision.pk}/approve/", {"version": version_of(page)})
    revision.refresh_from_db()
    assert revision.state == Revision.State.AWAITING_SIGN_OFF
    assert "线上标题" in client.get("/zh-hans/news/live-story/").content.decode()

    # The approver signs it off: now, and only now, visitors see it.
    page = approver.get(f"/admin/review/{revision.pk}/").content.decode()
    approver.post(f"/admin/review/{revision.pk}/sign_off/", {"version": version_of(page)})
    assert "待审核的新标题" in client.get("/zh-hans/news/live-story/").content.decode()
    actions = list(
        AuditEntry.objects.filter(object_id=article.pk).order_by("time", "pk").values_list("action", "user_name")
    )
    assert actions == [("submitted", "wang"), ("approved", "li"), ("published", "zhao")]
    published = AuditEntry.objects.get(action="published")
    assert ["Title [中文]", "线上标题", "待审核的新标题"] in published.changes


def test_a_pending_change_of_parks_and_text_leaves_the_live_article_whole(team, article):
    park = ParkFactory()
    edit(team["writer"], article, title_en="New title", parks=[park.pk])
    article.refresh_from_db()
    assert article.title_en == "Live title"
    assert list(article.parks.all()) == []
    revision = Revision.objects.get(object_id=article.pk)
    assert revision.state == Revision.State.DRAFT
    # The form shows the writer the revision, not the live row.
    form = team["writer"].get(f"/admin/news/article/{article.pk}/change/").content.decode()
    assert 'value="New title"' in form
    assert "Visitors see the published version until this revision is signed off." in form


def test_rejection_needs_a_reason_which_the_writer_sees_in_the_form(team, article):
    edit(team["writer"], article, title_en="Draft title", _submit_for_review="1")
    revision = Revision.objects.get(object_id=article.pk)
    url = f"/admin/review/{revision.pk}/"
    team["reviewer"].post(url + "reject/", {"version": revision.version, "comment": "  "})
    revision.refresh_from_db()
    assert revision.state == Revision.State.IN_REVIEW
    team["reviewer"].post(url + "reject/", {"version": revision.version, "comment": "Check the date in paragraph 2."})
    revision.refresh_from_db()
    assert revision.state == Revision.State.REJECTED
    form = team["writer"].get(f"/admin/news/article/{article.pk}/change/").content.decode()
    assert "Check the date in paragraph 2." in form
    assert 'name="title_en"' in form  # editable again


def test_four_eyes_even_for_someone_in_every_group(django_user_model, article):
    everyone = member(django_user_model, "all-hats", WRITER, REVIEWER, APPROVER)
    edit(everyone, article, title_en="My own change", _submit_for_review="1")
    revision = Revision.objects.get(object_id=article.pk)
    response = everyone.post(f"/admin/review/{revision.pk}/approve/", {"version": revision.version}, follow=True)
    assert "someone else must approve it" in response.content.decode()
    revision.refresh_from_db()
    assert revision.state == Revision.State.IN_REVIEW


def test_a_reviewer_who_edits_may_no_longer_approve(team, article, django_user_model):
    edit(team["writer"], article, title_en="First", _submit_for_review="1")
    edit(team["reviewer"], article, title_en="First, corrected")
    revision = Revision.objects.get(object_id=article.pk)
    assert revision.state == Revision.State.IN_REVIEW
    team["reviewer"].post(f"/admin/review/{revision.pk}/approve/", {"version": revision.version})
    revision.refresh_from_db()
    assert revision.state == Revision.State.IN_REVIEW
    second = member(django_user_model, "qian", REVIEWER)
    second.post(f"/admin/review/{revision.pk}/approve/", {"version": revision.version})
    revision.refresh_from_db()
    assert revision.state == Revision.State.AWAITING_SIGN_OFF


def test_a_crafted_post_from_a_writer_publishes_nothing(team, article):
    draft = ArticleFactory(slug="quiet-draft", status=Article.Status.DRAFT)
    edit(team["writer"], draft, status="published", title_en="Sneaky")
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT and draft.title_en != "Sneaky"
    revision = Revision.objects.get(object_id=draft.pk)
    for action in ("approve", "sign_off"):
        team["writer"].post(f"/admin/review/{revision.pk}/{action}/", {"version": revision.version})
    revision.refresh_from_db()
    assert revision.state == Revision.State.DRAFT
    assert not Article.objects.published().filter(pk=draft.pk).exists()
    # Nor may a writer submit and then approve their own item.
    team["writer"].post(f"/admin/review/{revision.pk}/submit/", {"version": revision.version})
    revision.refresh_from_db()
    team["writer"].post(f"/admin/review/{revision.pk}/approve/", {"version": revision.version})
    revision.refresh_from_db()
    assert revision.state == Revision.State.IN_REVIEW


def test_approving_a_revision_that_changed_since_it_was_opened_is_refused(team, article):
    edit(team["writer"], article, title_en="One", _submit_for_review="1")
    revision = Revision.objects.get(object_id=article.pk)
    page = team["reviewer"].get(f"/admin/review/{revision.pk}/").content.decode()
    seen = version_of(page)
    workflow.cancel(revision, team["writer"].user)
    response = team["reviewer"].post(f"/admin/review/{revision.pk}/approve/", {"version": seen}, follow=True)
    assert "changed after you opened it" in response.content.decode()
    revision.refresh_from_db()
    assert revision.state == Revision.State.DRAFT


def test_two_approvers_at_once_publish_once(team, article, django_user_model):
    edit(team["writer"], article, title_en="Two", _submit_for_review="1")
    revision = Revision.objects.get(object_id=article.pk)
    workflow.approve(revision, team["reviewer"].user)
    revision.refresh_from_db()
    other = member(django_user_model, "sun", APPROVER)
    seen = revision.version
    team["approver"].post(f"/admin/review/{revision.pk}/sign_off/", {"version": seen})
    response = other.post(f"/admin/review/{revision.pk}/sign_off/", {"version": seen}, follow=True)
    assert "changed after you opened it" in response.content.decode()
    assert AuditEntry.objects.filter(action="published").count() == 1


def test_a_new_item_by_a_writer_exists_only_once_signed_off(team, client):
    park = ParkFactory(slug="new-park-home")
    data = change_form_data(
        Article(title_en="Brand new", summary_en="S", body_en="<p>B</p>", original_language="en"),
        slug="brand-new",
        parks=[park.pk],
        _submit_for_review="1",
    )
    response = team["writer"].post("/admin/news/article/add/", data)
    assert response.status_code == 302
    assert not Article.objects.filter(slug="brand-new").exists()
    revision = Revision.objects.get(object_repr="Brand new")
    workflow.approve(revision, team["reviewer"].user)
    workflow.sign_off(revision, team["approver"].user)
    article = Article.objects.get(slug="brand-new")
    assert article.status == Article.Status.PUBLISHED
    assert list(article.parks.all()) == [park]
    assert client.get("/en/news/brand-new/").status_code == 200


def test_one_step_when_the_site_details_say_so(team, article):
    from about.models import SiteSettings

    SiteSettings.objects.create(review_steps=1)
    edit(team["writer"], article, title_en="Quick", _submit_for_review="1")
    revision = Revision.objects.get(object_id=article.pk)
    assert revision.state == Revision.State.AWAITING_SIGN_OFF
    workflow.sign_off(revision, team["approver"].user)
    article.refresh_from_db()
    assert article.title_en == "Quick"


def test_a_superuser_publishes_directly_and_the_trail_says_so(article, staff_client):
    response = edit(staff_client, article, title_en="Straight out")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title_en == "Straight out"
    entry = AuditEntry.objects.get(object_id=article.pk)
    assert entry.action == AuditEntry.Action.DIRECT
    assert entry.get_action_display() == "Published without review"


def test_translators_translation_goes_through_review(django_user_model, article):
    translator = member(django_user_model, "tina", TRANSLATOR)
    edit(translator, article, title_zh_hans="译者的标题")
    article.refresh_from_db()
    assert article.title_zh_hans == "线上标题"
    assert Revision.objects.get(object_id=article.pk).data["title_zh_hans"] == "译者的标题"


def test_editors_no_longer_publish_by_ticking_the_status(django_user_model):
    editor = member(django_user_model, "ed", EDITOR)
    draft = ArticleFactory(slug="eds-draft", status=Article.Status.DRAFT)
    form = editor.get(f"/admin/news/article/{draft.pk}/change/").content.decode()
    assert 'name="status"' not in form
    edit(editor, draft, status="published")
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_withdrawal_needs_a_reason_and_happens_once(team, article, client):
    url = f"/admin/news/article/{article.pk}/change/"
    form = team["approver"].get(url).content.decode()
    assert "Withdraw" in form
    from django.contrib.contenttypes.models import ContentType

    ct = ContentType.objects.get_for_model(Article).pk
    team["approver"].post(f"/admin/withdraw/{ct}/{article.pk}/", {"reason": ""})
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    team["writer"].post(f"/admin/withdraw/{ct}/{article.pk}/", {"reason": "wrong"})
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    team["approver"].post(f"/admin/withdraw/{ct}/{article.pk}/", {"reason": "Superseded by the 2024 notice"})
    article.refresh_from_db()
    assert article.status == "withdrawn"
    response = team["approver"].post(f"/admin/withdraw/{ct}/{article.pk}/", {"reason": "again"}, follow=True)
    assert "already been withdrawn" in response.content.decode()
    assert AuditEntry.objects.filter(action="withdrawn").count() == 1
    assert client.get("/en/news/live-story/").status_code in (404, 410)


def test_the_review_page_and_its_buttons_in_chinese(django_user_model, article):
    writer = member(django_user_model, "wang", WRITER)
    reviewer = member(django_user_model, "li", REVIEWER, language="zh-hans")
    edit(writer, article, title_en="Changed", _submit_for_review="1")
    revision = Revision.objects.get(object_id=article.pk)
    page = reviewer.get(f"/admin/review/{revision.pk}/").content.decode()
    for words in ("待审核", "通过", "退回", "标题 [English]"):
        assert words in page, words
    index = reviewer.get("/admin/").content.decode()
    assert "待我审核" in index


def test_the_preview_renders_the_revision_as_the_public_page(team, article):
    edit(team["writer"], article, title_en="Preview title", title_zh_hans="预览标题", _submit_for_review="1")
    revision = Revision.objects.get(object_id=article.pk)
    en = team["reviewer"].get(f"/admin/review/{revision.pk}/preview/en/")
    zh = team["reviewer"].get(f"/admin/review/{revision.pk}/preview/zh-hans/")
    assert "Preview title" in en.content.decode() and "预览标题" in zh.content.decode()
    assert "no-store" in en["Cache-Control"]


def test_the_change_form_adds_at_most_three_queries(team, article):
    url = f"/admin/news/article/{article.pk}/change/"
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    edit(team["writer"], article, title_en="Pending")
    with CaptureQueriesContext(connection) as opened:
        team["reviewer"].get(url)
    tables = ("core_revision", "core_auditentry")
    workflow_queries = [q["sql"] for q in opened.captured_queries if any(t in q["sql"] for t in tables)]
    assert len(workflow_queries) <= 3, workflow_queries


def test_a_pending_revision_leaves_cached_pages_alone_until_sign_off(
    team, client, page_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # committed, as outside a test
        article = ArticleFactory(slug="live-story", title_en="Live title", status=Article.Status.PUBLISHED)
    assert "Live title" in client.get("/en/news/live-story/").content.decode()  # now cached
    with django_capture_on_commit_callbacks(execute=True):
        edit(team["writer"], article, title_en="Cached or not", _submit_for_review="1")
        revision = Revision.objects.get(object_id=article.pk)
        workflow.approve(revision, team["reviewer"].user)
    page = client.get("/en/news/live-story/")
    assert "Live title" in page.content.decode() and "Cached or not" not in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.sign_off(revision, team["approver"].user)
    assert "Cached or not" in client.get("/en/news/live-story/").content.decode()
    assert "Cached or not" in client.get("/en/news/").content.decode()


def test_a_signed_off_revision_with_a_future_time_appears_by_itself(team, article, client):
    import datetime

    from django.utils import timezone

    soon = timezone.localtime(timezone.now() + datetime.timedelta(hours=2))
    edit(
        team["writer"],
        ArticleFactory(slug="later-story", status=Article.Status.DRAFT, title_en="Later"),
        published_at_0=f"{soon:%Y-%m-%d}",
        published_at_1=f"{soon:%H:%M:%S}",
        _submit_for_review="1",
    )
    revision = Revision.objects.get(object_repr="Later")
    workflow.approve(revision, team["reviewer"].user)
    workflow.sign_off(revision, team["approver"].user)
    later = Article.objects.get(slug="later-story")
    assert later.status == Article.Status.PUBLISHED
    assert client.get("/en/news/later-story/").status_code == 404
    assert Article.objects.published(now=soon + datetime.timedelta(minutes=1)).filter(pk=later.pk).exists()


def test_a_park_and_the_site_details_go_through_review_too(django_user_model, client):
    from about.models import SiteSettings

    writer = member(django_user_model, "wang", WRITER)
    SiteSettings(organiser_en="Cooperation Office", organiser_zh_hans="合作办公室").save()
    site = SiteSettings.load()
    form = writer.get(f"/admin/about/sitesettings/{site.pk}/change/")
    from core.tests.test_roles_everywhere import browser_data

    data = browser_data(form.context["adminform"].form)
    data.update(organiser_zh_hans="新的合作办公室", _submit_for_review="1")
    assert writer.post(f"/admin/about/sitesettings/{site.pk}/change/", data).status_code == 302
    assert "新的合作办公室" not in client.get("/zh-hans/about/").content.decode()
    assert SiteSettings.load().organiser_zh_hans == "合作办公室"
    assert Revision.objects.get(content_type__model="sitesettings").state == Revision.State.IN_REVIEW


def test_the_writer_finds_a_rejected_revision_on_the_admin_index(team, article):
    edit(team["writer"], article, title_en="Needs work", _submit_for_review="1")
    revision = Revision.objects.get(object_id=article.pk)
    workflow.reject(revision, team["reviewer"].user, "Source missing.")
    index = team["writer"].get("/admin/").content.decode()
    assert "My revisions" in index and "Source missing." in index


def test_a_new_items_draft_opens_again_in_its_form_and_a_bad_revision_number_is_an_empty_form(team):
    data = change_form_data(
        Article(title_en="Fresh", summary_en="S", body_en="<p>B</p>", original_language="en"), slug="fresh"
    )
    response = team["writer"].post("/admin/news/article/add/", data, follow=True)
    assert response.status_code == 200 and 'value="Fresh"' in response.content.decode()
    assert "Saved as a draft." in response.content.decode()
    assert team["writer"].get("/admin/news/article/add/?revision=99999").status_code == 200
    assert team["writer"].get("/admin/news/article/add/?revision=x").status_code == 200
    submitted = team["writer"].post(
        response.request["PATH_INFO"] + "?" + response.request["QUERY_STRING"],
        {**data, "_submit_for_review": "1"},
        follow=True,
    )
    assert submitted.redirect_chain[-1][0].startswith("/admin/review/")
    assert Revision.objects.get().state == Revision.State.IN_REVIEW


def test_the_submission_in_the_trail_says_what_it_changes(team, article):
    edit(team["writer"], article, title_en="Trail title", _submit_for_review="1")
    entry = AuditEntry.objects.get(action="submitted")
    assert entry.changes == [["Title [English]", "Live title", "Trail title"]]
    assert entry.object_id == article.pk and entry.user_name == "wang"


def test_the_writer_takes_a_submission_back_and_nobody_else_can(team, article):
    edit(team["writer"], article, title_en="Second thoughts", _submit_for_review="1")
    revision = Revision.objects.get(object_id=article.pk)
    form = team["writer"].get(f"/admin/news/article/{article.pk}/change/").content.decode()
    assert f'formaction="/admin/review/{revision.pk}/cancel/"' in form  # the Cancel submission button
    team["reviewer"].post(f"/admin/review/{revision.pk}/cancel/", {"version": revision.version})
    revision.refresh_from_db()
    assert revision.state == Revision.State.IN_REVIEW
    team["writer"].post(f"/admin/review/{revision.pk}/cancel/", {"version": revision.version})
    revision.refresh_from_db()
    assert revision.state == Revision.State.DRAFT
    assert 'name="title_en"' in team["writer"].get(f"/admin/news/article/{article.pk}/change/").content.decode()
    assert list(AuditEntry.objects.values_list("action", flat=True).order_by("pk")) == ["submitted", "cancelled"]


def test_deleting_an_item_is_in_the_trail_and_takes_its_open_revision_with_it(team, article, django_user_model):
    edit(team["writer"], article, title_en="Never published")
    editor = member(django_user_model, "ed", EDITOR)
    response = editor.post(f"/admin/news/article/{article.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()
    assert not Revision.objects.exists()
    entry = AuditEntry.objects.get(action="deleted")
    assert (entry.object_id, entry.user_name, entry.object_repr) == (article.pk, "ed", "Live title")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the sign-off commits, as in production
def test_a_sign_off_while_redis_is_down_publishes_and_tells_the_approver(django_user_model, settings):
    from core.pagecache import stale_minutes
    from core.tests.test_page_cache import redis_at

    writer = member(django_user_model, "wang", WRITER)
    reviewer = member(django_user_model, "li", REVIEWER)
    approver = member(django_user_model, "zhao", APPROVER, language="zh-hans")
    article = ArticleFactory(slug="down-story", title_en="Before", status=Article.Status.PUBLISHED)
    edit(writer, article, title_en="After", _submit_for_review="1")
    revision = Revision.objects.get(object_id=article.pk)
    reviewer.post(f"/admin/review/{revision.pk}/approve/", {"version": revision.version})
    revision.refresh_from_db()
    redis_at(settings, 1)  # nothing listens there

    response = approver.post(f"/admin/review/{revision.pk}/sign_off/", {"version": revision.version}, follow=True)

    assert Article.objects.get(pk=article.pk).title_en == "After"  # published all the same
    assert f"访客在最多 {stale_minutes()} 分钟内" in response.content.decode()
