"""What protects the site: headers, login throttling, health check, error pages."""

import base64
import hashlib
import re

import pytest
from django.test import Client

PUBLIC = ["/en/", "/zh-hans/parks/ssip/", "/en/news/", "/admin/login/"]


@pytest.mark.parametrize("path", PUBLIC)
def test_security_headers_on_every_page(client, content, path):
    response = client.get(path)
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    script_src = next(part for part in csp.split(";") if part.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_pages_have_no_inline_script(client, content):
    """CSP allows no inline script; a page that had one would break silently."""
    for path in PUBLIC[:3]:
        html = client.get(path).content.decode()
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag or "application/ld+json" in tag or "application/json" in tag, tag


def test_hsts_and_secure_cookies_in_production_over_https(settings, client, db):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.CSRF_COOKIE_SECURE = True
    response = client.get("/admin/login/", HTTP_X_FORWARDED_PROTO="https")
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    cookie = response.cookies["csrftoken"]
    assert cookie["secure"] and cookie["httponly"]
    # Over plain HTTP the header would be meaningless and is not sent.
    assert "Strict-Transport-Security" not in client.get("/admin/login/")


def test_admin_login_locks_after_five_failures(db, django_user_model):
    django_user_model.objects.create_superuser("editor", "e@example.org", "right-password")
    client = Client()
    for _ in range(4):
        response = client.post("/admin/login/", {"username": "editor", "password": "wrong"})
        assert response.status_code == 200  # the ordinary "please correct" form
    fifth = client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    assert fifth.status_code == 429
    locked = client.post("/admin/login/", {"username": "editor", "password": "right-password"})
    assert locked.status_code == 429
    assert "Too many failed sign-in attempts" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # Another user from the same address is not locked out.
    django_user_model.objects.create_superuser("other", "o@example.org", "pw-other")
    assert client.post("/admin/login/", {"username": "other", "password": "pw-other"}).status_code == 302


def test_healthz_reports_database_and_cache(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_healthz_says_503_when_the_database_fails(client, db, closed_port):
    from conftest import default_database
    from core.tests.fake_databases import postgresql_settings

    with default_database(postgresql_settings(closed_port)):  # a PostgreSQL that refuses connections
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "error"


@pytest.mark.parametrize(("lang", "text"), [("en", "Page not found"), ("zh-hans", "页面未找到")])
def test_404_page_in_the_page_language(client, db, lang, text):
    response = client.get(f"/{lang}/no/such/page/")
    assert response.status_code == 404
    assert text in response.content.decode()


def test_500_page_is_bilingual_and_needs_no_database(client, db, monkeypatch):
    from coop_portal import views

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views.HomeView, "get", explode)
    client.raise_request_exception = False
    response = client.get("/en/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Server error" in html and "服务器错误" in html
    assert "{%" not in html and "{{" not in html


def style_src(response):
    return next(part for part in response["Content-Security-Policy"].split(";") if "style-src" in part).split()


@pytest.mark.parametrize("path", ["/en/", "/zh-hans/parks/ssip/", "/en/contact/", "/en/news/no-such-article/"])
def test_public_pages_allow_no_inline_style(client, content, path):
    response = client.get(path)
    assert style_src(response) == ["style-src", "'self'"]
    html = response.content.decode()
    assert " style=" not in html and "<style" not in html  # what the policy would block


def inline_styles(html):
    return re.findall(r"<style\b[^>]*>|\sstyle=", html)


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/news/article/",
        "/admin/parks/park/",
        "/admin/images/image/",
        "/admin/translations/",
        "/admin/inquiries/inquiry/",
    ],
)
def test_the_admin_allows_no_inline_style_where_its_templates_need_none(staff_client, content, path):
    response = staff_client.get(path)
    assert response.status_code == 200
    assert style_src(response) == ["style-src", "'self'"]
    assert inline_styles(response.content.decode()) == []  # what the policy would block


def test_a_change_list_without_actions_gets_its_rule_from_a_file(staff_client, content, monkeypatch):
    from news.admin import ArticleAdmin

    monkeypatch.setattr(ArticleAdmin, "actions_on_top", False)
    monkeypatch.setattr(ArticleAdmin, "actions_on_bottom", False)
    html = staff_client.get("/admin/news/article/").content.decode()
    assert "admin-editor/changelist-no-actions" in html
    assert inline_styles(html) == []


def test_inline_styles_only_on_forms_with_the_rich_text_editor(staff_client, content):
    """Its library injects a <style> and writes style attributes (docs/operations.md)."""
    from news.models import Article

    article = Article.objects.first()
    assert "'unsafe-inline'" in style_src(staff_client.get(f"/admin/news/article/{article.pk}/change/"))
    history = staff_client.get(f"/admin/news/article/{article.pk}/history/")
    assert "'unsafe-inline'" not in style_src(history)
    assert inline_styles(history.content.decode()) == []


@pytest.mark.parametrize("path", ["/en/", "/admin/"])
def test_the_500_page_allows_only_its_own_style_block(staff_client, client, db, monkeypatch, path):
    from django.contrib.admin import AdminSite

    from coop_portal import views

    monkeypatch.setattr(views.HomeView, "get", lambda *args, **kwargs: 1 / 0)
    monkeypatch.setattr(AdminSite, "get_app_list", lambda *args, **kwargs: 1 / 0)
    browser = staff_client if path.startswith("/admin/") else client
    browser.raise_request_exception = False
    response = browser.get(path)
    assert response.status_code == 500
    html = response.content.decode()
    blocks = re.findall(r"<style>(.*?)</style>", html, re.S)
    assert blocks  # it still looks styled: its own block, which the policy allows by hash
    digest = base64.b64encode(hashlib.sha256(blocks[0].encode()).digest()).decode()
    assert style_src(response) == ["style-src", "'self'", f"'sha256-{digest}'"]
    assert " style=" not in html


def test_a_503_allows_no_inline_style_but_the_error_pages(client, db, closed_port):
    from conftest import default_database
    from core.tests.fake_databases import postgresql_settings

    with default_database(postgresql_settings(closed_port)):  # a PostgreSQL that refuses connections
        response = client.get("/healthz")
    assert response.status_code == 503
    assert "'unsafe-inline'" not in style_src(response)
