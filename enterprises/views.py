import re
from functools import cached_property

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from core.i18n.one_language import OneLanguageMixin
from core.structured_data import StructuredDataMixin
from enterprises.models import Enterprise
from parks.models import Park

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,80}")


class EnterpriseListView(ListView):
    """The directory; ``?park=<slug>`` narrows it to one park (an unknown park is a 404)."""

    template_name = "enterprises/enterprise_list.html"
    context_object_name = "enterprises"
    paginate_by = 24

    @cached_property
    def park(self):
        slug = self.request.GET.get("park")
        if not slug:
            return None
        # Checked before it reaches the database: PostgreSQL rejects a NUL byte
        # in a query parameter with an error (a 500) instead of "no such park".
        if not SLUG.fullmatch(slug):
            raise Http404("No such park")
        return get_object_or_404(Park, slug=slug)

    def get_queryset(self):
        enterprises = Enterprise.objects.for_listing()
        return enterprises.in_park(self.park) if self.park else enterprises

    def get_context_data(self, **kwargs):
        return super().get_context_data(park=self.park, parks=Park.objects.all(), **kwargs)


class EnterpriseDetailView(StructuredDataMixin, OneLanguageMixin, DetailView):
    template_name = "enterprises/enterprise_detail.html"
    context_object_name = "enterprise"

    def get_queryset(self):
        return Enterprise.objects.select_related("park", "image").prefetch_related("sources")
