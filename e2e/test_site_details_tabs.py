"""Issue 25, point 12, in a real browser: the site details' form and its restore page name the
languages "English / 中文" with one switch, for an Editor whose admin is in Chinese. The restore
page used to keep modeltranslation's per-field tabs, which the admin's CSS writes in capitals
(ENGLISH, ZH-HANS)."""

import re

from about.models import SiteSettings

from .test_chinese_editing import chinese_browser, staff  # noqa: F401 (fixtures)


def test_the_site_details_name_the_languages_on_every_form(chinese_browser, live_server):  # noqa: F811
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
