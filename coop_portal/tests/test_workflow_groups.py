"""Issue 25, point 1: the review workflow's three groups exist, stored in English and shown
translated, and hold nothing yet beyond viewing content (core/editorial/roles.py)."""

import pytest
from django.contrib.auth.models import Group

from coop_portal.tests.test_layering import exported_models
from core.editorial.roles import APPROVER, REVIEWER, WRITER


@pytest.mark.django_db
@pytest.mark.parametrize("model", exported_models(), ids=lambda model: model._meta.label)
def test_the_workflow_roles_may_view_every_content_model_and_nothing_more(model):
    name = model._meta.model_name
    for role in (WRITER, REVIEWER, APPROVER):
        codenames = set(
            Group.objects.get(name=role)
            .permissions.filter(content_type__app_label=model._meta.app_label, content_type__model=name)
            .values_list("codename", flat=True)
        )
        assert codenames == {f"view_{name}"}, role


@pytest.mark.django_db
def test_the_workflow_roles_can_do_nothing_else():
    for role in (WRITER, REVIEWER, APPROVER):
        codenames = set(Group.objects.get(name=role).permissions.values_list("codename", flat=True))
        assert codenames and all(codename.startswith("view_") for codename in codenames), role


def test_the_workflow_groups_are_named_in_the_readers_language(admin_client):
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "zh-hans"
    page = admin_client.get("/admin/auth/group/").content.decode()
    for chinese in ("撰稿人", "审核人", "签发人"):
        assert chinese in page
    assert set(Group.objects.values_list("name", flat=True)) >= {"Writer", "Reviewer", "Approver"}
