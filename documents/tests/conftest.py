import pytest


@pytest.fixture(autouse=True)
def _media(media_root):
    """Every document test stores its files in a temporary folder."""
    return media_root


@pytest.fixture
def editor_client(client, django_user_model):
    from django.contrib.auth.models import Group

    from core.editorial.roles import EDITOR

    user = django_user_model.objects.create_user("editor-ed", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR))
    client.force_login(user)
    return client
