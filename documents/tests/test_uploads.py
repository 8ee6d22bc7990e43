"""Uploads are judged by their content: a corpus of hostile and mislabelled files, each refused
with its own message, and every accepted kind."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from documents import validation
from documents.tests import factories as f


def check(name, data):
    return validation.detect(f.upload(name, data), name)


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("policy.pdf", f.pdf(), "pdf"),
        ("form.docx", f.docx(), "docx"),
        ("table.xlsx", f.xlsx(), "xlsx"),
        ("text.odt", f.odf("application/vnd.oasis.opendocument.text"), "odt"),
        ("sheet.ods", f.odf("application/vnd.oasis.opendocument.spreadsheet"), "ods"),
        ("版式文件.OFD", f.ofd(), "ofd"),
    ],
)
def test_accepted_kinds(name, data, kind):
    assert check(name, data).key == kind


HOSTILE = [
    ("an .exe renamed .pdf", "report.pdf", b"MZ\x90\x00" + b"\x00" * 200, "executable"),
    ("an ELF program", "tool.pdf", b"\x7fELF\x02\x01\x01" + b"\x00" * 100, "executable"),
    ("HTML in a .pdf", "policy.pdf", b"\n<!DOCTYPE html><html><script>alert(1)</script></html>", "html"),
    ("an SVG", "chart.pdf", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>', "svg"),
    ("a plain zip", "files.docx", f.zipped({"a.txt": b"hello", "b.txt": b"world"}), "archive"),
    ("a rar archive", "files.pdf", b"Rar!\x1a\x07\x00" + b"\x00" * 50, "archive"),
    ("a 7z archive", "files.pdf", b"7z\xbc\xaf\x27\x1c" + b"\x00" * 50, "archive"),
    ("a gzip archive", "files.pdf", b"\x1f\x8b\x08" + b"\x00" * 50, "archive"),
    ("a .docm", "macro.docm", f.docx(), "macros"),
    ("macros inside a .docx", "form.docx", f.docx(**{"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"}), "macros"),
    ("an old .doc", "old.pdf", validation.OLE_MAGIC + b"\x00" * 100, "old_office"),
    (
        "a PDF with JavaScript",
        "policy.pdf",
        f.PDF.replace(b"/Type/Catalog", b"/Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>"),
        "pdf_active",
    ),
    (
        "a PDF launching a program",
        "policy.pdf",
        f.PDF.replace(b"/Type/Catalog", b"/OpenAction<</S/Launch/F(cmd.exe)>>"),
        "pdf_active",
    ),
    ("a PDF hiding /JavaScript as #4A", "policy.pdf", f.PDF + b"<</S/#4AavaScript>>", "pdf_active"),
    ("a PDF with an attached file", "policy.pdf", f.PDF + b"<</EmbeddedFiles 5 0 R>>", "pdf_active"),
    ("a PDF named .docx", "policy.docx", f.pdf(), "extension_mismatch"),
    ("a DOCX named .xlsx", "table.xlsx", f.docx(), "extension_mismatch"),
    ("no extension", "policy", f.pdf(), "extension_mismatch"),
    ("plain text", "notes.pdf", "只是一段文字".encode(), "unknown"),
    ("a damaged zip", "form.docx", b"PK\x03\x04" + b"\x00" * 30, "damaged"),
    ("a presentation", "slides.odt", f.odf("application/vnd.oasis.opendocument.presentation"), "odf_other"),
]


@pytest.mark.parametrize(("label", "name", "data", "code"), HOSTILE, ids=[case[0] for case in HOSTILE])
def test_hostile_and_mislabelled_uploads_are_refused(label, name, data, code):
    with pytest.raises(ValidationError) as refused:
        check(name, data)
    assert refused.value.code == code


def bomb() -> bytes:
    """A .docx whose one extra member unpacks to 300 MB of zeros from about 300 KB."""
    buffer = io.BytesIO()
    main = ("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", f.content_types(main))
        archive.writestr("word/document.xml", b"<w:document/>")
        with archive.open("word/media/padding.bin", "w", force_zip64=True) as member:
            chunk = b"\x00" * (1024 * 1024)
            for _ in range(300):
                member.write(chunk)
    return buffer.getvalue()


def test_a_zip_bomb_in_a_docx_is_refused_without_unpacking():
    data = bomb()
    assert len(data) < 1024 * 1024
    with pytest.raises(ValidationError) as refused:
        check("report.docx", data)
    assert refused.value.code == "zip_bomb"


def test_a_high_ratio_under_the_total_limit_is_refused_too(settings):
    settings.DOCUMENT_MAX_UNPACKED_BYTES = 10**12
    with pytest.raises(ValidationError) as refused:
        check("report.docx", bomb())
    assert refused.value.code == "zip_bomb"


def test_too_large(settings):
    settings.DOCUMENT_MAX_BYTES = 1000
    with pytest.raises(ValidationError) as refused:
        check("big.pdf", f.pdf(2000))
    assert refused.value.code == "too_large"
    assert "2.0" in str(refused.value.messages[0])


def test_the_message_is_in_the_editors_language():
    with translation.override("zh-hans"):
        with pytest.raises(ValidationError) as refused:
            check("report.pdf", b"MZ" + b"\x00" * 100)
        assert refused.value.messages == ["此文件是程序，不是文档。本站不接受任何程序文件。"]


def test_the_admin_refuses_a_renamed_program_and_stores_nothing(editor_client, media_root):
    response = editor_client.post(
        "/admin/documents/document/add/",
        {
            "title_en": "Renamed program",
            "original_language": "en",
            "status": "draft",
            "published_at_0": "2023-10-11",
            "published_at_1": "10:00:00",
            "file": f.upload("report.pdf", b"MZ" + b"\x00" * 300, "application/pdf"),
        },
    )
    assert response.status_code == 200
    assert "This file is a program" in response.content.decode()
    assert not any(media_root.rglob("*.*"))


def test_the_admin_stores_a_pdf_under_a_random_name_keeping_the_original(editor_client, media_root, signed_off):
    from core.models.workflow import Revision

    response = editor_client.post(
        "/admin/documents/document/add/",
        {
            "title_en": "Opinions",
            "original_language": "en",
            "status": "published",
            "published_at_0": "2023-10-11",
            "published_at_1": "10:00:00",
            "file": f.upload("宿政发 2023 12号.pdf", f.pdf(), "text/html"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    document = signed_off(Revision.objects.get())  # stored with the revision, published at sign-off
    assert (document.file_kind, document.file_name) == ("pdf", "宿政发 2023 12号.pdf")
    assert document.file_size == len(f.pdf())
    assert document.file.name.startswith("documents/") and "宿" not in document.file.name
