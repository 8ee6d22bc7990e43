"""Published content missing its translation in the other language, and pictures shown without
alt text in the language of the page (notices: the checklist asks for both, vetoes neither)."""

from django.db.models import Q
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from core import registry, translation_status
from core.i18n import languages
from inspection.checks.common import LABEL_FIELDS, admin_url, language_name, public_url
from inspection.findings import Finding, Severity


def missing_translations(run):
    for ct in registry.content_types():
        model = ct.model
        fields = translation_status.translated_fields(model)
        if not fields:
            continue
        label = next((f for f in LABEL_FIELDS if f in fields), None)
        has_slug = any(f.name == "slug" for f in model._meta.fields)
        label_columns = [build_localized_fieldname(label, c) for c in languages.codes()] if label else []
        for code in languages.codes():
            rows = ct.public().filter(translation_status.missing_q(model, code)).order_by("pk")
            for row in rows.values("pk", *(["slug"] if has_slug else []), *label_columns):
                name = next((row[c] for c in label_columns if row[c]), str(row["pk"]))
                other = next(c for c in languages.codes() if c != code)
                yield Finding(
                    "translation",
                    Severity.NOTICE,
                    code,
                    public_url(model, row.get("slug"), other),
                    admin_url(model, row["pk"]),
                    _("“%(label)s” (%(type)s) is published without its %(language)s translation. Translate it.")
                    % {"label": name, "type": ct.label, "language": language_name(code)},
                    name,
                )


def _image_field(model):
    for field in model._meta.fields:
        if field.name == "image" and field.is_relation and field.related_model._meta.label == "images.Image":
            return field
    return None


def alt_texts(run):
    """An image shown on a page in language L (its object has text in L) needs alt text in L."""
    seen = set()
    for ct in registry.content_types():
        field = _image_field(ct.model)
        if field is None:
            continue
        Image = field.related_model
        for code in languages.codes():
            alt = f"image__{build_localized_fieldname('alt', code)}"
            shown = ct.public().in_language(code).filter(image__isnull=False)
            missing = shown.filter(Q(**{f"{alt}__isnull": True}) | Q(**{alt: ""}))
            for image_pk, slug, page_slug in missing.order_by().values_list("image", "image__slug", "slug"):
                if (image_pk, code) in seen:
                    continue
                seen.add((image_pk, code))
                yield Finding(
                    "alt",
                    Severity.NOTICE,
                    code,
                    public_url(ct.model, page_slug, code),
                    admin_url(Image, image_pk),
                    _("Image “%(image)s” is shown on %(language)s pages without %(language)s alt text. Write it.")
                    % {"image": slug, "language": language_name(code)},
                    slug,
                )
