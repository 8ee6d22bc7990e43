from django.db.models import F, Prefetch
from django.views.generic import DetailView, ListView

from core.i18n.one_language import OneLanguageMixin
from enterprises.models import Enterprise
from facts import charts, opendata
from facts.models import AssessmentResult, KeyFigure, Milestone, Source
from parks.models import Park


class FigureListView(ListView):
    """Every key figure with its source, the cooperation-wide ones first, with the
    shares chart and the open-data downloads."""

    template_name = "facts/keyfigure_list.html"
    context_object_name = "figures"

    def get_queryset(self):
        return KeyFigure.objects.for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(share_chart=charts.bar_chart(KeyFigure.objects.shares()), **kwargs)


class TimelineView(ListView):
    template_name = "facts/milestone_list.html"
    context_object_name = "milestones"

    def get_queryset(self):
        return Milestone.objects.for_listing()


class SourceListView(ListView):
    template_name = "facts/source_list.html"
    context_object_name = "sources"

    def get_queryset(self):
        return Source.objects.in_language().order_by(F("published_on").desc(nulls_last=True), "slug")


class SourceDetailView(OneLanguageMixin, DetailView):
    """A source and everything on the site that cites it."""

    template_name = "facts/source_detail.html"
    context_object_name = "source"

    def get_queryset(self):
        return Source.objects.prefetch_related(
            Prefetch("key_figures", queryset=KeyFigure.objects.for_listing()),
            Prefetch("milestones", queryset=Milestone.objects.select_related("park")),
            Prefetch("assessment_results", queryset=AssessmentResult.objects.select_related("park")),
            "parks",
            Prefetch("enterprises", queryset=Enterprise.objects.for_listing()),
        )


class DatasetView(ListView):
    """An open-data download: ``get_queryset`` says which rows, ``record`` turns
    one into a flat dict (``facts.opendata``), ``format`` is csv or json."""

    dataset = ""
    fields: list[str] = []
    format = "csv"

    def record(self, obj, absolute):
        raise NotImplementedError

    def render_to_response(self, context, **response_kwargs):
        records = [self.record(obj, self.request.build_absolute_uri) for obj in context["object_list"]]
        filename = f"suzhou-suqian-{self.dataset}-{self.request.LANGUAGE_CODE}.{self.format}"
        if self.format == "json":
            return opendata.json_response(records, self.dataset, self.request.build_absolute_uri(), filename)
        return opendata.csv_response(records, self.fields, filename)


class FigureDataView(DatasetView):
    dataset = "key-figures"
    fields = opendata.FIGURE_FIELDS

    def get_queryset(self):
        return KeyFigure.objects.for_listing()

    def record(self, figure, absolute):
        return opendata.figure_record(figure, absolute)


class ParkDataView(DatasetView):
    dataset = "parks"
    fields = opendata.PARK_FIELDS

    def get_queryset(self):
        return Park.objects.all()

    def record(self, park, absolute):
        return opendata.park_record(park, absolute)
