"""Issue 25, "done means", in a real browser, with the admin in English and then in Chinese.

A writer changes the title of a published article and submits it; visitors keep the published
title. A reviewer finds it under "Awaiting my review", sees the change, tries to reject it without
a reason (refused), then rejects it with one; the writer finds the reason at the top of the form,
corrects the title and submits again. The reviewer approves; an approver signs it off; only then
does the public page change. The approver withdraws it with a reason: its address answers 410 Gone.
(Through nginx: scripts/proxy_check.py.)
"""

import pytest
from django.contrib.auth.models import Group
from django.utils import translation

from core.editorial.roles import APPROVER, REVIEWER, WRITER
from news.models import Article

from .pages import ARTICLE, CHROMIUM, CHROMIUM_ARGS, admin_page
from .test_document_chooser import restore_editorial_groups

PASSWORD = "mima-12345"  # noqa: S105 - a throwaway test account
TITLE_FIELD = {"en": "#id_title_en", "zh-hans": "#id_title_zh_hans"}
PUBLIC = {"en": f"/en/news/{ARTICLE}/", "zh-hans": f"/zh-hans/news/{ARTICLE}/"}


@pytest.fixture
def team(transactional_db, live_server, content, django_user_model):
    restore_editorial_groups()
    for username, group in (("wang", WRITER), ("li", REVIEWER), ("zhao", APPROVER)):
        user = django_user_model.objects.create_user(username, password=PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name=group))
    from pathlib import Path

    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: run `make browser-deps`")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        def sign_in(username, lang):
            return admin_page(browser, live_server.url, lang, username, PASSWORD)

        yield sign_in
        browser.close()


def words(lang, *texts):
    with translation.override(lang):
        return [translation.gettext(text) for text in texts]


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_submit_reject_resubmit_approve_sign_off_withdraw(team, live_server, lang):
    base = live_server.url
    article = Article.objects.get(slug=ARTICLE)
    live_title = getattr(article, TITLE_FIELD[lang][4:])
    new_title = {"en": "Suzhou and Suqian sign a new round of projects", "zh-hans": "苏州宿迁签约新一轮合作项目"}[lang]
    submit, approve, sign_off, reject, withdraw = words(
        lang, "Submit for review", "Approve", "Approve and publish", "Reject", "Withdraw"
    )
    writer = team("wang", lang)
    visitor = writer.context.browser.new_page()  # a context of its own: not signed in

    def public_title():
        response = visitor.goto(base + PUBLIC[lang])
        return response.status, visitor.locator("h1").first.inner_text()

    # The writer submits a change of the title.
    change = f"{base}/admin/news/article/{article.pk}/change/"
    writer.goto(change)
    writer.fill(TITLE_FIELD[lang], "A first try")
    assert writer.locator("input[name=_submit_for_review]").get_attribute("value") == submit
    writer.click("input[name=_submit_for_review]")
    writer.wait_for_url(change)
    assert writer.locator(TITLE_FIELD[lang]).count() == 0  # locked while it waits
    assert public_title() == (200, live_title)

    # The reviewer: the index lists it; the review page shows the change; a rejection needs a reason.
    reviewer = team("li", lang)
    reviewer.locator("#awaiting-review a").first.click()
    assert reviewer.locator(".workflow-diff ins").first.inner_text().strip()
    assert "A first try" in reviewer.locator(".workflow-diff td.after").first.inner_text()
    reviewer.set_viewport_size({"width": 390, "height": 844})  # a reviewer on a phone
    assert reviewer.evaluate("document.documentElement.scrollWidth") <= 390
    reviewer.set_viewport_size({"width": 1280, "height": 900})
    reviewer.click(f"input[value='{reject}']")
    assert reviewer.locator(".messagelist .error").count() == 1
    reviewer.fill("#id_comment", "The title must name both cities.")
    reviewer.click(f"input[value='{reject}']")
    reviewer.wait_for_url(f"{base}/admin/")

    # The writer reads the reason at the top of the form, corrects the title and submits again.
    writer.goto(change)
    assert "The title must name both cities." in writer.locator(".workflow-comment").inner_text()
    writer.fill(TITLE_FIELD[lang], new_title)
    writer.click("input[name=_submit_for_review]")
    writer.wait_for_url(change)

    reviewer.goto(f"{base}/admin/")
    reviewer.locator("#awaiting-review a").first.click()
    reviewer.click(f"input[value='{approve}']")
    reviewer.wait_for_url(f"{base}/admin/")
    assert public_title() == (200, live_title)  # approved is not yet published

    # The approver signs it off: now, and only now, the public page changes.
    approver = team("zhao", lang)
    approver.locator("#awaiting-review a").first.click()
    assert new_title in approver.locator(".workflow-diff td.after").first.inner_text()
    approver.click(f"input[value='{sign_off}']")
    approver.wait_for_url(change)
    assert public_title() == (200, new_title)

    # Withdrawal, with a reason: the address answers 410 Gone.
    approver.click(f"summary:has-text('{withdraw}')")
    approver.fill("#id_withdraw_reason", "Superseded by the official notice.")
    approver.click(f"input[type=submit][value='{withdraw}']")
    approver.wait_for_url(change)
    assert visitor.goto(base + PUBLIC[lang]).status == 410
    assert writer.errors == [] and reviewer.errors == [] and approver.errors == []
