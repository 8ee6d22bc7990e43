"""Response headers Django does not set itself, and requests refused before any view."""

import base64
import functools
import hashlib
import re
from urllib.parse import unquote

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import HttpResponse
from django.template import TemplateDoesNotExist
from django.template.defaultfilters import filesizeformat
from django.template.loader import get_template
from django.urls import reverse

from core.i18n import traditional


class PermissionsPolicyMiddleware:
    """Adds the Permissions-Policy header (settings.PERMISSIONS_POLICY) to every response."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.policy)
        return response


class RequestGuardMiddleware:
    """Refuses requests no page of the site needs, before anything reads them.

    - A body larger than the path may carry: 413, decided from Content-Length, so the body is
      never read (``REQUEST_MAX_BYTES_PUBLIC`` for the public forms; the admin, which takes image
      uploads, ``REQUEST_MAX_BYTES_ADMIN``). A body without a length (chunked) is refused with
      411: Django would not read it anyway, and no browser sends a form that way.
    - A NUL character in the path, the query or a cookie: 400. PostgreSQL cannot store or compare
      text containing NUL, so any such value reaching a query (``?park=%00``, an admin filter or
      search, a session key) would otherwise end in a database error, i.e. a 500.

    The reverse proxy limits bodies too (docs/operations.md); this is the same rule for a
    request that reaches the app servers another way. A refused body is left unread: gunicorn's
    worker (coop_portal/gunicorn_worker.py) then answers ``Connection: close`` when the body is
    too large for gunicorn to skip.
    """

    BODY_METHODS = {"POST", "PUT", "PATCH"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.refuse(request) or self.get_response(request)

    def refuse(self, request):
        if "\x00" in request.path or "\x00" in unquote(request.META.get("QUERY_STRING", "")):
            return self.plain(400, "Bad request: the address contains a NUL character.", "请求错误：地址包含空字符。")
        if any("\x00" in name or "\x00" in value for name, value in request.COOKIES.items()):
            return self.plain(400, "Bad request: a cookie contains a NUL character.", "请求错误：Cookie 包含空字符。")
        if request.method in self.BODY_METHODS:
            return self.refuse_body(request)
        return None

    def refuse_body(self, request):
        length = request.META.get("CONTENT_LENGTH", "")
        if not length:
            if "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower():
                return self.plain(411, "A Content-Length is required.", "请求须注明长度（Content-Length）。")
            return None
        admin = request.path_info.startswith(reverse("admin:index"))
        limit = settings.REQUEST_MAX_BYTES_ADMIN if admin else settings.REQUEST_MAX_BYTES_PUBLIC
        for prefix, larger in getattr(settings, "REQUEST_MAX_BYTES_ADMIN_PATHS", {}).items():
            if admin and request.path_info.startswith(prefix):  # an admin that takes larger uploads
                limit = larger
        try:
            too_large = int(length) > limit
        except ValueError:
            return self.plain(400, "Bad request: invalid Content-Length.", "请求错误：长度无效。")
        if too_large:
            size = filesizeformat(limit)
            return self.plain(413, f"Request too large (at most {size}).", f"请求过大（最多 {size}）。")
        return None

    @staticmethod
    def plain(status, english, chinese):
        # Plain text in both languages: the language prefix has not been read yet, and a request
        # refused here is rarely a person's (a person's form is far below the limits).
        response = HttpResponse(f"{english}\n{chinese}\n", status=status, content_type="text/plain; charset=utf-8")
        response["Cache-Control"] = "no-store"
        return response


class DerivedLanguageMiddleware:
    """Pages of a derived language (``/zh-hant/``) converted from their written source
    (``core.i18n.traditional.convert_response``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return traditional.convert_response(request, self.get_response(request))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with inline styles allowed only where they cannot be avoided.

    Public pages, their 404 included, use no inline style (a test checks it): ``style-src
    'self'``. The bare error pages (500.html, 503.html) carry their own ``<style>``, as they
    must work without static files: a 5xx response allows exactly those blocks, by their
    SHA-256 hash, and no other inline style. The admin's own templates write no inline style
    either (the few Django and the project wrote are in static files), except on forms with the
    rich-text editor: its library (Tiptap, in django-prose-editor) injects a ``<style>`` element
    without a nonce and ProseMirror sets ``style`` attributes, so the view that puts the editor
    on a page marks the request (``request.csp_inline_styles``) and that response alone allows
    ``'unsafe-inline'`` for styles (docs/operations.md). Scripts stay strict everywhere.
    """

    ERROR_TEMPLATES = ("500.html", "503.html")

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if response.status_code >= 500:
            parts.update = {**(parts.update or {}), "style-src": ["'self'", *error_page_style_hashes()]}
        elif getattr(request, "csp_inline_styles", False):
            parts.update = {**(parts.update or {}), "style-src": ["'self'", "'unsafe-inline'"]}
        return parts


@functools.cache
def error_page_style_hashes() -> tuple[str, ...]:
    """CSP sources for the ``<style>`` blocks of the bare error pages, as the templates hold
    them (they render them unchanged: no template tag inside)."""
    hashes = []
    for name in ContentSecurityPolicyMiddleware.ERROR_TEMPLATES:
        try:
            source = get_template(name).template.source
        except TemplateDoesNotExist:
            continue
        for block in re.findall(r"<style[^>]*>(.*?)</style>", source, re.S):
            digest = base64.b64encode(hashlib.sha256(block.encode()).digest()).decode()
            hashes.append(f"'sha256-{digest}'")
    return tuple(hashes)
