"""Request bodies too large for their page are refused before a byte of them is read, and a
NUL character, which PostgreSQL cannot compare, never reaches a query."""

from urllib.parse import urlencode

import pytest


class UnreadableBody:
    """wsgi.input of a huge upload: reading any of it fails the test."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def post_huge(client, path, length, **extra):
    return client.post(
        path,
        CONTENT_LENGTH=str(length),
        CONTENT_TYPE="multipart/form-data; boundary=xyz",
        **{"wsgi.input": UnreadableBody()},
        **extra,
    )


@pytest.mark.parametrize("path", ["/en/contact/", "/zh-hans/contact/review/", "/en/search/", "/admin/login/"])
def test_a_200_mb_post_is_refused_unread(client, db, path):
    response = post_huge(client, path, 200 * 1024 * 1024)
    assert response.status_code == 413
    assert "Request too large" in response.content.decode()
    assert "请求过大" in response.content.decode()


def test_public_forms_take_up_to_64_kb(client, db):
    assert post_huge(client, "/en/contact/", 64 * 1024 + 1).status_code == 413
    # At the limit the form is read and judged as usual (here: incomplete, so shown again).
    longest = {"message": "中" * 5000, "name": "名" * 200, "organisation": "司" * 200, "country": "国" * 100}
    assert 45 * 1024 < len(urlencode(longest)) < 64 * 1024  # the longest inquiry a person can send
    assert client.post("/en/contact/", longest).status_code == 200


def test_a_chunked_body_without_length_is_refused(client, db):
    response = client.post("/en/contact/", CONTENT_LENGTH="", HTTP_TRANSFER_ENCODING="chunked")
    assert response.status_code == 411


def test_admin_image_uploads_keep_their_10_mb_limit(staff_client):
    # An image just under 10 MB with its form passes the guard (and is judged by the image
    # checks); anything beyond one image and its form is refused unread.
    assert post_huge(staff_client, "/admin/images/image/add/", 11 * 1024 * 1024 + 1).status_code == 413
    from django.conf import settings

    assert settings.REQUEST_MAX_BYTES_ADMIN > settings.IMAGES_MAX_UPLOAD_BYTES == 10 * 1024 * 1024


def test_gunicorn_limits_request_line_and_headers():
    import subprocess
    import sys
    from pathlib import Path

    from django.conf import settings

    gunicorn = Path(sys.executable).parent / "gunicorn"
    printed = subprocess.run(
        [gunicorn, "-c", "gunicorn.conf.py", "--print-config", "coop_portal.wsgi"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    config = dict(line.split("=", 1) for line in printed.splitlines() if "=" in line)
    config = {key.strip(): value.strip() for key, value in config.items()}
    assert int(config["limit_request_line"]) <= 4094
    assert int(config["limit_request_fields"]) <= 50  # gunicorn's default is 100
    assert int(config["limit_request_field_size"]) <= 8190


def test_admin_document_uploads_may_be_larger_there_only(staff_client, settings):
    # documents/: one document (DOCUMENT_MAX_BYTES) and its form pass the guard; elsewhere in
    # the admin the image limit stays.
    size = settings.DOCUMENT_MAX_BYTES + 512 * 1024
    with pytest.raises(AssertionError, match="the body was read"):  # past the guard, to the form
        post_huge(staff_client, "/admin/documents/document/add/", size)
    assert post_huge(staff_client, "/admin/images/image/add/", size).status_code == 413
    assert post_huge(staff_client, "/admin/documents/document/add/", size + 1024 * 1024).status_code == 413
