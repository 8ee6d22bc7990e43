from django.urls import path

from parks import views

app_name = "parks"
urlpatterns = [
    path("", views.ParkListView.as_view(), name="list"),
    path("<slug:slug>/", views.ParkDetailView.as_view(), name="detail"),
    path("<slug:slug>/side-by-side/", views.ParkSideBySideView.as_view(), name="side_by_side"),
]
