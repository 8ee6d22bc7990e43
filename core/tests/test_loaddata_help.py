"""A reader of `manage.py loaddata --help` learns that the command is the project's own."""

from django.core.management import get_commands, load_command_class


def test_loaddata_is_the_projects_own_and_its_help_says_so():
    assert get_commands()["loaddata"] == "core"
    command = load_command_class("core", "loaddata")
    help_text = command.create_parser("manage.py", "loaddata").format_help()
    assert "core/management/commands/loaddata.py" in help_text
    assert "validating every object" in help_text
    assert "--populate" not in help_text.replace("No --populate option", "")
