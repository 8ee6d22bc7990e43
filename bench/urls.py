"""The site's URLs plus the baseline: a bare Django view (bench/views.py)."""

from django.urls import path

from bench.views import baseline
from coop_portal.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("bench/baseline/", baseline), *site_urlpatterns]
