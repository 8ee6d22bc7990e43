import pytest
from django.contrib.auth.models import Group

from core.editorial.roles import EDITOR


@pytest.fixture
def editor_client(client, django_user_model, media_root):
    """Signed in as a member of the Editor group (not a superuser), uploads into a temporary folder."""
    user = django_user_model.objects.create_user("ed", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR))
    client.force_login(user)
    return client


def stored_files(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
