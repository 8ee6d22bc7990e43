"""Fixtures for the inquiry tests."""

import pytest

from parks.models import Park


@pytest.fixture(autouse=True)
def _recipients(settings):
    settings.INQUIRY_NOTIFY_EMAILS = ["desk@example.org"]
    settings.INQUIRY_PARK_NOTIFY_EMAILS = {"ssip": ["invest@ssip.example.org"]}


@pytest.fixture
def ssip(content):
    return Park.objects.get(slug="ssip")


@pytest.fixture
def form_data(ssip):
    """A complete, valid submission about SSIP."""
    return {
        "name": "Anna Schmidt",
        "organisation": "Schmidt Sensorik GmbH",
        "email": "anna.schmidt@example.com",
        "phone": "+49 89 1234 5678",
        "country": "Germany",
        "parks": [str(ssip.pk)],
        "sector": "electronics",
        "message": "We plan a sensor plant and need about 20,000 m² of land from 2027.",
        "consent": "on",
        "website": "",
    }


@pytest.fixture
def handler_client(client, django_user_model):
    """A staff member in the Inquiry handler group (created by the data migration)."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("handler", "handler@example.org", "pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Inquiry handler"))
    client.force_login(user)
    return client
