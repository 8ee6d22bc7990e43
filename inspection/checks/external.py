"""Broken external links (``--external`` only): each address is asked once (HEAD, then GET where
a server refuses HEAD), four at a time, with a timeout; the answer is remembered for a day in
Django's cache, so an hourly run asks each server once a day. Never run in tests without a local
server."""

import hashlib
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from django.core.cache import cache
from django.utils.translation import gettext as _

from inspection.findings import Finding, Severity

TIMEOUT = 10  # seconds per request: a host that does not answer costs this much, once a day
WORKERS = 4
REMEMBER = 24 * 60 * 60
USER_AGENT = "coop-portal-inspection/1 (+link check)"


def status(url: str) -> str | None:
    """None when the address answers 2xx or 3xx, else what went wrong."""
    for method in ("HEAD", "GET"):
        # http(s) only: is_external() passes no other scheme.
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT):  # noqa: S310 - http(s) only, see is_external
                return None
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue  # some servers refuse HEAD: ask again with GET
            return _("the server answers %(code)d") % {"code": error.code}
        except (urllib.error.URLError, OSError, ValueError) as error:
            reason = getattr(error, "reason", error)
            return _("no answer (%(reason)s)") % {"reason": reason}
    return None


def _key(url):
    return "inspection:external:" + hashlib.sha256(url.encode()).hexdigest()


def _remembered_status(url):
    found = cache.get(_key(url))
    if found is None:
        found = status(url) or ""
        cache.set(_key(url), found, REMEMBER)
    return found


def external(run):
    if not run.external:
        return
    links = getattr(run, "external_links", {})
    with ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="inspection") as pool:
        answers = dict(zip(links, pool.map(_remembered_status, links), strict=True))
    for url, texts in links.items():
        if not answers[url]:
            continue
        for text in texts:
            yield Finding(
                "external",
                Severity.DEDUCT,
                text.code,
                text.url(),
                text.admin_url(),
                _("Link to %(url)s in “%(label)s” does not work: %(problem)s. Check the address, or remove the link.")
                % {"url": url, "label": text.label, "problem": answers[url]},
                text.label,
            )
