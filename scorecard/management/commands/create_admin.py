"""`scorecard create-admin --username NAME --email ADDRESS`: the council's first administrator.

Unlike `createsuperuser`, the person also holds the administrator role, so every page of the
product (the setup checklist first) is open to them. The password is asked for twice, read
from an environment variable with `--password-from-env VARIABLE`, or made up and printed
with `--generate-password`.
"""

import getpass
import os
import secrets

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from scorecard.organisation.services import administrator_create


class Command(BaseCommand):
    help = "Create an administrator who signs in to the product with the administrator role."

    def add_arguments(self, parser):
        parser.add_argument("--username", required=True)
        parser.add_argument("--email", default="")
        source = parser.add_mutually_exclusive_group()
        source.add_argument(
            "--password-from-env",
            metavar="VARIABLE",
            help="Read the password from this environment variable instead of asking for it.",
        )
        source.add_argument(
            "--generate-password",
            action="store_true",
            help="Make up a strong password and print it once.",
        )

    def handle(self, *args, username, email, password_from_env, generate_password, **options):
        password = self._password(password_from_env, generate_password)
        try:
            person = administrator_create(username=username, email=email, password=password)
        except ValidationError as error:
            problems = "; ".join(
                f"{field}: {' '.join(texts)}" for field, texts in error.message_dict.items()
            )
            raise CommandError(f"No administrator created. {problems}") from error
        self.stdout.write(f"{person.username} is an administrator.")
        if generate_password:
            self.stdout.write(f"Their password (shown once): {password}")
        self.stdout.write("Sign in and open /setup/ to set up the council.")

    def _password(self, variable: str | None, generate: bool) -> str:
        if generate:
            return secrets.token_urlsafe(18)
        if variable:
            password = os.environ.get(variable, "")
            if not password:
                raise CommandError(f"The environment variable {variable} is empty or not set.")
            return password
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("The two passwords differ: no administrator created.")
        return password
