from django.http import Http404
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from core.gone import GoneMixin
from core.i18n.one_language import OneLanguageMixin
from core.preview import PreviewMixin
from documents import opendata
from documents.forms import DocumentFilterForm
from documents.models import Document
from facts.views import DatasetView


class DocumentListView(ListView):
    """Policies and documents, newest first, 20 a page; ?park=<slug> and ?year=2023 narrow it."""

    template_name = "documents/document_list.html"
    context_object_name = "documents"
    paginate_by = 20

    def get_queryset(self):
        self.filters = DocumentFilterForm(self.request.GET, years=Document.objects.published().years())
        if not self.filters.is_valid():
            raise Http404(_("No such filter."))
        documents = Document.objects.published().for_listing()
        if park := self.filters.cleaned_data["park"]:
            documents = documents.filter(parks=park)
        if year := self.filters.cleaned_data["year"]:
            documents = documents.filter(published_at__year=year)
        return documents

    def get_context_data(self, **kwargs):
        return super().get_context_data(filters=self.filters, **kwargs)


class DocumentDetailView(GoneMixin, PreviewMixin, OneLanguageMixin, DetailView):
    template_name = "documents/document_detail.html"
    context_object_name = "document"

    def get_queryset(self):
        # Drafts and unknown slugs are a 404 for visitors, withdrawn and expired documents a 410
        # (GoneMixin); staff who may edit see them all as a preview.
        return Document.objects.visible_to(self.request.user).prefetch_related("parks", "sources")


class DocumentDataView(DatasetView):
    dataset = "documents"
    fields = opendata.DOCUMENT_FIELDS

    def get_queryset(self):
        return Document.objects.published().for_listing().prefetch_related("sources")

    def record(self, document, absolute):
        return opendata.document_record(document, absolute)
