"""/admin/sources-missing/: what the public pages leave out is listed for editors."""

import re


def test_editors_see_what_is_missing_linked_to_its_edit_form(staff_client, content):
    html = staff_client.get("/admin/sources-missing/").content.decode()
    # An enterprise without a source, and a park whose founding date and area no source gives.
    assert re.search(
        r'<a href="/admin/enterprises/enterprise/\d+/change/">Catcher</a></td>\s*<td>Missing: sources', html
    )
    kunshan = re.search(r"Kunshan Shuyang High-tech Industrial Park</a></td>\s*<td>(.*?)</td>", html).group(1)
    assert "established" in kunshan and "planned area" in kunshan
    # A source without an address.
    assert re.search(r"Suzhou, Suqian strengthen cooperation for shared development</a></td>\s*<td>Missing: URL", html)
    # The admin's home page links to it.
    assert 'href="/admin/sources-missing/"' in staff_client.get("/admin/").content.decode()


def test_visitors_cannot_open_it(client, db):
    response = client.get("/admin/sources-missing/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
