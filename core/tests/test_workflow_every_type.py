"""The review workflow covers every content type visitors read, every field of it (issue 25,
points 6 and 11): walked from the registry, so a type declared later is covered too."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from core import registry, workflow
from core.editorial.roles import APPROVER, REVIEWER, WRITER
from core.models.workflow import Revision
from core.tests.test_roles_everywhere import BUILDERS, browser_data, crafted, form_of, stored, url, with_changes
from core.workflow import snapshot


def member(django_user_model, username, group):
    user = django_user_model.objects.create_user(username, password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    client.user = user
    return client


def reviewed_types():
    return [content_type.model for content_type in registry.content_types() if content_type.reviewed]


def test_the_picture_library_is_the_only_type_outside_review():
    assert {ct.model._meta.model_name for ct in registry.content_types() if not ct.reviewed} == {"image"}


@pytest.mark.parametrize("model", reviewed_types(), ids=lambda model: model._meta.model_name)
def test_a_writers_change_of_every_field_waits_for_sign_off(model, django_user_model, media_root):
    writer = member(django_user_model, "wang", WRITER)
    reviewer = member(django_user_model, "li", REVIEWER)
    approver = member(django_user_model, "zhao", APPROVER)
    obj = BUILDERS[model]()
    BUILDERS[model]()  # a second row, for every link to point elsewhere
    change = url(model, "change", obj.pk)
    form = form_of(writer, change)
    data = browser_data(form)
    changes = {}
    for name in form.fields:
        if name == "concurrency_fingerprint":
            continue
        field = model._meta.get_field(name)
        changes.update(crafted(field, stored(model, obj.pk)[field.name]))
    live = stored(model, obj.pk)

    response = writer.post(change, with_changes(data, {**changes, "_submit_for_review": "1"}))
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    assert stored(model, obj.pk) == live, "the live row changed before sign-off"

    revision = Revision.objects.get(object_id=obj.pk, content_type__model=model._meta.model_name)
    proposed = {row[0] for row in workflow.pending_changes(revision)}
    # Every field changed in the form (and what follows from it: a new file's name) shows in the diff.
    assert len(proposed) >= len({k.rsplit("_", 1)[0] if k.endswith(("_0", "_1")) else k for k in changes})
    workflow.approve(revision, reviewer.user)
    workflow.sign_off(revision, approver.user)
    after = stored(model, obj.pk)
    for field in [*snapshot.tracked_fields(model), *snapshot.m2m_fields(model)]:
        if field.name in form.fields:
            assert after[field.name] != live[field.name], f"{field.name} was not published"
