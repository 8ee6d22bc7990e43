from django.views.generic import ListView

from core.search import parse_query
from search.forms import SearchForm
from search.sources import SearchResults


class SearchView(ListView):
    """/<lang>/search/?q=: parks and published articles that contain every term,
    in either language, ranked; snippets in the page's language."""

    template_name = "search/results.html"
    context_object_name = "results"
    paginate_by = 10

    def get_queryset(self):
        self.form = SearchForm(self.request.GET)
        # An invalid query (too long, NUL byte) shows the form with its error.
        self.query = self.form.cleaned_data["q"] if self.form.is_valid() else ""
        terms = parse_query(self.query)
        return SearchResults(terms) if terms else []

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, query=self.query, **kwargs)
