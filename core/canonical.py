"""A page's canonical URL and its language versions (hreflang alternates), each computed once per
request: the context processor (every page's <head> and language switch), the content views
(``OneLanguageMixin``) and the page cache's key read them here."""

from urllib.parse import urlencode

from core.i18n import languages

# Query parameters that choose what a page shows (a search, a filter, a page of
# a list): they stay in the page's canonical URL and in its other-language
# links. Any other parameter (tracking, stray) is dropped, and so is page=1.
CANONICAL_PARAMS = ("q", "park", "year", "page")
# The longest value such a parameter takes (the search form cuts a query there): a longer one
# is not what any link of the site makes, and is left out of the canonical URL.
MAX_PARAM_LENGTH = 100


def _memo(request) -> dict:
    """What this request has computed already (a request is one page in one language)."""
    if not hasattr(request, "_canonical"):
        request._canonical = {}
    return request._canonical


def canonical_path(request) -> str:
    memo = _memo(request)
    if "path" not in memo:
        params = [
            (name, value)
            for name in CANONICAL_PARAMS
            if (value := request.GET.get(name, "").strip())
            and len(value) <= MAX_PARAM_LENGTH
            and not (name == "page" and value == "1")
        ]
        memo["path"] = request.path + (f"?{urlencode(params)}" if params else "")
    return memo["path"]


def canonical_url(request) -> str:
    memo = _memo(request)
    if "url" not in memo:
        memo["url"] = request.build_absolute_uri(canonical_path(request))
    return memo["url"]


def alternates(request, path: str | None = None) -> list[languages.Alternate]:
    """This page (``path``: by default its canonical path) in every page language."""
    path = canonical_path(request) if path is None else path
    found = _memo(request).setdefault("alternates", {})
    if path not in found:
        found[path] = languages.alternates(path)
    return found[path]
