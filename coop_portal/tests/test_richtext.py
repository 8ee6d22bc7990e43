"""Rich text as editors write it and visitors see it."""

import json
import re
from html import unescape

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from core.tests.test_original_language import chinese_draft
from news.models import Article
from parks.models import Park
from parks.tests.factories import ParkFactory

NASTY = (
    '<p onclick="steal()" style="color:red">Hello <strong>world</strong></p>'
    '<script>alert(1)</script><a href="javascript:alert(1)">bad link</a>'
    '<a href="https://example.org/" onmouseover="x()">good link</a>'
    '<img src=x onerror="alert(2)"><iframe src="//x"></iframe>'
)


def assert_clean(html):
    for forbidden in ("onclick", "onmouseover", "onerror", "style=", "<script", "javascript:", "<iframe", "<img"):
        assert forbidden not in html, forbidden
    assert "<strong>world</strong>" in html
    assert 'href="https://example.org/"' in html


def editor_assets(html):
    """The URLs of every script and stylesheet of an admin page, import map included."""
    urls = re.findall(r'<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"', html)
    importmap = re.search(r'<script type="importmap"[^>]*>(.*?)</script>', html, re.S)
    return urls + list(json.loads(importmap.group(1))["imports"].values())


def test_body_has_the_editor_in_both_languages_with_self_hosted_assets(staff_client):
    response = staff_client.get("/admin/news/article/add/")
    html = response.content.decode()
    for field in ("body_en", "body_zh_hans"):
        textarea = re.search(rf'<textarea name="{field}"[^>]*>', html).group(0)
        config = json.loads(unescape(re.search(r'data-django-prose-editor-configurable="([^"]+)"', textarea).group(1)))
        # The editor offers headings, bold, italic, links, lists, quotes and tables.
        for extension in ("Heading", "Bold", "Italic", "Link", "BulletList", "OrderedList", "Blockquote", "Table"):
            assert extension in config["extensions"], extension
    # The summary stays plain text.
    assert "data-django-prose-editor" not in re.search(r'<textarea name="summary_en"[^>]*>', html).group(0)
    # Every script and stylesheet from this site's static files (mainland China: no CDN), and there.
    assets = editor_assets(html)
    assert "/static/django_prose_editor/editor.js" in assets
    assert "/static/admin-editor/prose-labels.js" in assets
    for url in assets:
        assert url.startswith("/"), url
        assert not url.startswith("//"), url
        if url.startswith(settings.STATIC_URL):
            assert finders.find(url.removeprefix(settings.STATIC_URL)), url
    assert "http://" not in "".join(assets) and "https://" not in "".join(assets)
    # The import map is an inline script: allowed by this response's nonce only.
    nonce = re.search(r'<script type="importmap" nonce="([^"]+)"', html).group(1)
    assert f"script-src 'self' 'nonce-{nonce}'" in response.headers["Content-Security-Policy"]


def test_public_pages_keep_a_script_policy_without_nonce(client, db):
    response = client.get("/en/")
    assert "script-src 'self';" in response.headers["Content-Security-Policy"] + ";"
    assert "nonce-" not in response.headers["Content-Security-Policy"]


def test_park_description_has_the_editor(staff_client, content):
    park = Park.objects.get(slug="ssip")
    html = staff_client.get(f"/admin/parks/park/{park.pk}/change/").content.decode()
    assert html.count("data-django-prose-editor-configurable") == 2


PASTED_FROM_WORD = (
    '<p class="MsoNormal"><span style="font-family:宋体;mso-bidi-font-family:Arial">苏宿合作'
    "<o:p></o:p></span></p><script>alert(1)</script>"
    '<table style="border:1px"><tr><th scope="col">年份</th></tr><tr><td colspan="2">2024</td></tr></table>'
)


def test_what_the_editor_saves_is_sanitized(staff_client):
    """Whatever reaches the server (a pasted Word/WPS fragment that the browser did not clean, a
    crafted request) is stored with the allowed tags only; tables survive."""
    response = staff_client.post("/admin/news/article/add/", chinese_draft(body_zh_hans=PASTED_FROM_WORD))
    assert response.status_code == 302, response.context["adminform"].form.errors
    body = Article.objects.get().body_zh_hans
    assert body == (
        "<p>苏宿合作</p>"
        '<table><tbody><tr><th scope="col">年份</th></tr><tr><td colspan="2">2024</td></tr></tbody></table>'
    )


@pytest.mark.django_db
def test_rich_text_is_sanitized_on_save_and_on_output(client):
    from news.tests.factories import ArticleFactory

    article = ArticleFactory(body_en=NASTY, body_zh_hans=NASTY)
    article.refresh_from_db()
    assert_clean(article.body_en)
    assert_clean(article.body_zh_hans)
    park = ParkFactory(description_en=NASTY)
    park.refresh_from_db()
    assert_clean(park.description_en)
    # Rows written around save() (raw SQL, loaddata) are cleaned on output.
    Article.objects.filter(pk=article.pk).update(body_en=NASTY)
    html = client.get(article.get_absolute_url()).content.decode()
    prose = html[html.index('<div class="prose">') :]
    assert_clean(prose[: prose.index("</div>")])
