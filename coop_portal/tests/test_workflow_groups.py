"""Issue 25, point 1: the review workflow's three groups exist, stored in English and shown
translated; on every reviewed content type Writers add and change (their saves are revisions),
Reviewers and Approvers change and view, and none of them deletes (core/editorial/roles.py)."""

import pytest
from django.contrib.auth.models import Group

from coop_portal.tests.test_layering import exported_models
from core import registry
from core.editorial.roles import APPROVER, REVIEWER, WRITER


@pytest.mark.django_db
@pytest.mark.parametrize("model", exported_models(), ids=lambda model: model._meta.label)
def test_the_workflow_roles_on_every_content_model(model):
    name = model._meta.model_name
    declared = registry.get(model)
    reviewed = declared is not None and declared.reviewed
    # The picture library (declared, not reviewed): Writers add pictures for their items.
    library = declared is not None and not declared.reviewed
    expected = {
        WRITER: {f"view_{name}", f"add_{name}", f"change_{name}"}
        if reviewed
        else {f"view_{name}", *([f"add_{name}"] if library else [])},
        REVIEWER: {f"view_{name}", f"change_{name}"} if reviewed else {f"view_{name}"},
        APPROVER: {f"view_{name}", f"change_{name}"} if reviewed else {f"view_{name}"},
    }
    for role in (WRITER, REVIEWER, APPROVER):
        codenames = set(
            Group.objects.get(name=role)
            .permissions.filter(content_type__app_label=model._meta.app_label, content_type__model=name)
            .values_list("codename", flat=True)
        )
        assert codenames == expected[role], role


@pytest.mark.django_db
def test_the_workflow_roles_delete_nothing_and_publish_only_through_their_step():
    for role in (WRITER, REVIEWER, APPROVER):
        codenames = set(Group.objects.get(name=role).permissions.values_list("codename", flat=True))
        assert not {c for c in codenames if c.startswith(("delete_", "publish_"))}, role
    assert {"review_revision"} == {
        c for c in Group.objects.get(name=REVIEWER).permissions.values_list("codename", flat=True) if "revision" in c
    }
    assert {"sign_off_revision"} == {
        c for c in Group.objects.get(name=APPROVER).permissions.values_list("codename", flat=True) if "revision" in c
    }


def test_the_workflow_groups_are_named_in_the_readers_language(admin_client):
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "zh-hans"
    page = admin_client.get("/admin/auth/group/").content.decode()
    for chinese in ("撰稿人", "审核人", "签发人"):
        assert chinese in page
    assert set(Group.objects.values_list("name", flat=True)) >= {"Writer", "Reviewer", "Approver"}
