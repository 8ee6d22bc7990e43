"""/admin/sources-missing/: what the public pages leave out because no source gives it yet.

The public pages show only what is known, each fact with its source; the gaps are listed
here, for editors, each linked to its edit form."""

from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from enterprises.models import Enterprise
from facts.models import KeyFigure, Milestone, Source
from news.models import Article
from parks.models import Park


def _gaps():
    """(model, object, [what is missing]) for every object with a gap, model by model."""
    for park in Park.objects.annotate(n=Count("sources")):
        missing = [
            label
            for label, gap in [
                (_("sources"), park.n == 0),
                (_("established"), park.established is None),
                (_("planned area"), park.planned_area_km2 is None),
                (_("leading industries"), not park.leading_industries),
            ]
            if gap
        ]
        yield Park, park, missing
    for enterprise in Enterprise.objects.annotate(n=Count("sources")).filter(n=0):
        yield Enterprise, enterprise, [_("sources")]
    for article in Article.objects.published().annotate(n=Count("sources")).filter(n=0):
        yield Article, article, [_("sources")]
    for milestone in Milestone.objects.filter(source__isnull=True):
        yield Milestone, milestone, [_("source")]
    for figure in KeyFigure.objects.filter(as_of__isnull=True):
        yield KeyFigure, figure, [_("as of")]
    for source in Source.objects.all():
        missing = [
            label
            for label, gap in [(_("URL"), not source.url), (_("publication date"), not source.published_on)]
            if gap
        ]
        yield Source, source, missing


class MissingSourcesView(TemplateView):
    template_name = "admin/missing_sources.html"
    admin_site = admin.site

    def get_context_data(self, **kwargs):
        sections = {}
        for model, obj, missing in _gaps():
            if not missing:
                continue
            model_admin = self.admin_site._registry.get(model)
            if model_admin is None or not model_admin.has_view_or_change_permission(self.request):
                continue
            opts = model._meta
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
            sections.setdefault(opts.verbose_name_plural, []).append({"object": obj, "url": url, "missing": missing})
        return super().get_context_data(
            **self.admin_site.each_context(self.request),
            title=_("Missing sources and facts"),
            sections=sections,
            **kwargs,
        )
