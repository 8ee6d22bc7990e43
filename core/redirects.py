"""Addresses stay valid (issue 25, point 8): when a public object's slug changes, its old addresses
answer 301 to the new ones, in every page language, its side-by-side page included.

As ``django.contrib.redirects`` does (without its Site, see ``core.models.Redirect``),
``RedirectFallbackMiddleware`` turns a 404 whose path has a ``Redirect`` row into a 301 (inside the
page cache, which stores only 200s, so no stored 404 hides it). This module writes the rows when a
slug changes (``slug_changed``, a ``post_save`` receiver for every declared content type with pages)
and checks the rows editors write in the admin (``check_target``, used by
``core.admin.RedirectAdmin``): a redirect must lead, directly or through other redirects, to a
public page, and never back to where it started. The check resolves paths with Django's URL resolver
and the declared types' public querysets; it sends no HTTP request.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponseGone, HttpResponsePermanentRedirect
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext_lazy as _
from django.views.generic.detail import SingleObjectMixin

from core import registry
from core.models import Redirect
from core.pagecache.headers import not_found_headers

# Pages of an object besides its own, named in its URL namespace, taking its slug.
SUB_PAGES = ("side_by_side",)


def moved_addresses(model, old_slug: str, new_slug: str) -> list[tuple[str, str]]:
    """(old path, new path) for each page of the object, in each page language."""
    namespace = model.url_name.rpartition(":")[0]
    names = [model.url_name, *(f"{namespace}:{name}" for name in SUB_PAGES)]
    moves = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for name in names:
                try:
                    moves.append((reverse(name, kwargs={"slug": old_slug}), reverse(name, kwargs={"slug": new_slug})))
                except NoReverseMatch:  # no such sub-page for this type
                    continue
    return moves


def slug_changed(sender, instance, created=False, raw=False, **kwargs):
    """post_save: a public object whose slug differs from the one it was read with has moved.
    (A draft had no public address to keep; loaddata's raw saves carry no earlier slug.)"""
    content_type = registry.get(sender)
    if raw or created or content_type is None or not content_type.has_page:
        return
    old_slug = getattr(instance, "_loaded_slug", None)
    if not old_slug or old_slug == instance.slug or not content_type.public().filter(pk=instance.pk).exists():
        return
    for old_path, new_path in moved_addresses(sender, old_slug, instance.slug):
        # What led to the old address leads to the new one (A → B, B renamed C: A → C), and an
        # address the object has again (renamed back) is its page, no longer a redirect.
        Redirect.objects.filter(new_path=old_path).update(new_path=new_path)
        Redirect.objects.filter(old_path=new_path).delete()
        Redirect.objects.update_or_create(old_path=old_path, defaults={"new_path": new_path})


class RedirectFallbackMiddleware:
    """A 404 at an address that has a redirect answers 301 to where it leads (410 when it leads
    nowhere): django.contrib.redirects' middleware, reading ``core.models.Redirect``. One query,
    for 404s only."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        target = Redirect.objects.filter(old_path=request.get_full_path()).values_list("new_path", flat=True).first()
        if target is None:
            return response
        response = HttpResponsePermanentRedirect(target) if target else HttpResponseGone()
        # Shared like a 404, by the same rule: a cache in front replaces its copy of the old page
        # with this answer, and never gives that copy while the app fails.
        not_found_headers(response)
        return response


def connect_signals():
    from django.db.models.signals import post_save

    post_save.connect(slug_changed, dispatch_uid="redirects_slug_changed")


def is_public_page(path: str) -> bool:
    """Whether ``path`` is a page visitors get (200): it resolves, and an object's page names a
    public object of its type."""
    path = urlsplit(path).path
    try:
        with translation.override(get_language_from_path(path) or settings.LANGUAGE_CODE):
            match = resolve(path)
    except Resolver404:
        return False
    view = getattr(match.func, "view_class", None)
    if not (view and issubclass(view, SingleObjectMixin) and view.model):
        return True
    slug = match.kwargs.get(view.slug_url_kwarg)
    content_type = registry.get(view.model)
    queryset = content_type.public() if content_type else view.model._default_manager.all()
    return slug is not None and queryset.filter(**{view.slug_field: slug}).exists()


def check_target(old_path: str, new_path: str) -> None:
    """Raise ValidationError unless ``new_path`` leads to a public page, directly or through other
    redirects, without passing ``old_path`` again. An empty ``new_path`` (410 Gone, a withdrawn
    page) and an address on another site (not ours to check) pass."""
    seen = {old_path}
    path = new_path
    while path and not urlsplit(path).scheme:
        if path in seen:
            raise ValidationError(
                _("This would be a loop: %(path)s leads back here. Point it at the page itself."),
                code="loop",
                params={"path": path},
            )
        seen.add(path)
        if is_public_page(path):
            return
        following = Redirect.objects.filter(old_path=path).values_list("new_path", flat=True).first()
        if following is None:
            raise ValidationError(
                _("%(path)s is not a public page of this site, and no redirect leads on from it."),
                code="missing",
                params={"path": path},
            )
        path = following
