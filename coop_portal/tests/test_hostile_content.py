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
from core.sanitize import clean_html

LANGS = ["en", "zh-hans"]
OBJECTS_PER_MODEL = 4


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
    languages, the own pages of the first objects of every content model, and the admin list
    of every content model.

    Every object holds the same payload in every field, so the pages of one model differ only in
    what the objects link to; a few per model cover the template (the first fixture objects are
    the richest: the seed article, the seed source, the first parks), and the lists and search
    show every object."""
    urls = []
    plain = [route for route in ROUTES if "<" not in route.replace("<lang>", "")]
    for lang in LANGS:
        urls += ["/" + route.replace("<lang>", lang) for route in plain]
        urls.append(f"/{lang}/search/?q={MARK}")  # every object matches: results and snippets
    from django.utils import translation

    for model in exported_models():
        if hasattr(model, "get_absolute_url"):
            for obj in model.objects.order_by("pk")[:OBJECTS_PER_MODEL]:
                for lang in LANGS:
                    with translation.override(lang):
                        # A key figure's URL is the figures page with a #fragment, which the
                        # server never sees: each page once.
                        urls.append(obj.get_absolute_url().split("#")[0])
        if staff and model in admin.site._registry:
            urls.append(reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"))
    return sorted(set(urls))


def shortest_text_field():
    return min(
        model._meta.get_field(field).max_length or 10**9
        for model in exported_models()
        for field in editable_text_fields(model)
    )


def renders_like_separate_payloads(batch):
    """Whether the payloads of ``batch``, joined by spaces into one text, are each as dangerous as
    alone: a payload that leaves an element open (``<svg …>``, ``<style>``) would change how the
    next one is parsed, so it may only come last. Plain text is escaped character by character,
    so this is about the rich-text sanitizer and the checker."""
    if len(executable_payloads(" ".join(batch))) != sum(len(executable_payloads(payload)) for payload in batch):
        return False
    return clean_html(" ".join(batch)) == " ".join(clean_html(payload) for payload in batch)


def payload_batches(limit):
    """The payloads in batches that fit in ``limit`` characters, so that every text field holds a
    whole batch and each page is rendered once per batch rather than once per payload (39 payloads,
    about 160 pages each). A payload that is a URL (``javascript:…``) starts its own batch, where a
    URL field reads its scheme."""
    urls = [p for p in PAYLOADS if p.strip().lower().startswith(("javascript:", "data:"))]
    batches = [[payload] for payload in urls]
    for payload in sorted((p for p in PAYLOADS if p not in urls), key=len, reverse=True):
        for batch in batches:
            candidate = [*batch, payload]
            if len(" ".join(candidate)) <= limit and renders_like_separate_payloads(candidate):
                batch.append(payload)
                break
        else:
            batches.append([payload])
    return batches


BATCHES = payload_batches(shortest_text_field())


def test_payload_list_is_long_enough():
    assert len(PAYLOADS) >= 30


def test_every_payload_is_in_one_batch_that_fits_every_field():
    assert sorted(p for batch in BATCHES for p in batch) == sorted(PAYLOADS)
    assert all(len(" ".join(batch)) <= shortest_text_field() for batch in BATCHES)
    assert len(BATCHES) < len(PAYLOADS) / 1.5  # the point of batching


def test_a_payload_that_leaves_an_element_open_is_not_batched_before_another():
    unclosed, script = PAYLOADS[36], PAYLOADS[0]  # <img src=x oNeRrOr=…// takes in what follows
    assert not renders_like_separate_payloads([unclosed, script])
    assert renders_like_separate_payloads([script, unclosed])


def test_checker_finds_an_executable_payload():
    """The checker itself must not be a test that cannot fail."""
    assert executable_payloads(PAYLOADS[0])
    assert executable_payloads("<a href=\"javascript:alert('xss1337')\">x</a>")
    assert not executable_payloads("&lt;script&gt;alert('xss1337')&lt;/script&gt;")


@pytest.mark.parametrize("batch", BATCHES, ids=lambda batch: f"{len(batch)}-payloads-from-{PAYLOADS.index(batch[0])}")
def test_no_page_renders_a_payload_executably(staff_client, content, batch):
    payload = " ".join(batch)
    for model in exported_models():
        fields = editable_text_fields(model)
        for field in fields:
            model.objects.update(**{field: payload})
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
