import factory
from django.utils import timezone

from inquiries.choices import Sector
from inquiries.models import Inquiry


class InquiryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inquiry
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Investor {n}")
    organisation = factory.Sequence(lambda n: f"Company {n} GmbH")
    email = factory.Sequence(lambda n: f"investor{n}@example.com")
    country = "Germany"
    sector = Sector.ELECTRONICS
    message = "We plan a factory for sensors and look for 20,000 m² of land."
    language = "en"
    consented_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def parks(self, create, extracted, **kwargs):
        if create and extracted:
            self.parks.set(extracted)


def form_submission(park):
    """What a visitor's browser posts to /<lang>/contact/: a complete, valid inquiry."""
    return {
        "name": "Anna Schmidt",
        "organisation": "Schmidt Sensorik GmbH",
        "email": "anna.schmidt@example.com",
        "country": "Germany",
        "parks": [str(park.pk)],
        "sector": "electronics",
        "message": "We plan a sensor plant.",
        "consent": "on",
        "website": "",
    }
