"""Write the documents the portal ships (fixtures/documents/) from its own content: the key
figures as a PDF table, the six parks as an XLSX workbook, the timeline as an ODS spreadsheet.
Each is bilingual (English and Chinese in the same file), names the source of every row, and is
made again whenever that content changes: ``make load`` then this, then commit the files and
update the sizes in fixtures/documents.json (the command prints them)."""

from django.core.management.base import BaseCommand
from django.utils import translation

from core.models import DatePrecision
from documents import writers
from documents.signals import shipped_dir
from facts import formatting
from facts.models import KeyFigure, Milestone
from parks.models import Park

PORTAL = "Suzhou–Suqian Cooperation Portal / 苏宿合作门户网站"


def _both(obj, field):
    return getattr(obj, f"{field}_en") or "", getattr(obj, f"{field}_zh_hans") or ""


def key_figures_pdf() -> bytes:
    rows = [["Figure / 指标", "Value / 数值", "Park / 园区", "Source / 来源"]]
    for figure in KeyFigure.objects.select_related("park", "source").order_by("display_order", "slug"):
        with translation.override("en"):
            value_en = formatting.format_figure(figure)
        with translation.override("zh-hans"):
            value_zh = formatting.format_figure(figure)
        as_of = DatePrecision.isoformat(figure.as_of, figure.as_of_precision)
        label_en, label_zh = _both(figure, "label")
        park = " / ".join(_both(figure.park, "short_name")) if figure.park else "–"
        source = figure.source
        cited = f"{source.publisher_zh_hans or source.publisher_en}, {source.published_on or ''}".strip(", ")
        rows.append(
            [f"{label_en} / {label_zh}", f"{value_en} / {value_zh}" + (f" ({as_of})" if as_of else ""), park, cited]
        )
    return writers.pdf(
        [
            ("title", "Key figures of the Suzhou–Suqian joint industrial parks"),
            ("title", "苏宿合作共建园区主要数据"),
            (
                "text",
                f"Compiled by the {PORTAL} from the published sources named in each row; the same figures, with "
                "links to their sources, are on the portal's Figures page and in its open data (figures.csv).",
            ),
            (
                "text",
                "本表由苏宿合作门户网站根据每行所列的公开来源整理，与网站“数据”页面及开放数据（figures.csv）一致。",
            ),
            ("table", ([0.34, 0.26, 0.16, 0.24], rows)),
        ]
    )


def parks_xlsx() -> bytes:
    rows = [
        [
            "Park",
            "园区",
            "Host",
            "所在地",
            "Partner",
            "合作方",
            "Established / 设立",
            "Planned area km² / 规划面积（平方公里）",
            "Leading industries",
            "主导产业",
        ]
    ]
    for park in Park.objects.order_by("display_order", "slug"):
        rows.append(
            [
                *_both(park, "name"),
                *_both(park, "host_name"),
                *_both(park, "partner_name"),
                DatePrecision.isoformat(park.established, park.established_precision) or "",
                float(park.planned_area_km2) if park.planned_area_km2 is not None else "",
                *_both(park, "leading_industries"),
            ]
        )
    return writers.xlsx("Parks 园区", rows)


def timeline_ods() -> bytes:
    rows = [["Date / 日期", "Event", "事件", "Park / 园区", "Source / 来源"]]
    for milestone in Milestone.objects.select_related("park", "source").order_by("date", "slug"):
        source = milestone.source
        rows.append(
            [
                DatePrecision.isoformat(milestone.date, milestone.date_precision),
                *_both(milestone, "title"),
                milestone.park.short_name_zh_hans if milestone.park else "",
                f"{source.publisher_zh_hans or source.publisher_en} {source.url or ''}".strip() if source else "",
            ]
        )
    return writers.ods("Timeline 大事记", rows)


FILES = {
    "key-figures.pdf": key_figures_pdf,
    "joint-parks.xlsx": parks_xlsx,
    "cooperation-timeline.ods": timeline_ods,
}


class Command(BaseCommand):
    help = "Write the shipped documents (fixtures/documents/) from the loaded content, and print their sizes."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Another folder (the test that the shipped files are current).")

    def handle(self, *args, output=None, **options):
        from pathlib import Path

        folder = Path(output) if output else shipped_dir()
        folder.mkdir(exist_ok=True)
        for name, make in FILES.items():
            data = make()
            (folder / name).write_bytes(data)
            self.stdout.write(f"{name}: {len(data)} bytes")
