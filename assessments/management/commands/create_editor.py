from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from assessments.editors import EDITORS_GROUP


class Command(BaseCommand):
    help = (
        "Create a content editor: a staff account in the 'Content editors' group, which can "
        "edit causes, strategies and the questionnaire in the admin and nothing else. The "
        "password is read from DJANGO_EDITOR_PASSWORD; without it the account has no usable "
        "password until you set one with 'manage.py changepassword USERNAME'."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("email")

    def handle(self, username, email, **options):
        import os

        try:
            validate_email(email)
        except ValidationError as exc:
            raise CommandError(f"Not an email address: {email!r}", returncode=2) from exc
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"A user called {username!r} already exists.", returncode=2)
        try:
            group = Group.objects.get(name=EDITORS_GROUP)
        except Group.DoesNotExist as exc:
            raise CommandError("Run 'manage.py migrate' first.", returncode=2) from exc
        with transaction.atomic():
            user = User.objects.create_user(
                username, email, password=os.environ.get("DJANGO_EDITOR_PASSWORD") or None
            )
            user.is_staff = True
            user.save(update_fields=["is_staff"])
            user.groups.add(group)
            # Sign-in needs a confirmed address (email verification is mandatory): the
            # administrator who runs this vouches for the editor's.
            from allauth.account.models import EmailAddress

            EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
        self.stdout.write(f"Created editor {username!r} in {EDITORS_GROUP!r}.")
        if not user.has_usable_password():
            self.stdout.write(f"Set their password with: manage.py changepassword {username}")
