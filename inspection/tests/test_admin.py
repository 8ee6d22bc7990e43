"""The admin page Site inspection: Editors see the last run grouped by severity and run it again."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from core.editorial.roles import EDITOR, TRANSLATOR
from inspection.models import InspectionRun
from inspection.runner import inspect_and_store
from news.models import Article

URL = "/admin/site-inspection/"


def member_of(django_user_model, group, name):
    user = django_user_model.objects.create_user(name, password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(django_user_model):
    return member_of(django_user_model, EDITOR, "ed")


def test_an_editor_sees_the_last_run_grouped_by_severity(client, editor, tidy_site):
    Article.objects.update(published_at=timezone.now() - datetime.timedelta(days=20))
    inspect_and_store()
    client.force_login(editor)
    assert URL in client.get("/admin/").content.decode()  # linked from the admin index
    html = client.get(URL).content.decode()
    assert "Site inspection" in html and "Last run:" in html
    veto = html.index('id="severity-veto"')
    assert html.index("has not been updated for more than 14 days", veto) < html.index('id="severity-deduct"')
    assert 'href="/en/"' in html and 'href="/admin/news/article/add/"' in html


def test_the_page_is_in_chinese_for_a_chinese_editor(client, editor, db):
    client.force_login(editor)
    client.post("/admin/language/", {"language": "zh-hans", "next": URL})
    html = client.get(URL, headers={"accept-language": "zh-hans"}).content.decode()
    assert "网站自查" in html and "单项否决" in html and "尚未运行" in html


def test_the_button_runs_it_again_with_a_csrf_token(editor, tidy_site):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(URL).status_code == 403  # no token
    assert InspectionRun.objects.count() == 0
    page = client.get(URL)
    token = page.context["csrf_token"]
    response = client.post(URL, {"csrfmiddlewaretoken": str(token)})
    assert response.status_code == 302 and response["Location"] == URL
    assert InspectionRun.objects.count() == 1
    assert "Nothing found." in client.get(URL).content.decode()


def test_staff_without_the_permission_are_refused(client, django_user_model, db):
    translator = member_of(django_user_model, TRANSLATOR, "tr")
    client.force_login(translator)
    assert client.get(URL).status_code == 403
    assert client.post(URL).status_code == 403
    assert URL not in client.get("/admin/").content.decode()
    assert InspectionRun.objects.count() == 0


def test_visitors_are_sent_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
