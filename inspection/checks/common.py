"""What several checks share: the public objects' texts (read once per run), their admin and
public addresses, and the languages."""

import functools
from dataclasses import dataclass, field
from datetime import datetime

from django.urls import NoReverseMatch, reverse
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

from core import registry, translation_status
from core.i18n import languages

LABEL_FIELDS = ("title", "name", "label", "alt")


MARK = "inspection-mark"


@functools.cache
def _around(name: str, code: str, key: str | None) -> tuple[str, str] | None:
    """The address of URL ``name`` in language ``code`` before and after its one argument: a run
    may name thousands of objects, and ``reverse()`` for each would cost seconds."""
    with translation.override(code):
        try:
            url = reverse(name, kwargs={key: MARK}) if key else reverse(name, args=[MARK])
        except NoReverseMatch:
            return None
    before, _mark, after = url.partition(MARK)
    return before, after


def _url(name, code, key, value) -> str:
    around = _around(name, code, key)
    return f"{around[0]}{value}{around[1]}" if around else ""


def admin_url(model, pk) -> str:
    return _url(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", languages.DEFAULT, None, pk)


def public_url(model, slug, code) -> str:
    """The object's page in page language ``code``, "" for a type without pages."""
    if not getattr(model, "url_name", None) or not slug:
        return ""
    return _url(model.url_name, code, "slug", slug)


def list_url(content_type, code, **query) -> str:
    with translation.override(code):
        url = reverse(content_type.list_url)
    return url + ("?" + "&".join(f"{key}={value}" for key, value in query.items()) if query else "")


def language_name(code) -> str:
    return languages.NATIVE_NAMES.get(code, code)


@dataclass
class Text:
    """One translated column of one public object."""

    content_type: registry.ContentType
    pk: int
    slug: str
    label: str
    column: str
    code: str  # the written language of the column
    text: str

    @property
    def model(self):
        return self.content_type.model

    def url(self) -> str:
        return public_url(self.model, self.slug, self.code)

    def admin_url(self) -> str:
        return admin_url(self.model, self.pk)


@dataclass
class Run:
    """The state one inspection shares between its checks."""

    now: datetime
    external: bool = False
    _texts: list[Text] | None = field(default=None, repr=False)

    def texts(self) -> list[Text]:
        """Every non-empty translated text of every public object of every declared content type:
        one query per type, whatever the number of objects."""
        if self._texts is None:
            self._texts = list(_public_texts())
        return self._texts


def _public_texts():
    for content_type in registry.content_types():
        model = content_type.model
        fields = translation_status.translated_fields(model)
        if not fields:
            continue
        columns = [(build_localized_fieldname(f, code), code) for f in fields for code in languages.codes()]
        names = [name for name, _code in columns]
        slug = "slug" if any(f.name == "slug" for f in model._meta.fields) else "pk"
        label_field = next((f for f in LABEL_FIELDS if f in fields), None)
        for row in content_type.public().order_by().values("pk", slug, *names):
            values = {name: row[name] for name in names}
            label = _label(values, label_field) or str(row["pk"])
            for name, code in columns:
                if values[name]:
                    yield Text(
                        content_type, row["pk"], row[slug] if slug == "slug" else "", label, name, code, values[name]
                    )


def _label(values, field) -> str:
    """The object's title or name in the first language that has it."""
    if field is None:
        return ""
    return next((v for c in languages.codes() if (v := values.get(build_localized_fieldname(field, c)))), "")
