"""Lost updates between editors (issue 13, point 11): a save from a form opened before
someone else's save is refused, says who and when in the editor's language, and keeps
what was typed."""

import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth.models import Group
from django.db import connection, connections
from django.test import Client

from core import workflow
from core.editorial.roles import EDITOR
from core.tests.test_admin_chinese import english_words
from facts.tests.factories import KeyFigureFactory
from news.tests.factories import ArticleFactory
from news.tests.test_roles import change_form_data


@pytest.fixture(autouse=True)
def _english_after():
    """Requests in Chinese leave the thread's language active; the next test expects the default."""
    yield
    from django.utils import translation

    translation.activate("en")


def signed_in(django_user_model, username, **names):
    user = django_user_model.objects.create_user(username, password="pw", is_staff=True, **names)
    user.groups.add(Group.objects.get(name=EDITOR))
    client = Client()
    client.force_login(user)
    return client


def opened(client, url):
    """The change form as the browser has it: its fingerprint."""
    page = client.get(url).content.decode()
    return re.search(r'name="concurrency_fingerprint" value="([0-9a-f]+)"', page).group(1)


@pytest.fixture
def two_editors(db, django_user_model):
    a = signed_in(django_user_model, "anna", first_name="安", last_name="娜")
    b = signed_in(django_user_model, "bo")
    return a, b


def test_a_stale_save_is_refused_and_keeps_what_was_typed(two_editors):
    editor_a, editor_b = two_editors
    article = ArticleFactory(title_en="Old title")
    url = f"/admin/news/article/{article.pk}/change/"
    seen_by_a, seen_by_b = opened(editor_a, url), opened(editor_b, url)
    assert seen_by_a == seen_by_b

    saved = editor_a.post(url, change_form_data(article, title_en="New title", concurrency_fingerprint=seen_by_a))
    assert saved.status_code == 302

    refused = editor_b.post(
        url,
        change_form_data(article, summary_en="B's careful summary.", concurrency_fingerprint=seen_by_b),
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "安 娜" in page or "安娜" in page  # who
    assert "之后修改了" in page  # in the editor's language
    assert "B&#x27;s careful summary." in page or "B's careful summary." in page  # kept in the form
    proposed = workflow.preview(workflow.open_revision(article))  # A's save: a revision (core/workflow/)
    assert proposed.title_en == "New title"  # A's change is not reverted
    assert proposed.summary_en == "An English summary."


def test_a_fresh_save_after_reopening_goes_through(two_editors):
    editor_a, _editor_b = two_editors
    article = ArticleFactory()
    url = f"/admin/news/article/{article.pk}/change/"
    first = opened(editor_a, url)
    assert (
        editor_a.post(url, change_form_data(article, title_en="One", concurrency_fingerprint=first)).status_code == 302
    )
    article.refresh_from_db()
    again = opened(editor_a, url)
    assert again != first
    assert (
        editor_a.post(url, change_form_data(article, title_en="Two", concurrency_fingerprint=again)).status_code == 302
    )


def test_a_change_of_links_alone_is_noticed(two_editors):
    """Parks are a many-to-many link, not a column: changing them is a change too."""
    from parks.tests.factories import ParkFactory

    editor_a, editor_b = two_editors
    article = ArticleFactory()
    url = f"/admin/news/article/{article.pk}/change/"
    seen = opened(editor_b, url)
    article.parks.add(ParkFactory())
    response = editor_b.post(url, change_form_data(article, title_en="Mine", concurrency_fingerprint=seen))
    assert response.status_code == 200


def test_every_content_admin_form_carries_the_guard(admin_client):
    figure = KeyFigureFactory()
    assert opened(admin_client, f"/admin/facts/keyfigure/{figure.pk}/change/")


def site_details_form(**changes):
    """What the site-details form posts (about.SiteSettings), with ``changes`` on top."""
    data = {
        "organiser_en": "Cooperation Office",
        "organiser_zh_hans": "合作办公室",
        "address_en": "",
        "address_zh_hans": "",
        "telephone": "0527-0000000",
        "email": "office@example.org",
        "about_en": "",
        "about_zh_hans": "",
        "icp_number": "",
        "psb_number": "",
        "review_steps": "2",
    }
    return data | changes


def test_site_details_saved_by_two_editors_at_once_are_not_overwritten(two_editors):
    """Issue 23, point 7: the second save used to overwrite the first without a word."""
    from about.models import SiteSettings

    editor_a, editor_b = two_editors
    SiteSettings(**site_details_form()).save()
    url = f"/admin/about/sitesettings/{SiteSettings.load().pk}/change/"
    seen_by_a, seen_by_b = opened(editor_a, url), opened(editor_b, url)

    saved = editor_a.post(url, site_details_form(telephone="0527-8888888", concurrency_fingerprint=seen_by_a))
    assert saved.status_code == 302

    refused = editor_b.post(
        url,
        site_details_form(about_zh_hans="B 写的网站简介。", concurrency_fingerprint=seen_by_b),
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "安 娜" in page or "安娜" in page  # who
    assert "之后修改了" in page  # when, in the editor's language
    assert "B 写的网站简介。" in page  # kept in the form
    assert english_words(page, data_words={"Cooperation", "Office", "office", "example", "org", "bo"}) == []
    stored = workflow.preview(workflow.open_revision(SiteSettings.load()))
    assert stored.telephone == "0527-8888888"  # A's change is not reverted
    assert stored.about_zh_hans == ""


def test_site_details_filled_in_by_two_editors_before_the_row_exists(two_editors):
    """Both open the empty form (the add form: there is no row yet); the second save is
    refused as a change of the row the first one created, instead of a bare 403."""
    from about.models import SiteSettings

    editor_a, editor_b = two_editors
    url = "/admin/about/sitesettings/add/"
    seen_by_a, seen_by_b = opened(editor_a, url), opened(editor_b, url)

    assert editor_a.post(url, site_details_form(concurrency_fingerprint=seen_by_a)).status_code == 302
    refused = editor_b.post(
        url,
        site_details_form(telephone="0512-1111111", concurrency_fingerprint=seen_by_b),
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "安 娜" in page or "安娜" in page
    assert "之后修改了" in page
    assert 'value="0512-1111111"' in page  # what B typed
    assert workflow.preview(workflow.new_item_revision(SiteSettings)).telephone == "0527-0000000"  # A's


@pytest.mark.skipif(connection.vendor != "postgresql", reason="two saves at once need PostgreSQL connections")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_saves_at_the_same_instant_cannot_both_pass(django_user_model, monkeypatch):
    """Both editors' saves carry the same fingerprint and arrive together: A is held between
    its check and its write until B's check is waiting for A's row lock; B is then refused."""
    from about.admin import SiteSettingsAdmin
    from about.models import SiteSettings

    editor_a = signed_in(django_user_model, "anna", first_name="安", last_name="娜")
    editor_b = signed_in(django_user_model, "bo")
    SiteSettings(**site_details_form()).save()
    url = f"/admin/about/sitesettings/{SiteSettings.load().pk}/change/"
    seen = opened(editor_a, url)
    assert opened(editor_b, url) == seen

    a_checked, release = threading.Event(), threading.Event()
    save_model = SiteSettingsAdmin.save_model

    def held_save(self, request, obj, form, change):
        if request.user.username == "anna":
            a_checked.set()
            release.wait(timeout=10)
        save_model(self, request, obj, form, change)

    monkeypatch.setattr(SiteSettingsAdmin, "save_model", held_save)

    def post(client, data):
        try:
            return client.post(url, data).status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=2) as pool:
        a = pool.submit(post, editor_a, site_details_form(telephone="0527-8888888", concurrency_fingerprint=seen))
        assert a_checked.wait(timeout=10)
        b = pool.submit(post, editor_b, site_details_form(email="bo@example.org", concurrency_fingerprint=seen))
        while not b.done() and not waiting_for_a_lock():
            time.sleep(0.01)  # B is either waiting for A's lock or (without it) already done
        release.set()
        statuses = a.result(timeout=10), b.result(timeout=10)
    assert statuses == (302, 200)  # B refused, with the form and its message
    stored = workflow.preview(workflow.open_revision(SiteSettings.load()))  # A's save: a revision
    assert (stored.telephone, stored.email) == ("0527-8888888", "office@example.org")


def waiting_for_a_lock():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0] > 0
