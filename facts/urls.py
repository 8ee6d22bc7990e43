from django.urls import path

from facts import views

app_name = "facts"
urlpatterns = [
    path("figures/", views.FigureListView.as_view(), name="figures"),
    path("timeline/", views.TimelineView.as_view(), name="timeline"),
    path("sources/", views.SourceListView.as_view(), name="sources"),
    path("sources/<slug:slug>/", views.SourceDetailView.as_view(), name="source"),
    path("data/figures.csv", views.FigureDataView.as_view(format="csv"), name="figures_csv"),
    path("data/figures.json", views.FigureDataView.as_view(format="json"), name="figures_json"),
    path("data/parks.csv", views.ParkDataView.as_view(format="csv"), name="parks_csv"),
    path("data/parks.json", views.ParkDataView.as_view(format="json"), name="parks_json"),
]
