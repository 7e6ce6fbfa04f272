"""The Jinja2 environment for product pages.

Adds the GOV.UK Frontend macros (imported as "govuk_frontend_jinja/...") to the
loader, and the few helpers templates need: static(), url(), navigation_items().
"""

from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader

from scorecard.navigation import navigation_items


def url(viewname: str, *args, **kwargs) -> str:
    return reverse(viewname, args=args or None, kwargs=kwargs or None)


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
    env.globals.update({"static": static, "url": url, "navigation_items": navigation_items})
    return env
