"""Documents for tests: real files of each kind, made here (no binary test data in the repository)."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from documents.models import Document

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def pdf(size=0) -> bytes:
    """A minimal PDF, padded with a comment to ``size`` bytes."""
    return PDF + b"%" + b"x" * max(size - len(PDF) - 2, 0) + b"\n" if size else PDF


def zipped(entries: dict[str, bytes], first: str | None = None, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        if first:
            archive.writestr(first, entries[first], compress_type=zipfile.ZIP_STORED)
        for name, data in entries.items():
            if name != first:
                archive.writestr(name, data)
    return buffer.getvalue()


def content_types(main: str, extra: str = "") -> bytes:
    return (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Override PartName="/{main[0]}" ContentType="{main[1]}"/>{extra}</Types>'
    ).encode()


def docx(**extra) -> bytes:
    main = ("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
    return zipped({"[Content_Types].xml": content_types(main), "word/document.xml": b"<w:document/>", **extra})


def xlsx() -> bytes:
    main = ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
    return zipped({"[Content_Types].xml": content_types(main), "xl/workbook.xml": b"<workbook/>"})


def odf(mimetype: str) -> bytes:
    return zipped({"mimetype": mimetype.encode(), "content.xml": b"<office:document-content/>"}, first="mimetype")


def ofd() -> bytes:
    return zipped({"OFD.xml": b"<ofd:OFD/>", "Doc_0/Document.xml": b"<ofd:Document/>"})


def upload(name: str, data: bytes, content_type="application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def make_document(slug="policy", status=Document.Status.PUBLISHED, name="policy.pdf", data=None, **fields):
    document = Document(
        slug=slug,
        title_en=fields.pop("title_en", "Opinions on the joint parks"),
        title_zh_hans=fields.pop("title_zh_hans", "关于共建园区的意见"),
        status=status,
        file=upload(name, data if data is not None else pdf()),
        **fields,
    )
    document.save()
    return document
