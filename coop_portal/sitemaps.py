"""The sitemap section of the site's pages that are not one object's: the home page, each
content type's list (its ``list_url``, core/registry.py), the contact form and the about pages.
coop_portal/urls.py puts it with the content types' sections (core/sitemaps.py)."""

import datetime

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property

from about.views import AccessibilityView
from core import registry
from core.sitemaps import I18nSitemap


class PageSitemap(I18nSitemap):
    """The list pages; each changes when what it lists changes."""

    def _lists(self):
        return [content_type for content_type in registry.content_types() if content_type.list_url]

    def items(self):
        lists = [content_type.list_url for content_type in self._lists()]
        return ["core:home", *lists, "inquiries:create", "about:site_map", "about:accessibility"]

    def location(self, item):
        return reverse(item)

    @cached_property
    def _latest(self):
        latest = {}
        for content_type in self._lists():
            dates = content_type.public().aggregate(**{name: Max(name) for name in content_type.modified})
            latest[content_type.list_url] = max(filter(None, dates.values()), default=None)
        parks = latest["parks:list"]
        return latest | {
            # It shows the parks, the latest news and the headline figures.
            "core:home": max(filter(None, [parks, latest["news:list"], latest["facts:figures"]]), default=None),
            "inquiries:create": parks,  # the form lists the parks
            "about:site_map": parks,  # it lists the parks
            # Its text is in the template; it changes when the statement is reviewed.
            "about:accessibility": timezone.make_aware(
                datetime.datetime.combine(AccessibilityView.reviewed, datetime.time())
            ),
        }

    def lastmod(self, item):
        return self._latest[item]
