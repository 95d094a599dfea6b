"""`createsuperuser`, needing an email address: the admin signs in on the site's sign-in page,
which takes an email address (and a confirmed one: verification is mandatory).

Django's own command lets the email be left blank, and such an account could never sign in.
This one asks again until it gets an address no other account uses (or, with --noinput, stops
without --email or DJANGO_SUPERUSER_EMAIL), and records the address as confirmed: whoever runs
the command vouches for it, as `create_editor` does for an editor's.
"""

import os

from allauth.account.models import EmailAddress
from django.contrib.auth.management.commands import createsuperuser
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models.signals import post_save

NEEDED = "An email address is needed: the admin signs in with it."


class Command(createsuperuser.Command):
    help = (
        "Create a superuser who signs in with an email address (needed: --email, or "
        "DJANGO_SUPERUSER_EMAIL with --noinput), recorded as confirmed."
    )

    def handle(self, *args, **options):
        database = options["database"]
        given = options.get("email")
        if not options["interactive"] and given is None:
            given = os.environ.get("DJANGO_SUPERUSER_EMAIL")
        if given is not None or not options["interactive"]:
            problem = self._email_problem((given or "").strip(), database)
            if problem:
                raise CommandError(problem)
            options["email"] = given.strip()

        new_users = []

        def note(sender, instance, created, **kwargs):
            if created:
                new_users.append(instance)

        post_save.connect(note, sender=self.UserModel, weak=False)
        try:
            with transaction.atomic(using=database):
                super().handle(*args, **options)
                for user in new_users:
                    EmailAddress.objects.db_manager(database).create(
                        user=user, email=user.email, primary=True, verified=True
                    )
        finally:
            post_save.disconnect(note, sender=self.UserModel)

    def get_input_data(self, field, message, default=None):
        value = super().get_input_data(field, message, default)
        if field.name == "email" and value is not None:
            problem = self._email_problem(value.strip(), self._database)
            if problem:
                self.stderr.write(f"Error: {problem}")
                return None
            value = value.strip()
        return value

    def execute(self, *args, **options):
        self._database = options.get("database") or "default"
        return super().execute(*args, **options)

    def _email_problem(self, email: str, database: str) -> str | None:
        if not email:
            return NEEDED
        users = self.UserModel._default_manager.db_manager(database)
        taken = users.filter(email__iexact=email).exists()
        taken = (
            taken or EmailAddress.objects.db_manager(database).filter(email__iexact=email).exists()
        )
        if taken:
            return f"Another account already uses {email}."
        return None
