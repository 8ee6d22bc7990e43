"""The admin speaks Chinese completely (issue 15, point 5): a crawl of every admin page an
Editor can open, in Chinese, finds no English interface text."""

import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group
from django.urls import NoReverseMatch, reverse

from core.editorial.roles import EDITOR, TRANSLATOR

# Words that may stay Latin on a Chinese page: language names on the tabs and switch, product
# and format names, and ASCII field values (slugs, addresses) that are data, not interface.
ALLOWED = {"English", "JPEG", "PNG", "WebP", "HTML", "ASCII", "URL", "CSV", "SVG", "pinyin", "JSON", "ID"}
ALLOWED |= {"Control", "Command", "Mac"}  # key names in Django's own Chinese help text
ALLOWED |= {"PDF", "DOCX", "XLSX", "ODT", "ODS", "OFD"}  # file formats, named so in Chinese too


@pytest.fixture(autouse=True)
def _english_after():
    """Requests in Chinese leave the thread's language active; the next test expects the default."""
    yield
    from django.utils import translation

    translation.activate("en")


class VisibleText(HTMLParser):
    """The text a reader sees, plus titles and placeholders; not scripts, styles or values."""

    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "textarea", "select"):
            self.skip += 1
        for name, value in attrs:
            if name in ("title", "placeholder", "aria-label") and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "textarea", "select"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def english_words(html, data_words):
    parser = VisibleText()
    parser.feed(html)
    text = " ".join(parser.parts)
    words = set(re.findall(r"\b[A-Za-z][A-Za-z']{2,}\b", text))
    return sorted(words - ALLOWED - data_words)


def admin_pages(client, objects):
    """Index, and for each model the Editor may open: list, add form, change form, history."""
    from django.contrib import admin

    urls = ["/admin/", "/admin/translations/", "/admin/site-inspection/", "/admin/password_change/"]
    for model in admin.site._registry:
        opts = model._meta
        try:
            urls.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        except NoReverseMatch:
            continue
        urls.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
        obj = objects.get(model)
        if obj is not None:
            urls.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))
            urls.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk]))
    return urls


@pytest.fixture
def chinese_editor(client, django_user_model):
    user = django_user_model.objects.create_user("bianji", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR))
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "zh-hans"
    return client


def chinese_content():
    from enterprises.tests.factories import EnterpriseFactory
    from facts.tests.factories import AssessmentResultFactory, KeyFigureFactory, MilestoneFactory, SourceFactory
    from news.tests.factories import ArticleFactory
    from parks.tests.factories import ParkFactory

    park = ParkFactory(slug="yuan-qu")
    article = ArticleFactory(
        slug="xin-wen", original_language="zh-hans", title_en=None, summary_en=None, body_en=None, parks=[park]
    )
    article.status = "draft"
    article.save()  # a change, so History has something to say
    objects = [park, article, SourceFactory(), KeyFigureFactory(), MilestoneFactory(), EnterpriseFactory(park=park)]
    objects.append(AssessmentResultFactory(park=park))
    from about.models import SiteSettings

    SiteSettings(organiser_zh_hans="合作办公室", telephone="0527-0000000").save()
    objects.append(SiteSettings.load())  # its change form and history (issue 23: now an editorial form)
    return {type(obj): obj for obj in objects}


def test_every_admin_page_an_editor_opens_is_in_chinese(chinese_editor):
    objects = chinese_content()
    data_words = {"bianji"}  # the user's name
    for obj in objects.values():  # English text the content itself holds (factories write some)
        for value in vars(obj).values():
            if isinstance(value, str):
                data_words |= set(re.findall(r"[A-Za-z][A-Za-z']+", value))
    # A change waiting for review (core/workflow/): the form's panel, its review page, the trail.
    from django.contrib.auth import get_user_model

    from core import workflow
    from news.models import Article

    writer = get_user_model().objects.create_user("xiezuo", is_staff=True)
    data_words |= {"xiezuo"}
    article = objects[Article]
    article.title_zh_hans = "待审核的标题"
    revision = workflow.submit(workflow.save_revision(article, writer), writer)
    found = {}
    for url in [*admin_pages(chinese_editor, objects), f"/admin/review/{revision.pk}/"]:
        response = chinese_editor.get(url)
        if response.status_code == 403:
            continue  # not the Editor's: the page's links must not lead there (below)
        assert response.status_code == 200, url
        if words := english_words(response.content.decode(), data_words):
            found[url] = words
    assert found == {}


def test_the_selector_widget_speaks_chinese(chinese_editor):
    catalog = chinese_editor.get("/admin/jsi18n/").content.decode()
    escaped = "选择全部%s".encode("unicode_escape").decode()
    assert f'"Choose all %s": "{escaped}"' in catalog


def test_the_rich_text_editor_speaks_chinese(chinese_editor):
    """django-prose-editor's dialogs (window.gettext) and button names (admin-editor/prose-labels.js)."""
    catalog = chinese_editor.get("/admin/jsi18n/").content.decode()
    for english, chinese in [("insert link", "插入链接"), ("Edit Link", "编辑链接"), ("Insert table", "插入表格")]:
        assert f'"{english}": "{chinese.encode("unicode_escape").decode()}"' in catalog


def test_history_names_fields_and_values_in_chinese(chinese_editor):
    from news.tests.factories import ArticleFactory

    article = ArticleFactory(status="draft")
    article.status = "published"
    article.title_zh_hans = "新标题"
    article._change_reason = ""
    article.save()
    page = chinese_editor.get(f"/admin/news/article/{article.pk}/history/").content.decode()
    assert "草稿" in page and "已发布" in page
    assert "标题 [中文]" in page
    assert "变更内容" in page
    assert ">None<" not in page


def test_header_is_the_portals_name_and_groups_are_translated(chinese_editor, admin_client):
    page = chinese_editor.get("/admin/").content.decode()
    assert "苏宿合作门户网站" in page and "Django" not in page
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "zh-hans"
    groups = admin_client.get("/admin/auth/group/").content.decode()
    assert "译员" in groups and ">Translator<" not in groups


def test_login_throttling_is_for_superusers_only(chinese_editor, admin_client, django_user_model):
    user = django_user_model.objects.get(username="bianji")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="axes"))
    assert "axes" not in chinese_editor.get("/admin/").content.decode()
    assert chinese_editor.get("/admin/axes/accessattempt/").status_code == 403
    assert "/admin/axes/" in admin_client.get("/admin/").content.decode()


def test_a_refusal_is_a_styled_page_in_the_users_language(client, django_user_model):
    user = django_user_model.objects.create_user("yi", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=TRANSLATOR))
    client.force_login(user)
    response = client.get("/admin/news/article/add/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 403
    page = response.content.decode()
    assert "无权访问" in page and 'rel="stylesheet"' in page
    assert "403 Forbidden" not in page


def test_each_user_chooses_the_admin_language_and_keeps_it(client, django_user_model):
    """Chosen in the header, remembered per user: a new browser (English) gets it at sign-in."""
    user = django_user_model.objects.create_user("wang", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR))
    client.force_login(user)
    assert 'name="language"' in client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    response = client.post("/admin/language/", {"language": "zh-hans", "next": "/admin/news/"})
    assert response.status_code == 302 and response["Location"] == "/admin/news/"
    assert "站点管理" in client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    from django.test import Client

    other_browser = Client(HTTP_ACCEPT_LANGUAGE="en")
    assert other_browser.post("/admin/login/", {"username": "wang", "password": "pw"}).status_code == 302
    assert "站点管理" in other_browser.get("/admin/").content.decode()


def test_the_language_choice_refuses_a_foreign_next(chinese_editor):
    response = chinese_editor.post("/admin/language/", {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_a_translator_is_shown_no_link_that_refuses_them(client, django_user_model):
    """Every admin link on the pages a Translator opens leads somewhere they may go."""
    user = django_user_model.objects.create_user("yi", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=TRANSLATOR))
    client.force_login(user)
    objects = chinese_content()
    pages = [url for url in admin_pages(client, objects) if client.get(url).status_code == 200]
    links = set()
    for url in pages:
        html = client.get(url).content.decode()
        links |= {link for link in re.findall(r'href="(/admin/[^"#?]*)', html) if "logout" not in link}
    refused = sorted(link for link in links if client.get(link).status_code == 403)
    assert refused == []


def test_translators_are_sent_to_the_side_by_side_view(chinese_editor):
    """The missing-translations list opens each form side by side (static/admin-editor/languages.js)."""
    from news.tests.factories import ArticleFactory

    article = ArticleFactory(original_language="zh-hans", title_en=None, summary_en=None, body_en=None)
    page = chinese_editor.get("/admin/translations/").content.decode()
    assert f'href="/admin/news/article/{article.pk}/change/?side_by_side=1"' in page
    form = chinese_editor.get(f"/admin/news/article/{article.pk}/change/?side_by_side=1").content.decode()
    assert 'data-side-by-side="1"' in form and 'data-original-language="zh-hans"' in form
    assert "admin-editor/languages.js" in form
