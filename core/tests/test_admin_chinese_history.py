"""Issue 25, point 12: the leftovers of English in a Chinese admin — the restore (revert) page,
history diffs, simple-history's model names, django-axes' pages — and history that records a
change of line endings (CRLF from a browser's textarea, LF from a fixture) as no change."""

import re

import pytest
from django.utils import timezone, translation

from core.tests.test_admin_chinese import chinese_editor, english_words  # noqa: F401 (fixture)


@pytest.fixture(autouse=True)
def _english_after():
    yield
    translation.activate("en")


def data_words_of(*objects):
    words = {"bianji", "admin"}
    for obj in objects:
        for value in vars(obj).values():
            if isinstance(value, str):
                words |= set(re.findall(r"[A-Za-z][A-Za-z']+", value))
    return words


def test_the_restore_page_is_in_chinese(chinese_editor):  # noqa: F811
    """Breadcrumbs named the app by its label ("Enterprises") and the model "Historical 企业", and
    the page lacked the strings languages.js needs, so each field showed its own tabs (ENGLISH)."""
    from enterprises.tests.factories import EnterpriseFactory

    enterprise = EnterpriseFactory()
    enterprise.name_zh_hans = "新名称"
    enterprise.save()
    version = enterprise.history.order_by("history_id").first()
    response = chinese_editor.get(f"/admin/enterprises/enterprise/{enterprise.pk}/history/{version.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert english_words(page, data_words_of(enterprise)) == []
    assert 'id="mt-strings"' in page  # the one language switch, "English / 中文"
    assert "企业" in page.split('class="breadcrumbs"')[1].split("</div>")[0]


def test_historical_models_are_named_in_the_readers_language():
    from enterprises.models import Enterprise

    with translation.override("zh-hans"):
        assert str(Enterprise.history.model._meta.verbose_name) == "企业 历史记录"
    with translation.override("en"):
        assert str(Enterprise.history.model._meta.verbose_name) == "historical enterprise"


def test_a_shortened_value_in_a_history_diff_says_so_in_chinese(chinese_editor):  # noqa: F811
    from news.tests.factories import ArticleFactory

    article = ArticleFactory(title_zh_hans="标" * 250)
    article.title_zh_hans = "标" * 249 + "题"
    article.save()
    page = chinese_editor.get(f"/admin/news/article/{article.pk}/history/").content.decode()
    assert re.search(r"\[\d+ 个字符\]", page)
    assert "chars]" not in page


@pytest.fixture
def chinese_superuser(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "zh-hans"
    return client


def test_the_login_throttling_pages_are_in_chinese(chinese_superuser):
    """django-axes ships no Chinese: its names and columns come from our catalogue."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    common = {"user_agent": "Mozilla", "ip_address": "192.0.2.1", "username": "wang", "http_accept": "text/html"}
    objects = [
        AccessAttempt.objects.create(
            **common, path_info="/admin/login/", get_data="", post_data="", failures_since_start=3
        ),
        AccessLog.objects.create(**common, path_info="/admin/login/", logout_time=timezone.now()),
        AccessFailureLog.objects.create(**common, path_info="/admin/login/", locked_out=True),
    ]
    # The rows' data; "<unknown>" is what axes records for the test client's own sign-in.
    data = {"Mozilla", "text", "html", "wang", "admin", "login", "unknown"}
    found = {}
    for obj in objects:
        base = f"/admin/axes/{obj._meta.model_name}/"
        for url in ["/admin/axes/", base, f"{base}{obj.pk}/change/"]:
            response = chinese_superuser.get(url)
            assert response.status_code == 200, url
            words = english_words(response.content.decode(), data)
            if words:
                found[url] = words
    assert found == {}


def test_line_endings_alone_are_no_change(chinese_editor):  # noqa: F811
    """A browser sends a textarea's lines with CRLF; the stored text (from a fixture, or an earlier
    save) has LF. Saving the form unchanged records no version and the admin says nothing changed."""
    from about.models import SiteSettings

    SiteSettings(about_zh_hans="第一段。\n\n第二段。", address_zh_hans="宿迁市\n某路1号").save()
    site = SiteSettings.load()
    versions = site.history.count()
    url = f"/admin/about/sitesettings/{site.pk}/change/"
    form = chinese_editor.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data["about_zh_hans"] = "第一段。\r\n\r\n第二段。"
    data["address_zh_hans"] = "宿迁市\r\n某路1号"
    response = chinese_editor.post(url, data, follow=True)
    assert response.status_code == 200
    assert site.history.count() == versions
    site.refresh_from_db()
    assert site.about_zh_hans == "第一段。\n\n第二段。"
    from django.contrib.admin.models import LogEntry

    assert LogEntry.objects.filter(object_id=str(site.pk)).get().get_change_message() == "没有字段被修改。"


def test_text_is_stored_with_lf_whichever_way_it_arrives(db):
    """Saved in code, in the admin or by loaddata (a raw save): every text field keeps LF only, so
    an import of a file written on Windows is no change either."""
    from django.core import serializers

    from about.models import SiteSettings

    SiteSettings(about_en="One.\n\nTwo.").save()
    site = SiteSettings.load()
    versions = site.history.count()
    data = serializers.serialize("json", [site], use_natural_primary_keys=True).replace("\\n", "\\r\\n")
    for loaded in serializers.deserialize("json", data):
        loaded.save()
    site.refresh_from_db()
    assert site.about_en == "One.\n\nTwo."
    assert site.history.count() == versions
    site.address_en = "Line 1\r\nLine 2\rLine 3"
    site.save()
    site.refresh_from_db()
    assert site.address_en == "Line 1\nLine 2\nLine 3"
