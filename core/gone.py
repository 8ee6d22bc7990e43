"""What "withdrawn" and "expired" mean for visitors (issue 25, point 7), for every content type
with a publication status (news articles, documents).

An item visitors could once see and no longer can is *gone*: withdrawn by an editor (status
``withdrawn``), or published with an expiry time (``expires_at``, 下线时间) that has passed. It
leaves every list, feed, search, sitemap and open-data file by the one rule of what is public
(``published()``, which requires both a published status and no past expiry); its address then
answers **410 Gone** with a short notice in English and Chinese, whatever the URL's language
(``GoneMixin`` for detail views, ``gone_response`` for other views, such as a document's file).
An address that never had a public item stays a 404.

The 410 is shared by a cache in front exactly as a 404 is (``core.pagecache.headers.not_found_headers``:
the page cache's middleware applies it to every answer of a public address): nginx replaces its
copy of the page within ``SHARED_CACHE_SECONDS`` and never gives that copy while the app fails.
An expiry needs no save: the page cache's site version is renewed at the next expiry as at the
next publication (``next_publication()``), and an item's own page is stored no longer than until
its expiry (``core.pagecache.fresh_until``). Staff who may change the item keep seeing it at its
address, as a preview with a banner ("Withdrawn — not public", "Expired on …"; core/preview.py).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.i18n import languages

WITHDRAWN, EXPIRED = "withdrawn", "expired"
# The notice, shown in each written language on every 410 page.
NOTICES = {
    WITHDRAWN: _("This item has been withdrawn and is no longer available."),
    EXPIRED: _("This item has expired and is no longer available."),
}


def expiry_field():
    """The expiry time (下线时间) of a model with a publication status. Indexed: the page cache
    asks for the next one at every change (``next_publication()``)."""
    return models.DateTimeField(
        _("expiry time"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("At this time the item leaves the public site by itself, for notices that lapse."),
    )


class ExpiryMixin:
    """For a content model with ``published_at`` and ``expires_at``: an expiry time must come
    after the publication time (a model's ``clean()``, so the admin's form says it by the field)."""

    def clean(self):
        errors = {}
        if self.expires_at and self.published_at and self.expires_at <= self.published_at:
            errors["expires_at"] = ValidationError(
                _("The expiry time must be after the publication time."), code="expires_before_published"
            )
        try:
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)


def gone_reason(queryset, **lookup) -> str | None:
    """Why the object ``lookup`` names left the public site (``WITHDRAWN`` or ``EXPIRED``), or None
    when it is not gone (it never was public, or does not exist). One query, asked only when the
    public queryset found nothing, so a public page costs no more than before."""
    status = queryset.gone().filter(**lookup).values_list("status", flat=True).first()
    if status is None:
        return None
    return WITHDRAWN if status == queryset.model.Status.WITHDRAWN else EXPIRED


def gone_response(request, reason: str):
    """The 410 page: the site's layout in the page's language, and the notice in every written
    language, the page's first (each paragraph marked with its ``lang``)."""
    order = sorted(languages.codes(), key=lambda code: code != languages.written())
    notices = []
    for code in order:
        with translation.override(code):
            notices.append({"lang": languages.BCP47[code], "text": str(NOTICES[reason])})
    return render(request, "410.html", {"notices": notices, "reason": reason}, status=410)


class GoneMixin:
    """For a DetailView of a model whose queryset has ``gone()``: an object that has left the
    public site answers 410 with the notice instead of 404. Only a 404 is looked at again (one
    query then), so the page of a public object costs what it did. The page of an object with an
    expiry time is stored by the page cache until that time at most."""

    def get(self, request, *args, **kwargs):
        try:
            response = super().get(request, *args, **kwargs)
        except Http404:
            slug = self.kwargs.get(self.slug_url_kwarg)
            model = self.get_queryset().model
            reason = slug and gone_reason(model._default_manager.all(), **{self.slug_field: slug})
            if not reason:
                raise
            return gone_response(request, reason)
        if expires_at := getattr(self.object, "expires_at", None):
            from core.pagecache import fresh_until

            fresh_until(response, expires_at)  # its expiry changes the page without a save
        return response
