"""Hostile content: every editable text field of every public model, in both
languages, filled with XSS payloads; no page, feed, sitemap, JSON-LD block or
admin list may render one executably."""

import pytest
from django.contrib import admin
from django.db import models
from django.urls import reverse

from coop_portal.tests.test_hostile_requests import ROUTES
from coop_portal.tests.xss import MARK, PAYLOADS, executable_payloads
from core.models import exported_models

LANGS = ["en", "zh-hans"]


def editable_text_fields(model):
    """Every CharField/TextField/URLField an editor or a fixture can fill,
    translated columns included; not slugs (validated ASCII) nor choices."""
    return [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and not isinstance(field, models.SlugField)
        and not field.choices
        and field.editable
    ]


def pages(staff):
    """Every page without a URL parameter (lists, feeds, sitemap, home) in both
    languages, every object's own page, and the admin list of every content model."""
    urls = []
    plain = [route for route in ROUTES if "<" not in route.replace("<lang>", "")]
    for lang in LANGS:
        urls += ["/" + route.replace("<lang>", lang) for route in plain]
        urls.append(f"/{lang}/search/?q={MARK}")  # every object matches: results and snippets
    from django.utils import translation

    for model in exported_models():
        if hasattr(model, "get_absolute_url"):
            for obj in model.objects.all():
                for lang in LANGS:
                    with translation.override(lang):
                        urls.append(obj.get_absolute_url())
        if staff and model in admin.site._registry:
            urls.append(reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"))
    return sorted(set(urls))


def test_payload_list_is_long_enough():
    assert len(PAYLOADS) >= 30


def test_checker_finds_an_executable_payload():
    """The checker itself must not be a test that cannot fail."""
    assert executable_payloads(PAYLOADS[0])
    assert executable_payloads("<a href=\"javascript:alert('xss1337')\">x</a>")
    assert not executable_payloads("&lt;script&gt;alert('xss1337')&lt;/script&gt;")


@pytest.mark.parametrize("payload_index", range(len(PAYLOADS)))
def test_no_page_renders_a_payload_executably(staff_client, content, payload_index):
    payload = PAYLOADS[payload_index]
    for model in exported_models():
        fields = editable_text_fields(model)
        for field in fields:
            max_length = model._meta.get_field(field).max_length
            model.objects.update(**{field: payload[:max_length] if max_length else payload})
    checked = 0
    for url in pages(staff=True):
        response = staff_client.get(url, follow=True)
        assert response.status_code == 200, url
        content_type = response["Content-Type"].split(";")[0]
        if content_type.startswith("image/"):
            continue  # /favicon.ico leads to the static icon: a file, no content
        if content_type in ("text/csv", "application/json", "text/plain"):
            # Data downloads and robots.txt are never rendered as a page (nosniff forbids guessing).
            assert response["X-Content-Type-Options"] == "nosniff"
            continue
        assert content_type.startswith("text/html") or content_type.endswith("xml"), (url, content_type)
        problems = executable_payloads(response.content.decode())
        assert problems == [], (url, payload, problems)
        checked += 1
    assert checked > 10
