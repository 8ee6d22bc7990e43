"""`loaddata` that refuses bad content instead of storing it.

Django's loaddata already runs in one transaction, but it saves objects raw:
no field validation (SQLite stores a 500-character title in a 300-character
column, a status of "bogus" is accepted) and, with natural keys, a slug given
twice in one load silently merges two objects. This command validates every
object as the admin would (``full_clean``), refuses a natural key seen twice,
and reports any problem as one clear error. Any error loads nothing.

It replaces modeltranslation's loaddata too (core is listed before it in
INSTALLED_APPS); that one's ``--populate`` option is not wanted on real data.
"""

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.management.base import CommandError
from django.core.management.commands import loaddata

from core.history import batched_versions
from core.i18n.languages import translated_base_fields
from core.querysets import remembered_natural_keys


class FixtureError(ValueError):
    """An object that must not be loaded. Not a CommandError, so that Django's
    load_label prefixes the fixture file's name before loaddata() reports it."""


class Command(loaddata.Command):
    help = (
        "The portal's loaddata (core/management/commands/loaddata.py), in place of Django's and "
        "modeltranslation's: installs the named fixture(s) in one transaction, validating every object like "
        "an admin form (lengths, choices, English required) and refusing a slug given twice. Objects are "
        "matched by natural key (slug), so loading again updates them; any invalid object loads nothing and "
        "the error names it. New or changed articles and parks get a first history version, and every new or changed "
        "item an 'imported' entry in the audit trail. No --populate option. "
        "See README.md, 'Importing content'."
    )

    def loaddata(self, fixture_labels):
        self.seen_natural_keys = set()
        try:
            with remembered_natural_keys(), batched_versions():
                super().loaddata(fixture_labels)
        except CommandError:
            raise
        except ObjectDoesNotExist as error:
            # A natural-key reference (["some-park"]) to an object that is neither
            # in the database nor in the fixtures being loaded.
            raise CommandError(f"A fixture refers to an object that does not exist: {error}") from error
        except Exception as error:  # noqa: BLE001 - everything becomes one readable message
            raise CommandError(self.explain(error)) from error

    @staticmethod
    def explain(error):
        """Django's JSON deserializer raises an empty DeserializationError from the parser's
        error, so the message ended at "Problem installing fixture '…': ". Add what the parser
        said and where ("Expecting ',' delimiter: line 3 column 5")."""
        message = str(error)
        cause = error.__cause__
        if cause is not None and str(cause) not in message:
            message = f"{message.rstrip(': ')}: {cause}"
        return message

    def save_obj(self, obj):
        instance = obj.object
        label = instance._meta.label
        key = instance.natural_key() if hasattr(instance, "natural_key") else None
        name = f"{label} {list(key)}" if key else label
        if key is not None:
            if (label, key) in self.seen_natural_keys:
                raise FixtureError(f"{name} appears twice in the fixtures being loaded; each slug must be unique.")
            self.seen_natural_keys.add((label, key))
        try:
            # References not resolved yet are checked when they are (see loaddata()).
            skip = [field.name for field in obj.deferred_fields] + translated_base_fields(type(instance))
            instance.full_clean(exclude=skip, validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            problems = "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items())
            raise FixtureError(f"Invalid {name}: {problems}") from error
        return super().save_obj(obj)
