from django.urls import path

from documents import feeds, views

app_name = "documents"
urlpatterns = [
    path("documents/", views.DocumentListView.as_view(), name="list"),
    path("documents/feed/rss/", feeds.LatestDocumentsFeed(), name="feed-rss"),
    path("documents/feed/atom/", feeds.LatestDocumentsAtomFeed(), name="feed-atom"),
    path("documents/<slug:slug>/", views.DocumentDetailView.as_view(), name="detail"),
    path("data/documents.csv", views.DocumentDataView.as_view(format="csv"), name="data_csv"),
    path("data/documents.json", views.DocumentDataView.as_view(format="json"), name="data_json"),
]
