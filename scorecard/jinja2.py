"""The Jinja2 environment for product pages.

Adds the GOV.UK Frontend macros (imported as "govuk_frontend_jinja/...") to the
loader, and the few helpers templates need: static(), url(), navigation_items(), and the
filters that write figures and dates in GOV.UK style wherever the product prints them:
`value | figure(decimals, unit)` (1,310 / 50.0% / £4,680), `date | long_date` (31 March 2018)
and `count | plural("indicator")` (1 indicator, 2 indicators).
"""

import datetime as dt

from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader

from scorecard.core.figures import figure, long_date, plural
from scorecard.core.periods import parse as parse_period
from scorecard.navigation import navigation_items, offers_api_token


def url(viewname: str, *args, **kwargs) -> str:
    return reverse(viewname, args=args or None, kwargs=kwargs or None)


def local_long_date(value) -> str:
    """A date, or a moment in the council's local time, as "31 March 2018"."""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return long_date(value)


def period_label(key: str) -> str:
    """A stored period's key as people read it: "2017/18-Q3" is "Quarter Three 2017/18" (the
    label does not depend on the month the council's year starts)."""
    return parse_period(key).label


def setup_unfinished(user) -> int:
    """Required setup steps left, for an administrator (the home page's pointer)."""
    from scorecard.setup import setup_unfinished as steps_left  # reads the apps' models

    return steps_left(user)


def user_can_set_up(user) -> bool:
    """May the user do the setup steps (the "what to do next" links on empty pages)?"""
    from scorecard.organisation.selectors import user_can_manage_organisation

    return user_can_manage_organisation(user)


def public_site_on() -> bool:
    """Is the public performance site on (the pages an anonymous visitor lands on link to it)?"""
    from scorecard.public.selectors import public_site_get  # reads the public app's model

    return public_site_get().is_enabled


def environment(**options) -> Environment:
    options["loader"] = ChoiceLoader(
        [
            options["loader"],
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        ]
    )
    options.setdefault("trim_blocks", True)
    options.setdefault("lstrip_blocks", True)
    options.setdefault("extensions", ["jinja2.ext.do"])
    env = Environment(**options)  # noqa: S701 - Django's backend sets autoescape=True
    env.globals.update(
        {
            "static": static,
            "url": url,
            "navigation_items": navigation_items,
            "offers_api_token": offers_api_token,
            "setup_unfinished": setup_unfinished,
            "user_can_set_up": user_can_set_up,
            "public_site_on": public_site_on,
        }
    )
    env.filters.update(
        {
            "figure": figure,
            "long_date": local_long_date,
            "plural": plural,
            "period_label": period_label,
        }
    )
    return env
