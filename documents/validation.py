"""What an uploaded document must be: judged by its content, never by its name or the browser's
Content-Type.

Accepted: PDF (``%PDF-``, without JavaScript, launch actions or embedded files), DOCX and XLSX
(an Office Open XML zip whose ``[Content_Types].xml`` names the document's main part, without
macros), ODT and ODS (an OpenDocument zip whose first entry ``mimetype`` says so), and OFD, the
Chinese standard for fixed-layout documents (a zip with ``OFD.xml`` at its root). The file's
extension must match what its content is. Zips are inspected from their directory only, never
extracted: a zip bomb (too much uncompressed data, or too high a ratio) is refused before any
member is read. Everything else, executables, HTML, SVG, other archives, is refused with a
message that tells the editor what to do.
"""

import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import NoReturn

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Kind:
    key: str
    label: str  # what visitors read next to a link: "PDF, 1.2 MB"
    content_type: str  # sent when the file is served: from this, never from the upload
    extensions: tuple[str, ...]


KINDS = {
    kind.key: kind
    for kind in (
        Kind("pdf", "PDF", "application/pdf", (".pdf",)),
        Kind("docx", "DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", (".docx",)),
        Kind("xlsx", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",)),
        Kind("odt", "ODT", "application/vnd.oasis.opendocument.text", (".odt",)),
        Kind("ods", "ODS", "application/vnd.oasis.opendocument.spreadsheet", (".ods",)),
        Kind("ofd", "OFD", "application/ofd", (".ofd",)),
    )
}
KIND_CHOICES = [(kind.key, kind.label) for kind in KINDS.values()]

# A PDF name (/JavaScript, /JS, /Launch, /EmbeddedFile) ends at a delimiter; "#4A" is an escaped
# "J", so names spelled with escapes are decoded before looking. Streams compressed by the PDF
# writer are not decompressed: this catches the usual forms, not a determined attacker (the file
# is always served as an attachment, never shown inline).
PDF_ACTIVE = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia)(?![A-Za-z0-9])")
PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")

MACRO_EXTENSIONS = {".docm", ".xlsm", ".pptm", ".dotm", ".xltm"}
OOXML_MAIN = {
    "docx": ("word/document.xml", b"wordprocessingml.document.main+xml"),
    "xlsx": ("xl/workbook.xml", b"spreadsheetml.sheet.main+xml"),
}
ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
# Leading bytes of what is refused outright.
EXECUTABLE_MAGIC = (b"MZ", b"\x7fELF", b"\xfe\xed\xfa", b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe", b"#!")
ARCHIVE_MAGIC = (b"Rar!\x1a\x07", b"7z\xbc\xaf\x27\x1c", b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc/.xls of Office 97–2003 (and their macros)
MAX_ZIP_ENTRIES = 10_000
MAX_ZIP_RATIO = 100  # a text-heavy DOCX compresses about 10:1; bombs 1000:1 and more


def _refuse(message, code, **params) -> NoReturn:
    raise ValidationError(message, code=code, params=params)


def detect(fileobj, name: str) -> Kind:
    """The kind of an uploaded document, or ``ValidationError`` with the editor's message."""
    size = fileobj.size
    limit = settings.DOCUMENT_MAX_BYTES
    if size > limit:
        _refuse(
            _("This file is %(size)s; a document may be at most %(limit)s."),
            "too_large",
            size=filesizeformat(size),
            limit=filesizeformat(limit),
        )
    if size == 0:
        _refuse(_("This file is empty."), "empty")
    fileobj.seek(0)
    data = fileobj.read()
    fileobj.seek(0)
    kind = _kind_of(data)
    extension = PurePath(name or "").suffix.lower()
    if extension in MACRO_EXTENSIONS:
        _refuse(
            _("Files with macros (%(extension)s) are not accepted. Save it without macros."),
            "macros",
            extension=extension,
        )
    if extension not in kind.extensions:
        _refuse(
            _("This file is a %(kind)s document but its name ends in “%(extension)s”. Name it %(expected)s."),
            "extension_mismatch",
            kind=kind.label,
            extension=extension or "–",
            expected=" / ".join(kind.extensions),
        )
    return kind


def _kind_of(data: bytes) -> Kind:
    if data.startswith(b"%PDF-"):
        return _check_pdf(data)
    if data.startswith(b"PK\x03\x04"):
        return _check_zip(data)
    if data.startswith(EXECUTABLE_MAGIC):
        _refuse(_("This file is a program, not a document. Programs are never accepted."), "executable")
    if data.startswith(ARCHIVE_MAGIC):
        _refuse(_("This file is a compressed archive. Upload the document itself."), "archive")
    if data.startswith(OLE_MAGIC):
        _refuse(
            _("This is an old Office file (.doc or .xls), which can carry macros. Save it as PDF, DOCX or XLSX."),
            "old_office",
        )
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<svg" in head:
        _refuse(_("This file is an SVG picture, which can run scripts. Upload pictures as images."), "svg")
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<script", b"<body", b"<?xml")) or b"<html" in head:
        _refuse(_("This file is a web page (HTML), not a document. Save it as PDF."), "html")
    _refuse(_("This file is not a document the site accepts: PDF, DOCX, XLSX, ODT, ODS or OFD."), "unknown")


def _check_pdf(data: bytes) -> Kind:
    names = PDF_NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), data)
    if PDF_ACTIVE.search(names):
        _refuse(
            _("This PDF contains scripts, launch actions or attached files. Print it to a new PDF and upload that."),
            "pdf_active",
        )
    return KINDS["pdf"]


def _check_zip(data: bytes) -> Kind:
    from io import BytesIO

    try:
        archive = zipfile.ZipFile(BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        _refuse(_("This file is damaged: it could not be read."), "damaged")
    if not entries:
        _refuse(_("This file is damaged: it could not be read."), "damaged")
    unpacked = sum(entry.file_size for entry in entries)
    if (
        len(entries) > MAX_ZIP_ENTRIES
        or unpacked > settings.DOCUMENT_MAX_UNPACKED_BYTES
        or unpacked > MAX_ZIP_RATIO * max(len(data), 1) + 1024 * 1024
    ):
        _refuse(_("This file unpacks to far more data than its size: it is refused as a zip bomb."), "zip_bomb")
    names = {entry.filename for entry in entries}
    lowered = {name.lower() for name in names}

    def read(name, limit=1024 * 1024):
        with archive.open(name) as member:
            return member.read(limit)

    try:
        if entries[0].filename == "mimetype":
            kind = ODF_MIMETYPES.get(read("mimetype", 200).strip())
            if kind is None:
                _refuse(_("Of OpenDocument files only text (ODT) and spreadsheets (ODS) are accepted."), "odf_other")
            if any(name.startswith("basic/") or name.startswith("scripts/") for name in lowered):
                _refuse(_("This file contains macros. Save it without macros."), "macros")
            return KINDS[kind]
        if "[Content_Types].xml" in names:
            types = read("[Content_Types].xml")
            if any(name.endswith("vbaproject.bin") for name in lowered) or b"macroenabled" in types.lower():
                _refuse(_("This file contains macros. Save it without macros (as .docx or .xlsx)."), "macros")
            for kind, (part, content_type) in OOXML_MAIN.items():
                if part in names and content_type in types:
                    return KINDS[kind]
            _refuse(_("Of Office files only Word (DOCX) and Excel (XLSX) documents are accepted."), "ooxml_other")
        if "OFD.xml" in names:
            return KINDS["ofd"]
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, RuntimeError, NotImplementedError):
        _refuse(_("This file is damaged: it could not be read."), "damaged")
    _refuse(_("This file is a zip archive, not a document. Upload the document itself."), "archive")


def validate_document_file(value):
    """Model field validator: runs in the admin form, before anything is stored."""
    if value and not getattr(value, "_committed", True):
        detect(value, value.name)
