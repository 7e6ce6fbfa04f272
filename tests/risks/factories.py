"""Factories for the risks tests. Ratings cycle through every cell so counts are spread out."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from scorecard.organisation.models import Directorate, User
from scorecard.risks import services
from scorecard.risks.choices import RegisterKind, RiskCategory
from scorecard.risks.models import Action, Register, Risk, RiskArea

TODAY = dt.date(2017, 12, 14)  # the day of the seed Cabinet report


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"officer{n}")
    first_name = factory.Sequence(lambda n: f"Officer{n}")
    last_name = "Smith"


class DirectorateFactory(DjangoModelFactory):
    class Meta:
        model = Directorate

    code = factory.Sequence(lambda n: f"D{n}")
    name = factory.Sequence(lambda n: f"Directorate {n}")


class RegisterFactory(DjangoModelFactory):
    class Meta:
        model = Register

    name = factory.Sequence(lambda n: f"Register {n}")
    kind = RegisterKind.DIRECTORATE
    directorate = factory.SubFactory(DirectorateFactory)


class RiskAreaFactory(DjangoModelFactory):
    class Meta:
        model = RiskArea

    name = factory.Sequence(lambda n: f"Risk area {n}")
    owner = factory.SubFactory(UserFactory)


class RiskFactory(DjangoModelFactory):
    """A risk saved straight to the table (for bulk tests); services are tested on their own."""

    class Meta:
        model = Risk

    reference = factory.Sequence(lambda n: f"R{n:05d}")
    title = factory.Sequence(lambda n: f"Risk number {n}")
    category_id = RiskCategory.STRATEGIC  # a standard category, made by the migration
    owner = factory.SubFactory(UserFactory)
    register = factory.SubFactory(RegisterFactory)
    inherent_likelihood = 5
    inherent_impact = 5
    current_likelihood = factory.Sequence(lambda n: n % 5 + 1)
    current_impact = factory.Sequence(lambda n: n // 5 % 5 + 1)
    identified_on = dt.date(2017, 4, 1)
    next_review_on = factory.Sequence(lambda n: TODAY + dt.timedelta(days=n % 40 - 20))


class ActionFactory(DjangoModelFactory):
    class Meta:
        model = Action

    risk = factory.SubFactory(RiskFactory)
    description = factory.Sequence(lambda n: f"Action {n}")
    owner = factory.SubFactory(UserFactory)
    due_on = factory.Sequence(lambda n: TODAY + dt.timedelta(days=n % 20 - 10))


def default_matrix():
    """The default 5 x 5 matrix, stored and current."""
    return services.risk_matrix_create_default()


def corporate_register() -> Register:
    return services.register_create(name="Corporate Risk Register", kind=RegisterKind.CORPORATE)
