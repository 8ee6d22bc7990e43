"""Editors may see and run the site inspection and keep the term list; the list starts with the
official Chinese names of the six parks (../shared/facts.md, "The six joint parks": the verified
names), each against the variant with or without 区 that the facts rule out."""

from django.db import migrations

from core.editorial.roles import ALL, EDITOR, grant

# Notes are for the editors, who read them in Chinese.
FACTS = "已核实的名称：《苏州日报》，中国经济网2021年1月8日转载"
# (wrong, right, serious, note)
PARK_NAMES = [
    ("苏州宿迁工业园", "苏州宿迁工业园区", True, FACTS),
    ("苏宿工业园", "苏宿工业园区", True, "已核实的简称"),
    ("吴江泗阳工业园区", "吴江泗阳工业园", True, FACTS + "；2020年起也称吴江泗阳产业合作园区"),
    ("昆山沭阳工业园", "昆山沭阳工业园区", True, FACTS + "；简称昆沭高新技术产业园"),
    (
        "常熟泗洪工业园区",
        "常熟泗洪工业园",
        False,
        "已核实的名称为常熟泗洪工业园，但也有来源写作常熟泗洪工业园区：官方名称确认前不作单项否决",
    ),
    ("张家港宿豫工业园", "张家港宿豫工业园区", True, FACTS),
    ("吴中宿城工业园区", "吴中宿城工业园", True, FACTS),
]


def forwards(apps, schema_editor):
    grant(apps, {EDITOR: {"inspection.inspectionrun": ["inspect_site", "view"], "inspection.term": ALL}})
    Term = apps.get_model("inspection", "Term")
    for wrong, right, serious, note in PARK_NAMES:
        Term.objects.get_or_create(wrong=wrong, defaults={"right": right, "serious": serious, "note": note})


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("inspection", "0001_inspection_and_terms"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
