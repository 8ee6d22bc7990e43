"""Issue 26, point 3, in a real browser: an Editor links a document from the rich-text editor.

With the admin in Chinese and then in English, the Editor opens a shipped article, finds a shipped
document with the chooser under the editor (static/admin-editor/document-link.js, fed by
documents/chooser.py), inserts the link, saves, and the public article page shows the link followed
by the file's type and size in the page's language: "(PDF，19.4 KB)" / "(PDF, 19.4 KB)".
"""

import functools
import re
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.core.management.sql import emit_post_migrate_signal
from django.db.migrations.loader import MigrationLoader
from django.utils import translation

from core.editorial.roles import EDITOR, grant
from documents.models import Document
from documents.signals import copy_shipped
from documents.templatetags.documents import file_label
from news.models import Article

from .pages import ARTICLE, CHROMIUM, CHROMIUM_ARGS, admin_page

PASSWORD = "mima-12345"  # noqa: S105 - a throwaway test account
DOCUMENT = "key-figures"  # a shipped PDF

# The admin's language, what the Editor types to find the document, the chooser's words.
CASES = {
    "zh-hans": {"search": "主要数据", "label": "链接到文件", "button": "插入链接", "comma": "，"},
    "en": {"search": "Key figures", "label": "Link to a document", "button": "Insert link", "comma": ", "},
}


class _Models:
    """The project's models for ``core.editorial.roles.grant``, which then skips its step of creating
    permissions (``emit_post_migrate_signal`` has made them)."""

    get_model = staticmethod(django_apps.get_model)

    def get_app_configs(self):
        return []


def restore_editorial_groups():
    """The groups as the data migrations make them (``editorial_roles`` operations), in a database
    a transactional test's flush emptied. Not serialized_rollback: after a transactional test
    without it, that rollback fails on the content types (docs/frontend.md, "Browser tests' order"),
    whichever name this file has."""
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")  # content types, permissions
    for migration in MigrationLoader(None, ignore_no_migrations=True).disk_migrations.values():
        for operation in migration.operations:
            code = getattr(operation, "code", None)
            if isinstance(code, functools.partial) and "grants" in code.keywords:
                grant(_Models(), code.keywords["grants"])


@pytest.fixture
def editor(transactional_db, live_server, content, media_root, django_user_model):
    restore_editorial_groups()
    user = django_user_model.objects.create_user("bianji", password=PASSWORD, is_staff=True)
    # The shipped files, as `make load` puts them in storage (the content fixture inserts rows only).
    for name in Document.objects.values_list("file", flat=True):
        copy_shipped(name)
    user.groups.add(Group.objects.get(name=EDITOR))
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: run `make browser-deps`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        def sign_in(lang):
            return admin_page(browser, live_server.url, lang, "bianji", PASSWORD)

        yield sign_in
        browser.close()


@pytest.mark.parametrize("lang", ["zh-hans", "en"])
def test_an_editor_links_a_document_from_the_rich_text_editor(editor, live_server, signed_off, lang):
    case = CASES[lang]
    document = Document.objects.get(slug=DOCUMENT)
    with translation.override(lang):
        label = file_label(document)  # whatever the shipped file is: "PDF，19.4 KB"
        title = document.title
    assert re.fullmatch(rf"PDF{case['comma']}[\d.]+\xa0KB", label)
    article = Article.objects.get(slug=ARTICLE)
    field = "body_zh_hans" if lang == "zh-hans" else "body_en"

    page = editor(lang)
    page.goto(f"{live_server.url}/admin/news/article/{article.pk}/change/")
    chooser = page.locator(f".document-chooser:has(#id_{field}-document)")
    search = chooser.get_by_role("combobox", name=case["label"], exact=True)  # in the admin's language
    assert chooser.locator("button").inner_text() == case["button"]
    # The cursor at the end of the text, in a new paragraph, as an editor starts a line.
    area = page.locator(".prose-editor", has=page.locator(f"#id_{field}")).locator(".ProseMirror[contenteditable]")
    area.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.wait_for_function("el => el.editor.state.selection.empty", arg=area.element_handle())

    # Type, pick the suggestion (what choosing from the browser's list does: the input's value
    # becomes the option's), insert.
    search.press_sequentially(case["search"])
    option = chooser.locator(f"datalist option[value$='– {DOCUMENT}']")
    option.wait_for(state="attached")
    suggestion = option.get_attribute("value")
    assert suggestion == f"{title} ({label}) – {DOCUMENT}"
    search.fill(suggestion)
    page.wait_for_timeout(400)  # longer than the chooser's pause before it searches again
    chooser.locator("button").click()
    area.locator(f'a[href="/documents/{DOCUMENT}/file"]', has_text=title).wait_for()
    assert chooser.locator("[role=status]").inner_text() == ""
    page.click("input[name=_submit_for_review]")
    page.wait_for_url(f"**/news/article/{article.pk}/change/")
    assert page.locator(".messagelist .success").count() == 1
    signed_off(article)  # published after review (core/workflow/)
    article.refresh_from_db()
    assert re.search(rf'<a href="/documents/{DOCUMENT}/file"[^>]*>{title}</a>', getattr(article, field))

    # The visitor's page: the link, then the file's type and size in the page's language.
    visitor = page.context.browser.new_context().new_page()
    visitor.goto(f"{live_server.url}/{lang}/news/{ARTICLE}/")
    link = visitor.locator(f'.prose a[href="/documents/{DOCUMENT}/file"]', has_text=title)
    assert link.count() == 1
    assert link.evaluate("a => a.nextElementSibling.textContent") == f"({label})"
    download = visitor.request.get(f"{live_server.url}/documents/{DOCUMENT}/file")  # the link leads to the file
    assert download.ok and download.headers["content-type"] == "application/pdf"
    assert page.errors == []
