"""The sitemap section of the site's list pages (the home page, each app's list,
the contact form); the sections are listed in coop_portal/urls.py."""

import datetime

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property

from about.views import AccessibilityView
from core.sitemaps import I18nSitemap
from enterprises.models import Enterprise
from facts.models import KeyFigure, Milestone, Source
from news.models import Article
from parks.models import Park


class PageSitemap(I18nSitemap):
    """The list pages; each changes when what it lists changes."""

    def items(self):
        return [
            "core:home",
            "parks:list",
            "news:list",
            "enterprises:list",
            "facts:figures",
            "facts:timeline",
            "facts:sources",
            "inquiries:create",
            "about:site_map",
            "about:accessibility",
        ]

    def location(self, item):
        return reverse(item)

    @cached_property
    def _latest(self):
        news = Article.objects.published().aggregate(published=Max("published_at"), updated=Max("updated_at"))
        news = max(filter(None, news.values()), default=None)
        parks = Park.objects.aggregate(updated=Max("updated_at"))["updated"]
        enterprises = Enterprise.objects.aggregate(updated=Max("updated_at"))["updated"]
        figures = KeyFigure.objects.aggregate(updated=Max("updated_at"))["updated"]
        timeline = Milestone.objects.aggregate(updated=Max("updated_at"))["updated"]
        sources = Source.objects.aggregate(updated=Max("updated_at"))["updated"]
        return {
            "core:home": max(filter(None, [parks, news, figures]), default=None),
            "parks:list": parks,
            "news:list": news,
            "enterprises:list": enterprises,
            "facts:figures": figures,
            "facts:timeline": timeline,
            "facts:sources": sources,
            "inquiries:create": parks,  # the form lists the parks
            "about:site_map": parks,  # it lists the parks
            # Its text is in the template; it changes when the statement is reviewed.
            "about:accessibility": timezone.make_aware(
                datetime.datetime.combine(AccessibilityView.reviewed, datetime.time())
            ),
        }

    def lastmod(self, item):
        return self._latest[item]
