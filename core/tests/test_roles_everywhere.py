"""Roles hold on the server, in every admin (issue 23, point 6).

A Translator changes translated text and nothing else (core/editorial/roles.py). Hiding a field in the
form is not enough: a crafted POST can name any field. This test walks ``admin.site._registry``
(and each admin's inlines), and for every admin a Translator can open it posts, as that
Translator, a change form in which every field that is not translated text carries a new value,
then every action, the list's editable columns and the revert of a history version. Nothing but
the text may change. The same crafted values are then posted by a superuser, and must all be
stored: so the Translator's values were refused for the role, not for being invalid. An admin a
Translator may not open at all (inquiries, users, groups, login records) answers 403 to every
GET and POST.
"""

import datetime
import decimal
import itertools

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from modeltranslation.translator import NotRegistered, translator

from about.models import SiteSettings
from core import workflow
from core.editorial.concurrency import FIELD
from core.editorial.roles import TRANSLATOR
from core.models import Redirect
from core.models.workflow import AuditEntry
from documents.models import Document
from documents.tests.factories import make_document, pdf
from enterprises.models import Enterprise
from enterprises.tests.factories import EnterpriseFactory
from facts.models import AssessmentResult, KeyFigure, Milestone, Source
from facts.tests.factories import AssessmentResultFactory, KeyFigureFactory, MilestoneFactory, SourceFactory
from images.models import Image
from images.tests.factories import ImageFactory, image_bytes
from inquiries.models import Inquiry
from inquiries.tests.factories import InquiryFactory
from inspection.models import Term
from news.models import Article
from news.tests.factories import ArticleFactory
from parks.models import Park
from parks.tests.factories import ParkFactory

User = get_user_model()
counter = itertools.count()


def _article():
    article = ArticleFactory(parks=[ParkFactory()], image=ImageFactory())
    article.sources.set([SourceFactory()])
    return article


def _park():
    park = ParkFactory(image=ImageFactory())
    park.sources.set([SourceFactory()])
    return park


def _document():
    document = make_document(f"document-{next(counter)}")
    document.parks.set([ParkFactory()])
    document.sources.set([SourceFactory()])
    return document


def _site_settings():
    SiteSettings(
        organiser_en="Cooperation Office",
        telephone="+86 527 0000 0000",
        email="office@example.org",
        icp_number="苏ICP备12345678号-1",
        psb_number="苏公网安备32130002000001号",
    ).save()
    return SiteSettings.load()


def _user():
    return User.objects.create_user(f"someone-{next(counter)}", password="pw", is_staff=True)


def _login_record(model, **fields):
    return model.objects.create(
        username=f"x{next(counter)}", ip_address="203.0.113.9", user_agent="", attempt_time=timezone.now(), **fields
    )


# One object of every model the admin shows. A model registered later without a line here fails the test.
BUILDERS = {
    Article: _article,
    Park: _park,
    Document: _document,
    Source: SourceFactory,
    KeyFigure: lambda: KeyFigureFactory(park=ParkFactory()),
    Milestone: lambda: MilestoneFactory(park=ParkFactory()),
    AssessmentResult: AssessmentResultFactory,
    Enterprise: lambda: EnterpriseFactory(image=ImageFactory(), sources=[SourceFactory()]),
    Image: ImageFactory,
    SiteSettings: _site_settings,
    Inquiry: lambda: InquiryFactory(parks=[ParkFactory()]),
    User: _user,
    Group: lambda: Group.objects.create(name=f"Group {next(counter)}"),
    AccessAttempt: lambda: _login_record(AccessAttempt, failures_since_start=1),
    AccessLog: lambda: _login_record(AccessLog),
    AccessFailureLog: lambda: _login_record(AccessFailureLog),
    Term: lambda: Term.objects.create(wrong=f"错字{next(counter)}", right="正字"),
    Redirect: lambda: Redirect.objects.create(old_path=f"/en/news/old-{next(counter)}/", new_path=""),
    AuditEntry: lambda: workflow.record(SourceFactory(), AuditEntry.Action.DIRECT, _user(), "Published."),
}
NOT_FOR_TRANSLATORS = {Inquiry, User, Group, AccessAttempt, AccessLog, AccessFailureLog, Term, Redirect, AuditEntry}


def text_columns(model) -> set[str]:
    """What a Translator may change: the translation columns, read from modeltranslation's
    registry (not from the admin code under test)."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return set()
    return {column.name for columns in options.all_fields.values() for column in columns}


def stored(model, pk) -> dict:
    obj = model._default_manager.get(pk=pk)
    values = {field.name: field.value_from_object(obj) for field in obj._meta.concrete_fields}
    for field in obj._meta.many_to_many:
        values[field.name] = sorted(related.pk for related in getattr(obj, field.name).all())
    return values


def proposed(model, pk) -> dict:
    """``stored`` as it will be once what waits for review is signed off (core/workflow/): a
    Translator's save, like everyone's, is a revision of the item."""
    from core import workflow

    obj = model._default_manager.get(pk=pk)
    revision = workflow.open_revision(obj) if workflow.covers(model) else None
    if revision is None:
        return stored(model, pk)
    pending = workflow.preview(revision)
    values = {field.name: field.value_from_object(pending) for field in model._meta.concrete_fields}
    values["status"] = stored(model, pk).get("status")  # set by sign-off, not by the revision
    values = {name: value for name, value in values.items() if name in stored(model, pk)}
    for field in model._meta.many_to_many:
        values[field.name] = sorted(revision.data.get(field.name, []))
    return values


def browser_data(form) -> dict:
    """What a browser posts for ``form`` as it was shown (an unbound admin form)."""
    data = {}
    for bound in form:
        widget = getattr(bound.field.widget, "widget", bound.field.widget)  # RelatedFieldWidgetWrapper
        value = bound.value()
        if isinstance(widget, forms.FileInput):
            continue  # a browser sends no file unless one is chosen
        if isinstance(widget, forms.CheckboxInput):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(widget, forms.MultiWidget):
            for suffix, sub, part in zip(widget.widgets_names, widget.widgets, widget.decompress(value), strict=True):
                data[bound.html_name + suffix] = sub.format_value(part) or ""
        elif isinstance(widget, forms.SelectMultiple):
            data[bound.html_name] = [str(pk) for pk in value or []]
        else:
            shown = widget.format_value(value)
            data[bound.html_name] = (shown[0] if shown else "") if isinstance(shown, list) else (shown or "")
    return data


def crafted(field, current) -> dict:
    """POST values giving model field ``field`` a valid value other than ``current`` (None: untick)."""
    n = next(counter)
    name = field.name
    if field.many_to_many:
        other = field.related_model._default_manager.exclude(pk__in=current).first()
        return {name: [str(other.pk)]}
    if field.is_relation:
        other = field.related_model._default_manager.exclude(pk=current).first()
        return {name: str(other.pk)}
    if isinstance(field, models.BooleanField):
        return {name: None if current else "on"}
    if field.choices:
        return {name: next(str(value) for value, _ in field.flatchoices if value not in ("", current))}
    if isinstance(field, models.FileField) and field.model is Document:  # checked as a document
        return {name: SimpleUploadedFile(f"crafted-{n}.pdf", pdf(), "application/pdf")}
    if isinstance(field, models.FileField):
        return {name: SimpleUploadedFile(f"crafted-{n}.png", image_bytes("PNG", (640, 480)), "image/png")}
    if isinstance(field, models.DateTimeField):
        later = 400 if name == "expires_at" else 3  # an expiry after any crafted publication time
        when = timezone.localtime(current or timezone.now()) + datetime.timedelta(days=later)
        return {f"{name}_0": f"{when:%Y-%m-%d}", f"{name}_1": f"{when:%H:%M:%S}"}
    if isinstance(field, models.DateField):  # another year: a change at any precision (day, month, year)
        return {name: f"{(current or datetime.date(2020, 1, 1)) + datetime.timedelta(days=400):%Y-%m-%d}"}
    if isinstance(field, models.DecimalField):
        return {name: str((current or decimal.Decimal(0)) + 1)}
    if isinstance(field, models.IntegerField):
        return {name: str((current or 0) + 1)}
    if isinstance(field, models.SlugField):
        return {name: f"crafted-{n}"}
    if isinstance(field, models.EmailField):
        return {name: f"crafted{n}@example.net"}
    if isinstance(field, models.URLField):
        return {name: f"https://crafted.example/{n}"}
    if isinstance(field, models.CharField | models.TextField):
        return {name: f"Crafted {n}"}
    raise AssertionError(f"no crafted value for {field!r}: add one")


def with_changes(data: dict, changes: dict) -> dict:
    data = dict(data)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            if hasattr(value, "seek"):
                value.seek(0)  # a file posted before is read again
            data[key] = value
    return data


def form_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.context["adminform"].form


def url(model, name, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{name}", args=args)


@pytest.fixture
def translator_client(db, django_user_model):
    user = django_user_model.objects.create_user("translator-tina", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=TRANSLATOR))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def superuser_client(db, django_user_model):
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.org", "pw"))
    return client


def test_a_translator_changes_nothing_but_text_in_any_admin(translator_client, superuser_client, media_root):
    admins = dict(admin.site._registry)
    assert set(admins) == set(BUILDERS), "a registered admin without a builder (or a builder without an admin)"
    objects = {model: build() for model, build in BUILDERS.items()}
    for model in BUILDERS:  # a second row of each, for every link to point elsewhere
        BUILDERS[model]()

    for model, model_admin in admins.items():
        obj = objects[model]
        before = stored(model, obj.pk)
        if model in NOT_FOR_TRANSLATORS:
            assert_all_refused(translator_client, model, obj)
            assert stored(model, obj.pk) == before, model
            continue

        change_url = url(model, "change", obj.pk)
        full_form = form_of(superuser_client, change_url)
        request = superuser_client.get(url(model, "changelist")).wsgi_request
        # None today; an inline's forms would need their own crafted POST here.
        assert not model_admin.get_inline_instances(request, obj), f"{model.__name__}: post its inlines' forms too"
        text = text_columns(model)
        locked = [model._meta.get_field(name) for name in full_form.fields if name != FIELD and name not in text]

        # 1. The change form: text saved, every other field as stored.
        shown = form_of(translator_client, change_url)
        assert set(shown.fields) - {FIELD} <= text, f"{model.__name__}: a Translator's form offers {set(shown.fields)}"
        attempt = browser_data(full_form) | {FIELD: shown[FIELD].value() if FIELD in shown.fields else ""}
        translated = {name: f"译文{next(counter)}" for name in full_form.fields if name in text}
        changes = {k: v for field in locked for k, v in crafted(field, before[field.name]).items()}
        response = translator_client.post(change_url, with_changes(attempt, changes | translated))
        assert response.status_code == 302, (model, response.context and response.context["adminform"].form.errors)
        after = proposed(model, obj.pk)
        for field in locked:
            assert after[field.name] == before[field.name], f"a Translator changed {model.__name__}.{field.name}"
        for name, value in translated.items():
            assert value in after[name], f"a Translator could not translate {model.__name__}.{name}"

        # 2. Adding, deleting, every action, the list's editable columns, the revert of a version.
        count = model._default_manager.count()
        assert translator_client.post(url(model, "add"), with_changes(attempt, changes)).status_code == 403
        assert translator_client.post(url(model, "delete", obj.pk), {"post": "yes"}).status_code == 403
        assert model._default_manager.count() == count, f"{model.__name__}: added or deleted"
        for action in model_admin.get_actions(request):
            translator_client.post(
                url(model, "changelist"), {"action": action, "_selected_action": [obj.pk], "post": "yes"}
            )
            assert proposed(model, obj.pk) == after, f"{model.__name__}: action {action}"
        listed = list_editable_post(model_admin, obj, after)
        if listed:
            translator_client.post(url(model, "changelist"), listed)
            assert proposed(model, obj.pk) == after, f"{model.__name__}: editable columns of the list"
        if hasattr(model, "history"):
            version = obj.history.order_by("history_date").first()
            revert = translator_client.post(url(model, "simple_history", obj.pk, version.history_id), attempt)
            assert revert.status_code == 403 and proposed(model, obj.pk) == after, f"{model.__name__}: revert"

        # 3. The same crafted values from someone allowed to change everything are stored, every one.
        fresh = browser_data(form_of(superuser_client, change_url))
        response = superuser_client.post(change_url, with_changes(fresh, changes))
        assert response.status_code == 302, (model, response.context and response.context["adminform"].form.errors)
        allowed = stored(model, obj.pk)
        for field in locked:
            assert allowed[field.name] != after[field.name], f"crafted {model.__name__}.{field.name} is not valid"
        listed = list_editable_post(model_admin, obj, allowed)
        if listed:
            superuser_client.post(url(model, "changelist"), listed)
            changed = stored(model, obj.pk)
            assert all(changed[name] != allowed[name] for name in model_admin.list_editable), model


def assert_all_refused(client, model, obj):
    for name, args in [("changelist", ()), ("add", ()), ("change", (obj.pk,)), ("delete", (obj.pk,))]:
        page = url(model, name, *args)
        assert client.get(page).status_code == 403, page
        assert client.post(page, {"is_superuser": "on", "status": "closed", "post": "yes"}).status_code == 403, page


def list_editable_post(model_admin, obj, current):
    if not model_admin.list_editable:
        return None
    data = {
        "_save": "Save",
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "form-0-id": str(obj.pk),
    }
    for name in model_admin.list_editable:
        field = obj._meta.get_field(name)
        data = with_changes(data, {f"form-0-{k}": v for k, v in crafted(field, current[name]).items()})
    return data
