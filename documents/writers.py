"""Small, dependency-free writers for the documents the portal ships (fixtures/documents/), made
from its own data by ``manage.py make_shipped_documents``: a PDF of text lines and tables, an
XLSX and an ODS of rows. Only what those files need, and deterministic (no dates inside), so the
same data always gives the same bytes.

The PDF names Adobe's standard Chinese font STSong-Light (UniGB-UCS2-H) without embedding it, as
reportlab's CJK support does: the file stays a few kilobytes and every current PDF reader
supplies the font.
"""

import io
import zipfile
from xml.sax.saxutils import escape

PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 595, 842, 50  # A4 in points


def _text_width(text: str, size: float) -> float:
    return sum(size * (0.5 if ord(ch) < 0x2E80 else 1.0) for ch in text)


def _wrap(text: str, width: float, size: float) -> list[str]:
    lines, line = [], ""
    for ch in text:
        if _text_width(line + ch, size) > width and line:
            cut = line.rfind(" ") if ord(ch) < 0x2E80 and " " in line else -1
            if cut > 0:
                lines.append(line[:cut])
                line = line[cut + 1 :]
            else:
                lines.append(line)
                line = ""
        line += ch
    return [*lines, line] if line else lines or [""]


def pdf(blocks: list[tuple[str, object]]) -> bytes:
    """``blocks``: ("title", text), ("text", text) or ("table", (widths, rows)) in order.
    Table cells wrap within their column; pages break as needed."""
    pages: list[list[str]] = [[]]
    y = PAGE_HEIGHT - MARGIN

    def line(x, text, size):
        nonlocal y
        hexed = text.encode("utf-16-be").hex().upper()
        pages[-1].append(f"BT /F1 {size} Tf {x:.1f} {y:.1f} Td <{hexed}> Tj ET")

    def need(height):
        nonlocal y
        if y - height < MARGIN:
            pages.append([])
            y = PAGE_HEIGHT - MARGIN

    usable = PAGE_WIDTH - 2 * MARGIN
    for kind, content in blocks:
        size = {"title": 15, "text": 9.5, "table": 8}[kind]
        leading = size * 1.45
        if kind in ("title", "text"):
            for text in _wrap(content, usable, size):
                need(leading)
                y -= leading
                line(MARGIN, text, size)
            y -= size * 0.6
            continue
        widths, rows = content
        for index, row in enumerate(rows):
            cells = [_wrap(str(cell), usable * w - 6, size) for cell, w in zip(row, widths, strict=True)]
            height = max(len(c) for c in cells) * leading + 4
            need(height)
            top = y
            x = MARGIN
            for cell, w in zip(cells, widths, strict=True):
                y = top
                for text in cell:
                    y -= leading
                    line(x + 3, text, size)
                x += usable * w
            y = top - height
            weight = "0.8" if index == 0 else "0.3"
            pages[-1].append(f"{weight} w {MARGIN} {y + 2:.1f} m {PAGE_WIDTH - MARGIN} {y + 2:.1f} l S")
        y -= size
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        None,  # the page tree, once the pages are numbered
        b"<</Type/Font/Subtype/Type0/BaseFont/STSong-Light/Encoding/UniGB-UCS2-H/DescendantFonts[4 0 R]>>",
        b"<</Type/Font/Subtype/CIDFontType0/BaseFont/STSong-Light/CIDSystemInfo<</Registry(Adobe)/Ordering(GB1)"
        b"/Supplement 2>>/FontDescriptor 5 0 R/DW 1000/W[1 95 500]>>",
        b"<</Type/FontDescriptor/FontName/STSong-Light/Flags 6/FontBBox[-25 -254 1000 880]/ItalicAngle 0"
        b"/Ascent 880/Descent -120/CapHeight 880/StemV 93>>",
    ]
    kids = []
    for page in pages:
        stream = "\n".join(page).encode()
        objects.append(b"<</Length %d>>stream\n" % len(stream) + stream + b"\nendstream")
        objects.append(
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 %d %d]/Resources<</Font<</F1 3 0 R>>>>/Contents %d 0 R>>"
            % (PAGE_WIDTH, PAGE_HEIGHT, len(objects))
        )
        kids.append(len(objects))
    objects[1] = b"<</Type/Pages/Kids[%s]/Count %d>>" % (" ".join(f"{k} 0 R" for k in kids).encode(), len(kids))
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _zip(entries: list[tuple[str, str | bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2023, 10, 11, 0, 0, 0))
            # OpenDocument's mimetype must come first and uncompressed.
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return out.getvalue()


def _column(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def xlsx(sheet: str, rows: list[list]) -> bytes:
    """One worksheet; numbers as numbers, text as inline strings (no shared-strings part)."""
    cells = []
    for r, row in enumerate(rows, start=1):
        xml = []
        for c, value in enumerate(row):
            ref = f"{_column(c)}{r}"
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                xml.append(f'<c r="{ref}"><v>{value}</v></c>')
            elif value not in (None, ""):
                xml.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>')
        cells.append(f'<row r="{r}">{"".join(xml)}</row>')
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    return _zip(
        [
            (
                "[Content_Types].xml",
                '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
                f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}.worksheet+xml"/></Types>',
            ),
            (
                "_rels/.rels",
                '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                f'package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" '
                'Target="xl/workbook.xml"/></Relationships>',
            ),
            (
                "xl/workbook.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
                f'<sheet name="{escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>',
            ),
            (
                "xl/_rels/workbook.xml.rels",
                '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                f'package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" '
                'Target="worksheets/sheet1.xml"/></Relationships>',
            ),
            (
                "xl/worksheets/sheet1.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}"><sheetData>{"".join(cells)}'
                "</sheetData></worksheet>",
            ),
        ]
    )


def ods(sheet: str, rows: list[list]) -> bytes:
    """One OpenDocument spreadsheet table; numbers as numbers."""
    body = []
    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                cells.append(
                    f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}'
                    "</text:p></table:table-cell>"
                )
            else:
                text = escape("" if value is None else str(value))
                cells.append(f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>')
        body.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"'
    )
    mimetype = "application/vnd.oasis.opendocument.spreadsheet"
    return _zip(
        [
            ("mimetype", mimetype),
            (
                "META-INF/manifest.xml",
                '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
                'opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry '
                f'manifest:full-path="/" manifest:media-type="{mimetype}"/><manifest:file-entry '
                'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
            ),
            (
                "content.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}><office:body>'
                f'<office:spreadsheet><table:table table:name="{escape(sheet)}">{"".join(body)}</table:table>'
                "</office:spreadsheet></office:body></office:document-content>",
            ),
        ]
    )
