from django.urls import path

from news import views

app_name = "news"
urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("<slug:slug>/side-by-side/", views.ArticleParallelView.as_view(), name="parallel"),
]
