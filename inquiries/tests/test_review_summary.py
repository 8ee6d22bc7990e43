"""The park page's inquiry in one clear step: a valid form comes back as a read-only
summary with Send and Edit, not as the whole form again under an error-coloured banner."""

import re

from django.test import Client

from inquiries.models import Inquiry
from parks.models import Park


def data():
    return {
        "name": "Anna Schmidt",
        "organisation": "Example GmbH",
        "email": "anna@example.de",
        "country": "Germany",
        "sector": "electronics",
        "parks": [Park.objects.get(slug="ssip").pk],
        "message": "We would like to rent a standard workshop.",
        "consent": "on",
    }


def test_a_valid_form_comes_back_as_a_read_only_summary(content):
    html = Client().post("/en/contact/review/", data()).content.decode()
    assert "form-alert" not in html
    summary = re.search(r'<section class="inquiry-summary".*?</section>', html, re.S).group(0)
    assert (
        "Anna Schmidt" in summary and "Suzhou Suqian Industrial Park" in summary and "Electronic information" in summary
    )
    # Nothing to type into: only hidden fields and the two buttons.
    assert not re.search(r'<(?:textarea|select)|<input(?![^>]*type="hidden")', summary)
    assert ">Send inquiry</button>" in summary
    assert 'formaction="/en/contact/review/" name="edit" value="1">Edit</button>' in summary


def test_edit_shows_the_form_filled_in_and_send_stores_the_inquiry(content):
    client = Client(enforce_csrf_checks=True)
    edit = client.post("/en/contact/review/", {**data(), "edit": "1"}).content.decode()
    assert 'value="Anna Schmidt"' in edit and "We would like to rent a standard workshop." in edit
    assert "inquiry-summary" not in edit and "form-alert" not in edit
    token = client.cookies["csrftoken"].value
    # Send posts the summary's hidden fields, as the browser would.
    summary = client.post("/en/contact/review/", data()).content.decode()
    hidden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', summary))
    hidden.pop("csrfmiddlewaretoken")
    parks = re.findall(r'<input type="hidden" name="parks" value="(\d+)"', summary)
    sent = client.post("/en/contact/", {**hidden, "parks": parks, "csrfmiddlewaretoken": token})
    assert sent.status_code == 302, sent.content.decode()[:2000]
    inquiry = Inquiry.objects.get()
    assert inquiry.name == "Anna Schmidt" and [p.slug for p in inquiry.parks.all()] == ["ssip"]
