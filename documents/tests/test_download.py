"""A document's file: safe headers, its original name, byte ranges, and nothing for drafts."""

from urllib.parse import unquote

import pytest

from documents.download import content_disposition, parse_range
from documents.models import Document
from documents.tests.factories import make_document, pdf

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_published_file_is_an_attachment_with_a_safe_type(client):
    document = make_document(data=pdf(5000))
    response = client.get(f"/documents/{document.slug}/file")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Length"] == "5000"
    assert body(response) == pdf(5000)


def test_the_type_comes_from_the_content_not_the_upload(client):
    from documents.tests.factories import upload, xlsx

    document = Document(slug="table", title_en="Table", status="published")
    document.file = upload("table.xlsx", xlsx(), content_type="text/html")
    document.save()
    response = client.get("/documents/table/file")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_a_chinese_name_with_spaces_and_quotes_is_kept(client):
    name = '宿迁 "共建" 园区 政策 (2023).pdf'
    document = make_document(name=name)
    assert document.file_name == name
    header = client.get(f"/documents/{document.slug}/file")["Content-Disposition"]
    assert header.startswith('attachment; filename="')
    fallback = header.split('filename="', 1)[1].split('"', 1)[0]
    assert fallback.isascii() and fallback.endswith(".pdf") and '"' not in fallback
    encoded = header.split("filename*=UTF-8''", 1)[1]
    assert " " not in encoded and '"' not in encoded
    assert unquote(encoded) == name


def test_content_disposition_of_an_ascii_name():
    assert content_disposition("annual report.pdf") == (
        "attachment; filename=\"annual report.pdf\"; filename*=UTF-8''annual%20report.pdf"
    )


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("", None),
        ("bytes=0-99", (0, 99)),
        ("bytes=100-", (100, 999)),
        ("bytes=-100", (900, 999)),
        ("bytes=990-5000", (990, 999)),
        ("bytes=1000-", False),
        ("bytes=50-10", False),
        ("bytes=-0", False),
        ("bytes=0-1,5-6", None),
        ("items=0-5", False),
    ],
)
def test_parse_range(header, expected):
    assert parse_range(header, 1000) == expected


def test_a_range_is_206_with_its_bytes(client):
    data = pdf(10_000)
    document = make_document(data=data)
    response = client.get(f"/documents/{document.slug}/file", HTTP_RANGE="bytes=100-199")
    assert response.status_code == 206
    assert response["Content-Range"] == "bytes 100-199/10000"
    assert response["Content-Length"] == "100"
    assert body(response) == data[100:200]
    tail = client.get(f"/documents/{document.slug}/file", HTTP_RANGE="bytes=-10")
    assert tail.status_code == 206 and body(tail) == data[-10:]


def test_an_unsatisfiable_range_is_416(client):
    document = make_document(data=pdf(1000))
    response = client.get(f"/documents/{document.slug}/file", HTTP_RANGE="bytes=5000-6000")
    assert response.status_code == 416
    assert response["Content-Range"] == "bytes */1000"


def test_a_drafts_file_is_404_for_visitors_even_by_its_address(client, settings):
    document = make_document(status=Document.Status.DRAFT)
    assert client.get(f"/documents/{document.slug}/file").status_code == 404
    assert client.get(f"/en/documents/{document.slug}/").status_code == 404


def test_where_the_site_serves_media_itself_documents_are_not_among_them(client, settings, media_root):
    """SERVE_MEDIA (one machine, no nginx): every other upload is served at MEDIA_URL, a document's
    stored file is not, published or not (its only way out is the view above)."""
    import importlib
    import sys

    from django.urls import clear_url_caches

    document = make_document(status=Document.Status.DRAFT)
    (media_root / "images").mkdir()
    (media_root / "images" / "x.txt").write_text("picture")
    settings.SERVE_MEDIA = True
    sys.modules.pop("coop_portal.urls_serving_media", None)
    spec = importlib.util.find_spec("coop_portal.urls")
    module = importlib.util.module_from_spec(spec)
    sys.modules["coop_portal.urls_serving_media"] = module
    spec.loader.exec_module(module)
    settings.ROOT_URLCONF = "coop_portal.urls_serving_media"
    try:
        assert client.get(f"{settings.MEDIA_URL}images/x.txt").status_code == 200
        assert client.get(f"{settings.MEDIA_URL}{document.file.name}").status_code == 404
    finally:
        sys.modules.pop("coop_portal.urls_serving_media", None)
        clear_url_caches()


def test_a_scheduled_documents_file_is_404(client):
    from datetime import timedelta

    from django.utils import timezone

    document = make_document(published_at=timezone.now() + timedelta(days=3))
    assert client.get(f"/documents/{document.slug}/file").status_code == 404


def test_staff_who_edit_documents_may_download_a_draft_unshared(editor_client):
    document = make_document(status=Document.Status.DRAFT)
    response = editor_client.get(f"/documents/{document.slug}/file")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_a_missing_file_is_404_not_500(client):
    document = make_document()
    document.file.storage.delete(document.file.name)
    assert client.get(f"/documents/{document.slug}/file").status_code == 404


def test_post_is_refused(client):
    document = make_document()
    assert client.post(f"/documents/{document.slug}/file").status_code == 405


def test_replacing_or_deleting_a_document_removes_its_old_file(django_capture_on_commit_callbacks):
    from django.core.files.storage import default_storage

    from documents.tests.factories import upload

    with django_capture_on_commit_callbacks(execute=True):
        document = make_document()
    first = document.file.name
    with django_capture_on_commit_callbacks(execute=True):
        document = Document.objects.get(pk=document.pk)
        document.file = upload("new.pdf", pdf(300))
        document.save()
    assert not default_storage.exists(first) and default_storage.exists(document.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        document.delete()
    assert not default_storage.exists(document.file.name)
