import factory

from enterprises.models import Enterprise
from parks.tests.factories import ParkFactory


class EnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enterprise
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"enterprise-{n}")
    name_en = factory.Sequence(lambda n: f"Example Company {n}")
    name_zh_hans = factory.Sequence(lambda n: f"示例公司{n}")
    park = factory.SubFactory(ParkFactory)

    @factory.post_generation
    def sources(self, create, extracted, **kwargs):
        if create and extracted:
            self.sources.set(extracted)
