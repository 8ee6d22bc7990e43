"""Broken internal links, without a server: every ``href`` and ``src`` in published text, and every
address in /sitemap.xml, is resolved with Django's URL resolver and checked against what visitors
may see (the content types' ``public()``, in the language of the page), static files (the
staticfiles finders and storage) and uploads (the default storage). A link to a draft, an
unpublished or a deleted object is as broken as a 404 for the visitor who follows it."""

import re
from collections import defaultdict
from importlib import import_module
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.contrib.syndication.views import Feed
from django.core.files.storage import default_storage
from django.db.models import BooleanField, ExpressionWrapper
from django.urls import Resolver404, URLResolver, get_resolver, resolve, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core import registry
from core.i18n import languages
from inspection.checks.common import public_url
from inspection.findings import Finding, Severity

# Attributes are written by the sanitizer (core/sanitize.py) with double quotes; single quotes and
# bare values are accepted too, for rows that arrived some other way.
LINK = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
SKIPPED_SCHEMES = {"mailto", "tel", "data", "javascript", "sms"}


def links_in(html: str) -> list[str]:
    if "=" not in html:
        return []
    return [next(g for g in match.groups() if g is not None).strip() for match in LINK.finditer(html)]


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return False
    # Another port is another site, even on one of our host names.
    return bool(parts.netloc) and (parts.port is not None or parts.hostname not in _own_hosts())


def _own_hosts():
    return {host.lstrip(".") for host in settings.ALLOWED_HOSTS if host not in ("*",)}


class PublicIndex:
    """Which slugs of each content type with pages are public, and in which written languages."""

    def __init__(self):
        self.by_namespace: dict[str, tuple] = {}
        for ct in registry.content_types():
            if not ct.has_page:
                continue
            codes = languages.codes()
            flags = {
                f"in_{i}": ExpressionWrapper(ct.model.text_in(code), output_field=BooleanField())
                for i, code in enumerate(codes)
            }
            slugs = {
                row[0]: {code for code, flag in zip(codes, row[1:], strict=True) if flag}
                for row in ct.public().order_by().annotate(**flags).values_list("slug", *flags)
            }
            # Every slug, drafts too, to tell an editor "not published" from "no such page".
            known = set(ct.model._default_manager.values_list("slug", flat=True))
            self.by_namespace[ct.model.url_name.split(":")[0]] = (ct, slugs, known)


class Resolver:
    """Answers "would a visitor who follows this link get the page?" for the site's own paths."""

    def __init__(self):
        self.index = PublicIndex()
        self.prefixes = set(languages.page_codes())
        # Each detail page's address around its slug, per page language: most links (and every
        # sitemap entry) are such pages, answered without running the resolver.
        self.patterns = []
        for namespace, (ct, _slugs, _known) in self.index.by_namespace.items():
            for code in self.prefixes:
                with translation.override(code):
                    before, _mark, after = reverse(ct.model.url_name, kwargs={"slug": "slug"}).rpartition("slug")
                self.patterns.append((before, after, code, namespace))

    def problem(self, url: str) -> str | None:
        """None when the link works, else why it does not (for the editor)."""
        parts = urlsplit(url)
        path = unquote(parts.path)
        if not path:  # "#top", "?page=2": this page
            return None
        if not path.startswith("/"):
            return _("a relative address; write it from the site's root (/en/…)")
        for prefix, check in ((settings.STATIC_URL, self._static), (settings.MEDIA_URL, self._media)):
            if prefix and path.startswith(prefix):
                return check(path[len(prefix) :])
        for before, after, code, namespace in self.patterns:
            if path.startswith(before) and path.endswith(after) and len(path) > len(before) + len(after):
                slug = path[len(before) : len(path) - len(after)]
                if "/" not in slug:
                    return self._object(namespace, slug, code)
        first = path.strip("/").split("/")[0]
        code = first if first in self.prefixes else None  # None: an address in no language
        with translation.override(code or languages.DEFAULT):
            match = self._resolve(path)
        if match is None:
            return _("no page has this address")
        namespace, slug = self._namespace(match), match.kwargs.get("slug")
        if slug is None or namespace is None:
            return None
        return self._object(namespace, slug, code)

    def _namespace(self, match):
        """The content type an address with a slug names: its app's URL namespace, or, for an
        address outside any namespace (a document's file, ``document_file``), the model named
        first in the URL's name."""
        if match.namespace in self.index.by_namespace:
            return match.namespace
        for namespace, (ct, _slugs, _known) in self.index.by_namespace.items():
            if not match.namespace and (match.url_name or "").split("_")[0] == ct.model._meta.model_name:
                return namespace
        return None

    def _object(self, namespace, slug, code):
        ct, slugs, known = self.index.by_namespace[namespace]
        if slug not in slugs:
            return _("it is not published") if slug in known else _("no %(type)s has this address") % {"type": ct.label}
        if code and languages.written(code) not in slugs[slug]:
            return _("the page exists only in another language")
        return None

    def _resolve(self, path):
        candidates = [path] if path.endswith("/") else [path, path + "/"]  # APPEND_SLASH: a 301
        candidates += [f"/{languages.DEFAULT}{c}" for c in candidates]  # no prefix: a redirect
        for candidate in candidates:
            try:
                return resolve(candidate)
            except Resolver404:
                continue
        return None

    def _static(self, name):
        if finders.find(name) or _exists(staticfiles_storage, name):
            return None
        return _("no such static file")

    def _media(self, name):
        return None if _exists(default_storage, name) else _("no such uploaded file")


def _exists(storage, name) -> bool:
    try:
        return bool(name) and storage.exists(name)
    except Exception:  # noqa: BLE001 - an unreadable storage is as good as a missing file here
        return False


def internal(run):
    resolver = Resolver()
    problems: dict[str, str | None] = {}
    external = defaultdict(list)
    for text in run.texts():
        for url in dict.fromkeys(links_in(text.text)):  # a link written twice is one finding
            scheme = urlsplit(url).scheme.lower()
            if scheme in SKIPPED_SCHEMES:
                continue
            if is_external(url):
                external[url].append(text)
                continue
            if url not in problems:
                problems[url] = resolver.problem(url)
            if problems[url]:
                yield Finding(
                    "link",
                    Severity.DEDUCT,
                    text.code,
                    text.url(),
                    text.admin_url(),
                    _("Broken link to %(url)s in “%(label)s” (%(field)s): %(problem)s. Correct or remove the link.")
                    % {"url": url, "label": text.label, "field": text.column, "problem": problems[url]},
                    text.label,
                )
    run.external_links = external
    yield from _sitemap(resolver)
    yield from _feeds(resolver)
    yield from _template_static_files()


def _sitemap(resolver):
    """Every address /sitemap.xml lists must be a public page in its language. Its objects are
    looked up in the index directly (reversing 30,000 addresses would cost most of the run's
    time); its other entries (the list pages) are resolved."""
    sitemaps = getattr(import_module(settings.ROOT_URLCONF), "SITEMAPS", {})
    for name, sitemap in sitemaps.items():
        sitemap = sitemap() if isinstance(sitemap, type) else sitemap
        for item in sitemap.items():
            codes = sitemap.get_languages_for_item(item) if sitemap.i18n else [languages.current()]
            for code in codes:
                if problem := _sitemap_problem(resolver, sitemap, item, code):
                    path, problem = problem
                    yield Finding(
                        "link",
                        Severity.DEDUCT,
                        languages.written(code),
                        path,
                        "",
                        _("The sitemap (section %(section)s) lists %(url)s: %(problem)s.")
                        % {"section": name, "url": path, "problem": problem},
                        "sitemap.xml",
                    )


def _sitemap_problem(resolver, sitemap, item, code):
    namespace = getattr(item, "url_name", None) and item.url_name.split(":")[0]
    if namespace in resolver.index.by_namespace and type(item) is resolver.index.by_namespace[namespace][0].model:
        problem = resolver._object(namespace, item.slug, code)
        return (public_url(type(item), item.slug, code), problem) if problem else None
    with translation.override(code):
        path = urlsplit(sitemap.location(item)).path
    problem = resolver.problem(path)
    return (path, problem) if problem else None


def _feeds(resolver):
    """Every item link of every feed in the URLconf (the syndication framework's ``Feed``
    instances are their own views), in each page language."""
    for feed, name in _feed_views(get_resolver().url_patterns):
        for code in languages.page_codes():
            with translation.override(code):
                links = [urlsplit(feed._get_dynamic_attr("item_link", item)).path for item in feed.items()]
                problems = [(path, resolver.problem(path)) for path in links]
            for path, problem in problems:
                if problem:
                    yield Finding(
                        "link",
                        Severity.DEDUCT,
                        languages.written(code),
                        path,
                        "",
                        _("The feed %(feed)s lists %(url)s: %(problem)s.")
                        % {"feed": name, "url": path, "problem": problem},
                        name,
                    )


def _feed_views(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _feed_views(pattern.url_patterns, inner)
        elif isinstance(pattern.callback, Feed) and not pattern.pattern.converters:
            yield pattern.callback, f"{namespace}{pattern.name}"


STATIC_TAG = re.compile(r"""\{%\s*static\s+["']([^"']+)["']""")


def _template_static_files():
    """Static files the site's own templates name ({% static "…" %}): rendering every template
    would cost more than the whole inspection, and their pages' other links are URL names."""
    for folder in settings.TEMPLATES[0]["DIRS"]:
        for template in sorted(Path(folder).rglob("*.html")):
            for name in dict.fromkeys(STATIC_TAG.findall(template.read_text(encoding="utf-8"))):
                if not (finders.find(name) or _exists(staticfiles_storage, name)):
                    label = str(template.relative_to(folder))
                    yield Finding(
                        "link",
                        Severity.DEDUCT,
                        "",
                        "",
                        "",
                        _("The template %(template)s names the static file %(name)s, which does not exist.")
                        % {"template": label, "name": name},
                        label,
                    )
