import factory

from parks.models import Park


class ParkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Park
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"park-{n}")
    name_en = factory.Sequence(lambda n: f"Test Park {n}")
    name_zh_hans = factory.Sequence(lambda n: f"测试园区{n}")
    short_name_en = factory.Sequence(lambda n: f"Park {n}")
    short_name_zh_hans = factory.Sequence(lambda n: f"园区{n}")
    summary_en = "A joint park."
    summary_zh_hans = "一个共建园区。"
    host_name_en = "Sucheng District"
    host_name_zh_hans = "宿城区"
    partner_name_en = "Suzhou Industrial Park"
    partner_name_zh_hans = "苏州工业园区"
    latitude = "33.96300"
    longitude = "118.27500"
