"""The review workflow's e-mails (issue 25, point 10): the next step's members when something waits
for them, the writer on rejection and publication, each in their admin language; a failed e-mail
never undoes the action and is sent again by ``retry_workflow_notifications``."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import CommandError, call_command

from core import workflow
from core.editorial.roles import APPROVER, REVIEWER, WRITER
from core.models import StaffLanguage
from core.models.workflow import AuditEntry, Revision
from core.workflow import notifications
from facts.tests.factories import SourceFactory

FAILING = "inquiries.tests.mail_backends.SMTPFailingBackend"


def member(django_user_model, name, group, language=None, **extra):
    fields = {"email": f"{name}@example.org", "is_staff": True, **extra}
    user = django_user_model.objects.create_user(name, password="pw", **fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    if language:
        StaffLanguage.objects.create(user=user, language=language)
    return user


@pytest.fixture
def people(db, django_user_model, settings):
    settings.INQUIRY_NOTIFY_LANGUAGE = "en"  # staff who chose no language
    for group, codename in ((REVIEWER, "review_revision"), (APPROVER, "sign_off_revision")):
        Group.objects.get(name=group).permissions.add(Permission.objects.get(codename=codename))
    return {
        "writer": member(django_user_model, "wendy", WRITER),
        "wang": member(django_user_model, "wang", REVIEWER, "zh-hans"),
        "rita": member(django_user_model, "rita", REVIEWER, "en"),
        "approver": member(django_user_model, "li", APPROVER, "zh-hans"),
        "root": django_user_model.objects.create_superuser("root", "root@example.org", "pw"),
        # In the group but unreachable: no address, or no longer active.
        "silent": member(django_user_model, "silent", REVIEWER, email=""),
        "gone": member(django_user_model, "gone", REVIEWER, is_active=False),
    }


def written(writer, title="Annual report 2024"):
    source = SourceFactory()
    source.title_en = title
    return workflow.save_revision(source, writer)


def outbox():
    return {tuple(message.to): message for message in mail.outbox}


def test_a_submission_tells_each_reviewer_in_their_admin_language(people, django_capture_on_commit_callbacks):
    revision = written(people["writer"])
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(revision, people["writer"])

    sent = outbox()
    # The Reviewers, not the writer, the Approver, a superuser, nor those without an address.
    assert set(sent) == {("wang@example.org",), ("rita@example.org",)}
    chinese, english = sent["wang@example.org",], sent["rita@example.org",]
    assert chinese.subject == "待您审核：Annual report 2024"
    assert "wendy 提交了来源“Annual report 2024”，等待审核" in chinese.body
    assert english.subject == "Waiting for your review: Annual report 2024"
    assert "wendy submitted the source “Annual report 2024” for review" in english.body
    entry = AuditEntry.objects.get(action=AuditEntry.Action.SUBMITTED)
    assert entry.notified_at is not None and entry.notification_error == ""


def test_the_email_links_to_the_review_page_at_the_sites_address(people, settings, django_capture_on_commit_callbacks):
    settings.SITE_URL = "https://portal.example.org"
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(written(people["writer"]), people["writer"])
    entry = AuditEntry.objects.get(action=AuditEntry.Action.SUBMITTED)
    link = f"https://portal.example.org/admin/review/{entry.revision_id}/"
    assert len(mail.outbox) == 2 and all(link in message.body for message in mail.outbox)


def test_nobody_is_asked_to_review_what_they_edited(people, django_capture_on_commit_callbacks):
    revision = written(people["writer"])
    revision = workflow.save_revision(revision.model.objects.get(pk=revision.object_id), people["rita"])
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(revision, people["writer"])
    assert set(outbox()) == {("wang@example.org",)}  # Rita edited it: four eyes


def test_an_approval_tells_the_approvers(people, django_capture_on_commit_callbacks):
    revision = workflow.submit(written(people["writer"]), people["writer"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.approve(revision, people["wang"])
    (message,) = mail.outbox
    assert message.to == ["li@example.org"]
    assert message.subject == "待您签发：Annual report 2024"
    assert "wang 已审核通过来源“Annual report 2024”，等待签发" in message.body


def test_with_one_step_a_submission_goes_to_the_approvers(people, monkeypatch, django_capture_on_commit_callbacks):
    monkeypatch.setitem(workflow._steps, "source", lambda: 1)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(written(people["writer"]), people["writer"])
    (message,) = mail.outbox
    assert message.to == ["li@example.org"]
    assert "wendy 提交了来源“Annual report 2024”，等待签发" in message.body


def test_superusers_are_told_only_when_nobody_else_holds_the_step(people, django_capture_on_commit_callbacks):
    people["approver"].groups.clear()
    revision = workflow.submit(written(people["writer"]), people["writer"])
    with django_capture_on_commit_callbacks(execute=True):
        workflow.approve(revision, people["wang"])
    (message,) = mail.outbox
    assert message.to == ["root@example.org"]
    assert message.subject == "Waiting for your sign-off: Annual report 2024"


def test_a_rejection_gives_the_writer_the_reason_in_their_language(people, django_capture_on_commit_callbacks):
    StaffLanguage.objects.create(user=people["writer"], language="zh-hans")
    revision = workflow.submit(written(people["writer"]), people["writer"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.reject(revision, people["rita"], "The publisher's name is missing its Chinese form.")
    (message,) = mail.outbox
    assert message.to == ["wendy@example.org"]
    assert message.subject == "已退回：Annual report 2024"
    assert "rita 退回了来源“Annual report 2024”" in message.body
    assert "退回理由：\nThe publisher's name is missing its Chinese form." in message.body


def test_a_sign_off_tells_the_writer_it_is_published(people, django_capture_on_commit_callbacks):
    revision = workflow.approve(workflow.submit(written(people["writer"]), people["writer"]), people["wang"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.sign_off(revision, people["approver"])
    (message,) = mail.outbox
    assert message.to == ["wendy@example.org"]
    assert message.subject == "Published: Annual report 2024"
    assert "li signed off the source “Annual report 2024”: it is published" in message.body


def test_cancelling_sends_nothing(people, django_capture_on_commit_callbacks):
    revision = workflow.submit(written(people["writer"]), people["writer"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.cancel(revision, people["writer"])
    assert mail.outbox == []


def test_a_failed_email_keeps_the_action_and_is_sent_by_the_retry_command(
    people, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = FAILING
    with django_capture_on_commit_callbacks(execute=True):
        revision = workflow.submit(written(people["writer"]), people["writer"])
    revision.refresh_from_db()
    assert revision.state == Revision.State.IN_REVIEW  # the submission stands
    entry = AuditEntry.objects.get(action=AuditEntry.Action.SUBMITTED)
    assert entry.notified_at is None
    assert "SMTPServerDisconnected" in entry.notification_error

    with pytest.raises(CommandError, match=f"Still failing: audit entries {entry.pk}"):
        call_command("retry_workflow_notifications", verbosity=0)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("retry_workflow_notifications", "--base-url=https://portal.example.org", verbosity=0)
    assert set(outbox()) == {("wang@example.org",), ("rita@example.org",)}
    assert f"https://portal.example.org/admin/review/{entry.revision_id}/" in mail.outbox[0].body
    entry.refresh_from_db()
    assert entry.notified_at is not None and entry.notification_error == ""

    mail.outbox.clear()
    call_command("retry_workflow_notifications", verbosity=0)
    assert mail.outbox == []  # nothing is sent twice


def test_a_request_answered_meanwhile_is_not_sent_late(people, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = FAILING
    with django_capture_on_commit_callbacks(execute=True):
        revision = workflow.submit(written(people["writer"]), people["writer"])
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        workflow.reject(revision, people["wang"], "Not yet.")
    mail.outbox.clear()
    call_command("retry_workflow_notifications", verbosity=0)
    # The review was done: the Reviewers are not asked for it any more.
    assert mail.outbox == []
    assert not notifications.due_for_retry().exists()


def test_nobody_to_email_is_settled_not_retried(people, django_capture_on_commit_callbacks):
    people["writer"].email = ""
    people["writer"].save()
    revision = workflow.submit(written(people["writer"]), people["writer"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.reject(revision, people["wang"], "Not yet.")
    assert mail.outbox == []
    entry = AuditEntry.objects.get(action=AuditEntry.Action.REJECTED)
    assert entry.notified_at is not None and "Nobody to e-mail" in entry.notification_error
    call_command("retry_workflow_notifications", verbosity=0)  # does not fail on it
