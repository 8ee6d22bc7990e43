from django.urls import path

from about.views import AboutView, AccessibilityView, SiteMapView

app_name = "about"
urlpatterns = [
    path("", AboutView.as_view(), name="about"),
    path("site-map/", SiteMapView.as_view(), name="site_map"),
    path("accessibility/", AccessibilityView.as_view(), name="accessibility"),
]
