import pytest

from enterprises.models import Enterprise


def test_change_form_has_both_languages(staff_client, content):
    enterprise = Enterprise.objects.get(slug="nichicon-suqian")
    html = staff_client.get(f"/admin/enterprises/enterprise/{enterprise.pk}/change/").content.decode()
    for field in ("name_en", "name_zh_hans", "description_en", "description_zh_hans", "origin_zh_hans"):
        assert f'name="{field}"' in html


@pytest.mark.parametrize("query", ["尼吉康", "Nichicon"])
def test_admin_search_finds_either_language(staff_client, content, query):
    html = staff_client.get("/admin/enterprises/enterprise/", {"q": query}).content.decode()
    assert "1 result" in html
    assert "Nichicon (Electronics) Suqian Co., Ltd." in html
