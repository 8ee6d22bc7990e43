"""Benchmark settings: production settings exactly, plus the baseline view's URL (bench/urls.py).
Only bench/run.sh uses this module; production never mounts the baseline."""

from coop_portal.settings.production import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405 (its templates)
ROOT_URLCONF = "bench.urls"
