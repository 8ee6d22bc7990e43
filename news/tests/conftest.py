import pytest
from django.contrib.auth.models import Group

from core.editorial.roles import EDITOR, TRANSLATOR


def _member(client, django_user_model, username, group):
    user = django_user_model.objects.create_user(username, password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(client, django_user_model):
    return _member(client, django_user_model, "editor-ed", EDITOR)


@pytest.fixture
def translator_client(client, django_user_model):
    return _member(client, django_user_model, "translator-tina", TRANSLATOR)
