"""Who runs the site: the About page, the footer and the contact page show the details
editors entered, each only once filled; the fixtures leave them empty."""

import pytest
from django.contrib.auth.models import Group

from about.models import SiteSettings

FILLED = {
    "organiser_en": "Suzhou–Suqian Cooperation Office",
    "organiser_zh_hans": "苏宿合作办公室",
    "address_en": "1 Example Road, Suqian",
    "address_zh_hans": "宿迁市示例路1号",
    "telephone": "+86 527 0000 0000",
    "email": "office@example.org",
    "icp_number": "苏ICP备12345678号-1",
    "psb_number": "苏公网安备32130002000001号",
}


@pytest.mark.parametrize("url", ["/en/", "/zh-hans/about/", "/en/contact/"])
def test_nothing_is_shown_until_an_editor_fills_it_in(client, db, url):
    html = client.get(url).content.decode()
    assert "contact-details" not in html
    assert "beian" not in html
    assert not SiteSettings.objects.exists()  # showing the page stored nothing


@pytest.mark.parametrize(
    ("url", "organiser", "address"),
    [
        ("/en/", "Suzhou–Suqian Cooperation Office", "1 Example Road, Suqian"),
        ("/zh-hans/", "苏宿合作办公室", "宿迁市示例路1号"),
        ("/zh-hans/about/", "苏宿合作办公室", "宿迁市示例路1号"),
        ("/en/contact/", "Suzhou–Suqian Cooperation Office", "1 Example Road, Suqian"),
    ],
)
def test_filled_details_show_in_the_page_language_with_the_filing_links(client, db, url, organiser, address):
    SiteSettings(**FILLED).save()
    html = client.get(url).content.decode()
    assert organiser in html and address in html
    assert 'href="mailto:office@example.org"' in html
    if url != "/en/contact/":  # the footer (and About) carry the filing numbers
        assert '<a href="https://beian.miit.gov.cn/" rel="noopener">苏ICP备12345678号-1</a>' in html
        assert "https://beian.mps.gov.cn/#/query/webSearch?code=32130002000001" in html


def test_an_edit_reaches_cached_pages(client, db, page_cache, django_capture_on_commit_callbacks):
    client.get("/en/")  # cached, without details
    with django_capture_on_commit_callbacks(execute=True):  # the page cache is cleared at the commit
        SiteSettings(**FILLED).save()
    assert "Suzhou–Suqian Cooperation Office" in client.get("/en/").content.decode()


def test_there_is_one_row_and_editors_may_change_it(db):
    SiteSettings(telephone="1").save()
    SiteSettings(telephone="2").save()
    assert SiteSettings.objects.count() == 1
    assert SiteSettings.load().telephone == "2"
    editor = Group.objects.get(name="Editor")
    assert editor.permissions.filter(codename="change_sitesettings").exists()


def test_editors_edit_it_in_the_admin_in_both_languages(staff_client, db):
    html = staff_client.get("/admin/about/sitesettings/add/").content.decode()
    assert 'name="organiser_en"' in html and 'name="organiser_zh_hans"' in html
    SiteSettings().save()
    assert staff_client.get("/admin/about/sitesettings/add/").status_code == 403  # one row only


def test_backups_carry_the_site_details(db, tmp_path):
    from django.core.management import call_command

    SiteSettings(**FILLED).save()
    path = tmp_path / "content.json"
    call_command("export_content", str(path), verbosity=0)
    SiteSettings.objects.all().delete()
    call_command("loaddata", str(path), verbosity=0)
    assert SiteSettings.load().organiser_zh_hans == "苏宿合作办公室"
