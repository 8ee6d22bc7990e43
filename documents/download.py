"""Serving a document's file: only through this view, only while the document is public.

The Content-Type comes from the kind the upload was checked to be, never from what the browser
sent; the file is always an attachment (a PDF's scripts never run in the site's origin) with its
original name (RFC 6266, RFC 5987 for non-ASCII names); ``Range: bytes=…`` gets 206 (large PDFs
open at the page a reader jumps to), an unsatisfiable range 416. FileResponse does no ranges.
"""

import re
import unicodedata
from urllib.parse import quote

from django.conf import settings
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe
from django.views.defaults import page_not_found

from core.gone import gone_reason, gone_response
from core.pagecache import share_gone
from documents.models import Document

CHUNK = 64 * 1024
RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def content_disposition(name: str) -> str:
    """``attachment; filename="ascii"; filename*=UTF-8''percent-encoded``: old clients read the
    ASCII fallback, every current browser the exact name (Chinese, spaces, quotes)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r"[^A-Za-z0-9._ -]+", "_", ascii_name).strip(" ._") or "document"
    if "." in name and "." not in ascii_name:
        ascii_name += "." + name.rsplit(".", 1)[-1].encode("ascii", "ignore").decode()
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"


def parse_range(header: str, size: int):
    """(start, end) inclusive for one satisfiable range, None to send the whole file (no header,
    or one we do not serve: several ranges), or ``False`` when unsatisfiable (416)."""
    if not header:
        return None
    match = RANGE.match(header.strip())
    if not match or match[1] == match[2] == "":
        return None if "," in header else False
    first, last = match[1], match[2]
    if first == "":  # the last N bytes
        length = int(last)
        if length == 0:
            return False
        return max(size - length, 0), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or (last and int(last) < start):
        return False
    return start, end


def _stream(handle, start, length):
    try:
        handle.seek(start)
        while length > 0:
            chunk = handle.read(min(CHUNK, length))
            if not chunk:
                break
            length -= len(chunk)
            yield chunk
    finally:
        handle.close()


@require_safe
def download(request, slug):
    try:
        return serve(request, slug)
    except Http404 as error:
        # A withdrawn or expired document's file is a 410 (core/gone.py), an unknown one a 404;
        # both shared by a cache in front as a page's are, so that its copy of the file goes.
        reason = gone_reason(Document.objects.all(), slug=slug)
        response = gone_response(request, reason) if reason else page_not_found(request, error)
        share_gone(request, response)
        return response


def serve(request, slug):
    document = get_object_or_404(
        Document.objects.visible_to(request.user).only("slug", "file", "file_kind", "file_name", "file_size", "status"),
        slug=slug,
    )
    kind = document.kind
    try:
        handle = document.file.open("rb")
        size = document.file.size
    except (OSError, ValueError) as error:  # missing from storage: the inspection reports it
        raise Http404("The file is missing.") from error
    span = parse_range(request.headers.get("Range", ""), size)
    if span is False:
        handle.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
    elif span is None or request.method == "HEAD":
        response = StreamingHttpResponse(_stream(handle, 0, size if request.method == "GET" else 0))
        response["Content-Length"] = str(size)
    else:
        start, end = span
        response = StreamingHttpResponse(_stream(handle, start, end - start + 1), status=206)
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(end - start + 1)
    response["Content-Type"] = kind.content_type if kind else "application/octet-stream"
    response["Content-Disposition"] = content_disposition(document.file_name or document.file.name.rsplit("/", 1)[-1])
    response["X-Content-Type-Options"] = "nosniff"
    response["Accept-Ranges"] = "bytes"
    # A draft previewed by staff must not be kept by a shared cache. A public file may be kept by
    # a browser for 5 minutes, by a shared cache for SHARED_CACHE_SECONDS: then it asks again, and
    # the file of a document withdrawn meanwhile is replaced by the 410 (issue 25, point 7).
    if document.is_public:
        response["Cache-Control"] = f"public, max-age=300, s-maxage={settings.SHARED_CACHE_SECONDS}"
    else:
        response["Cache-Control"] = "private, no-store"
    return response
