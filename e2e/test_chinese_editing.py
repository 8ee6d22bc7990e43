"""Issue 15, "done when": a Chinese newsroom's day in the admin, in a real browser.

An Editor, with the admin in Chinese, writes a Chinese-only article through the rich-text
editor (heading, link, list), saves a draft, previews it, publishes it, and finds it on
/zh-hans/news/, in Chinese search and in the Chinese feed, but not on /en/news/. A Translator
then opens the side-by-side view, adds the English text and saves; the article appears on
/en/news/ with the "our translation" notice. (The crawl of every admin page for English
interface text is core/tests/test_admin_chinese.py: it needs no browser.)

Set ADMIN_SCREENS=docs/screens to write the admin screenshots (admin_*.png) while it runs.
"""

import os
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from core import workflow
from core.editorial.roles import EDITOR, TRANSLATOR
from core.models.workflow import Revision
from news.models import Article

from .pages import CHROMIUM, CHROMIUM_ARGS, admin_page

TITLE = "宿迁共建园区新项目签约"
PASSWORD = "mima-12345"  # noqa: S105 - a throwaway test account
SCREENS = os.environ.get("ADMIN_SCREENS")


@pytest.fixture
def staff(django_db_serialized_rollback, django_user_model):
    # The groups come from data migrations, which a transactional test's flush would remove:
    # serialized_rollback restores them.
    users = {}
    for name, group in (("bianji", EDITOR), ("fanyi", TRANSLATOR)):
        user = django_user_model.objects.create_user(name, password=PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name=group))
        users[group] = name
    return users


@pytest.fixture
def chinese_browser(staff, live_server):
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: run `make browser-deps`")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        def open_page(username=None):
            return admin_page(browser, live_server.url, "zh-hans", username, PASSWORD)

        yield open_page
        browser.close()


def shoot(page, name):
    if SCREENS:
        page.screenshot(path=str(Path(SCREENS) / f"admin_{name}.png"), full_page=False)


def rich_text(page, field):
    """The rich-text editor (django-prose-editor) of the textarea ``field``: its editing area and menu."""
    editor = page.locator(".prose-editor", has=page.locator(field))
    return editor.locator(".ProseMirror[contenteditable]"), editor.locator(".prose-menubar")


def test_a_chinese_article_from_draft_to_translation(chinese_browser, live_server, signed_off):
    base = live_server.url
    editor = chinese_browser("bianji")
    page = editor
    shoot(page, "index_zh")
    page.goto(f"{base}/admin/news/article/add/")
    # One switch for the form, named in Chinese terms, starting in the admin's language.
    page.wait_for_selector("label.mt-switch-label")  # languages.js has run
    switch = page.locator("#modeltranslation-main-switch")
    assert switch.locator("option").all_inner_texts() == ["English", "中文"]
    assert switch.input_value() == "1"
    assert page.locator("label.mt-switch-label").inner_text() == "文本语言"
    assert "选择全部" in page.locator("body").inner_text()  # the parks selector speaks Chinese
    page.select_option("#id_original_language", "zh-hans")
    page.fill("#id_title_zh_hans", TITLE)
    page.fill("#id_summary_zh_hans", "苏州与宿迁共建园区又有新项目签约落地。")
    # The body through the editor, as an editor writes it: typing, a keyboard shortcut, the menu
    # (with Chinese tooltips) and its link dialog, no browser prompt().
    browser_dialogs = []
    page.on("dialog", lambda dialog: browser_dialogs.append(dialog.message))
    area, menu = rich_text(page, "#id_body_zh_hans")
    area.click()
    page.keyboard.type("项目概况")
    page.keyboard.press("Control+Alt+2")  # heading
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.keyboard.type("今年新签约项目多个，总投资可观。")
    page.keyboard.press("Enter")
    page.keyboard.type("宿迁市政府网站")
    page.keyboard.press("Shift+Home")
    # As an editor does, look before acting: the words are selected, the link is there, the dialog has gone and
    # the cursor is after the link, as the editor (ProseMirror's state, not only the DOM) sees it. Without these
    # waits the test raced the editor: End pressed as it refocused itself after the dialog left the linked
    # words selected, and Enter replaced them, one run in four.
    page.wait_for_function("el => el.editor.state.selection.content().size > 0", arg=area.element_handle())
    menu.locator('button[title="插入链接"]').click()
    dialog = page.locator("dialog.prose-editor-dialog")
    assert dialog.locator("h3").inner_text() == "编辑链接"
    dialog.locator("input[name=href]").fill("https://www.suqian.gov.cn/")
    dialog.locator("button[type=submit]").click()
    area.locator('a[href="https://www.suqian.gov.cn/"]', has_text="宿迁市政府网站").wait_for()
    dialog.wait_for(state="hidden")
    # The editor refocuses itself in the next animation frame (Tiptap's focus()): let that pass first.
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    area.press("End")  # back in the editor, after the link
    page.wait_for_function("el => el.editor.state.selection.empty", arg=area.element_handle())
    area.press("Enter")
    menu.locator('button[title="项目符号列表"]').click()
    page.keyboard.type("先进制造")
    page.keyboard.press("Enter")
    page.keyboard.type("新能源")
    # Shown as on the public page: a heading and a bulleted list.
    assert area.locator("h2").inner_text() == "项目概况"
    assert area.locator("ul li").first.evaluate("el => getComputedStyle(el).listStyleType") == "disc"
    assert browser_dialogs == []
    shoot(page, "article_add_zh")
    page.click("input[name=_continue]")  # save the draft, keep editing
    page.wait_for_url("**/add/?revision=*")
    assert page.locator(".messagelist").count() == 1
    assert not Article.objects.exists()  # a draft is a revision until it is signed off (core/workflow/)
    revision = Revision.objects.get()
    draft = workflow.preview(revision)
    assert draft.title_en is None
    assert draft.slug.startswith("su-qian-gong-jian-yuan-qu")

    # Preview: the draft as its public page, as visitors will see it, with the preview banner.
    preview = editor.context.new_page()
    preview.goto(f"{base}/admin/review/{revision.pk}/preview/zh-hans/")
    assert preview.locator(".preview-banner").count() == 1
    assert preview.locator("article h2", has_text="项目概况").count() == 1
    assert preview.locator('article a[href="https://www.suqian.gov.cn/"]').count() == 1
    assert preview.locator("article ul li").count() == 2

    # Submit for review (提交审核); a reviewer and an approver sign it off (e2e/test_review_workflow.py
    # walks that path in the browser).
    assert page.locator("input[name=_submit_for_review]").get_attribute("value") == "提交审核"
    page.click("input[name=_submit_for_review]")
    page.wait_for_url(f"**/admin/review/{revision.pk}/")
    article = signed_off(revision)
    assert Article.objects.published().filter(pk=article.pk).exists()
    page.goto(f"{base}/admin/news/article/{article.pk}/history/")
    assert "签发" in page.locator("#content-main").inner_text() or TITLE in page.content()
    shoot(page, "history_zh")

    visitor = chinese_browser()
    visitor.goto(f"{base}/zh-hans/news/")
    assert visitor.locator(f"text={TITLE}").count() >= 1
    visitor.goto(f"{base}/en/news/")
    assert visitor.locator(f"text={TITLE}").count() == 0
    visitor.goto(f"{base}/zh-hans/search/?q=共建园区新项目")
    assert visitor.locator(f"text={TITLE}").count() >= 1
    feed = visitor.request.get(f"{base}/zh-hans/news/feed/rss/").text()
    assert TITLE in feed

    # The Translator: the side-by-side view, the Chinese original read-only, English added.
    translator = chinese_browser("fanyi")
    translator.goto(f"{base}/admin/news/article/{article.pk}/change/")
    translator.click("button.mt-side-by-side-toggle")
    assert translator.locator("#id_title_zh_hans").evaluate("el => el.readOnly")
    assert translator.locator("#id_title_zh_hans").is_visible() and translator.locator("#id_title_en").is_visible()
    translator.fill("#id_title_en", "New projects signed in the Suqian joint parks")
    translator.fill("#id_summary_en", "More projects have been signed in the joint parks.")
    original, _ = rich_text(translator, "#id_body_zh_hans")
    assert original.get_attribute("contenteditable") == "false"
    area, _ = rich_text(translator, "#id_body_en")
    area.click()
    # Pasted from Word: the editor keeps the paragraph and the bold, drops Office's markup and styles.
    area.evaluate(
        """(el, html) => {
            const data = new DataTransfer();
            data.setData("text/html", html);
            el.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        '<p class="MsoNormal"><span style="font-family:Calibri;mso-bidi-font-family:Arial">Several new projects '
        'were <b style="mso-bidi-font-weight:normal">signed</b> this year.<o:p></o:p></span></p>',
    )
    assert translator.locator("#id_body_en").input_value() == (
        "<p>Several new projects were <strong>signed</strong> this year.</p>"
    )
    shoot(translator, "side_by_side")
    translator.click("input[name=_submit_for_review]")
    translator.wait_for_url(f"**/news/article/{article.pk}/change/")
    signed_off(article)
    article.refresh_from_db()
    assert article.title_en == "New projects signed in the Suqian joint parks"
    assert article.title_zh_hans == TITLE and article.status == Article.Status.PUBLISHED

    visitor.goto(f"{base}/en/news/")
    assert visitor.locator("text=New projects signed in the Suqian joint parks").count() >= 1
    visitor.goto(f"{base}/en/news/{article.slug}/")
    assert "This is our translation" in visitor.locator(".translation-note").inner_text()
    assert editor.errors == [] and translator.errors == []


def test_the_site_details_name_the_languages_on_every_form(chinese_browser, live_server):
    """Issue 25, point 12, in a real browser: the site details' form and its restore page name the
    languages "English / 中文" with one switch, for an Editor whose admin is in Chinese. The restore page
    used to keep modeltranslation's per-field tabs, which the admin's CSS writes in capitals (ENGLISH,
    ZH-HANS). In this module: a serialized rollback after another module's transactional test fails
    (docs/frontend.md)."""
    from about.models import SiteSettings

    SiteSettings(organiser_zh_hans="合作办公室").save()
    site = SiteSettings.load()
    site.organiser_zh_hans = "合作交流办公室"
    site.save()
    version = site.history.order_by("history_id").first()
    page = chinese_browser("bianji")
    for path in [f"{site.pk}/change/", f"{site.pk}/history/{version.pk}/"]:
        page.goto(f"{live_server.url}/admin/about/sitesettings/{path}")
        page.wait_for_selector("label.mt-switch-label")
        switch = page.locator("#modeltranslation-main-switch option").all_inner_texts()
        assert switch == ["English", "中文"], path
        visible_tabs = [tab.inner_text() for tab in page.locator(".ui-tabs-nav a").all() if tab.is_visible()]
        assert visible_tabs == [], path  # one switch for the form, no tabs per field
        text = page.locator("#content").inner_text()
        assert not re.search(r"\b(ENGLISH|EN|ZH-HANS|Historical)\b", text), path
    assert page.errors == []
