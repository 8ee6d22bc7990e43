import datetime

from django.views.generic import TemplateView

from parks.models import Park


class AboutView(TemplateView):
    """/about/: who runs the site (the details come from the footer's context processor)."""

    template_name = "about/about.html"


class SiteMapView(TemplateView):
    """/about/site-map/ (网站地图): every section and every park on one page, linked from the
    footer, as Chinese government sites have. The sections are the header's menu and the
    sitemap's list pages (a test checks that none is missing); the parks, those with text in
    the page's language."""

    template_name = "about/site_map.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(parks=Park.objects.in_language(), **kwargs)


class AccessibilityView(TemplateView):
    """/about/accessibility/ (无障碍声明): what the site does for readers who need it, and how
    to tell us when something does not work."""

    template_name = "about/accessibility.html"
    # The day the statement was last checked against what the site does; change it with the text.
    reviewed = datetime.date(2026, 12, 6)

    def get_context_data(self, **kwargs):
        return super().get_context_data(reviewed=self.reviewed, **kwargs)
