"""The benchmark's baseline: what bare Django does for a page of the same size, with no database,
no cache and no context processors — a view that renders a template from data in memory and
returns it through the same middleware. Pages are compared with it (bench/run.sh)."""

import datetime

from django.http import HttpResponse
from django.template.loader import render_to_string

# Twelve teasers like a news list page, made once at import.
ITEMS = [
    {
        "url": f"/en/news/baseline-story-{n}/",
        "title": f"The Suzhou Suqian Industrial Park attracted investment in precision machinery ({n})",
        "date": datetime.date(2024, 1, 1) + datetime.timedelta(days=n),
        "summary": "Local manufacturers expanded their capacity in electronic components with support from "
        "their Suzhou partner. The Siyang economic development zone trained workers for new energy equipment "
        "ahead of the provincial evaluation.",
        "parks": [("/en/parks/ssip/", "SSIP"), ("/en/parks/kunshan-shuyang/", "Kunshan Shuyang")],
    }
    for n in range(12)
]


def baseline(request):
    return HttpResponse(render_to_string("bench/baseline.html", {"items": ITEMS, "title": "News"}))
