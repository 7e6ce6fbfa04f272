"""The matching page's choices that read the database: which directorates the file names that
are not in the system yet, and in which state "the council's approved figures" go in."""

from django.db.models import Q
from django.utils.text import slugify

from scorecard.organisation.choices import Role
from scorecard.organisation.models import Directorate, User
from scorecard.organisation.selectors import user_is_administrator
from scorecard.performance.choices import WorkflowState
from scorecard.performance.services.duties import self_approval_allowed

from .mapping import names_in_column
from .readers import Table


def unknown_directorates(table: Table, header: str) -> dict[str, list[int]]:
    """The directorates the column names (by code or name) that are not in the system, each
    with its rows."""
    known = set()
    for code, name in Directorate.objects.values_list("code", "name"):
        known |= {code.lower(), name.lower()}
    return {
        name: rows
        for name, rows in names_in_column(table, header).items()
        if name.lower() not in known
    }


def directorate_codes(names: list[str]) -> dict[str, str]:
    """A code for each new directorate, made from its name ("Finance, Revs and Bens" ->
    "finance-revs-and-bens"), unique among the stored ones and each other."""
    taken = {c.lower() for c in Directorate.objects.values_list("code", flat=True)}
    codes = {}
    for name in names:
        base = slugify(name)[:30] or "directorate"
        code, n = base, 2
        while code in taken:
            code, n = f"{base[: 30 - len(str(n)) - 1]}-{n}", n + 1
        taken.add(code)
        codes[name] = code
    return codes


def approved_state(user: User) -> tuple[str, str]:
    """The state the council's approved figures go in when `user` imports them, and, when the
    rule of separation of duties keeps them from approving their own figures, who can."""
    if user_is_administrator(user) and self_approval_allowed():
        return WorkflowState.APPROVED, ""
    others = (
        User.objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(memberships__role=Role.ADMINISTRATOR))
        .exclude(pk=user.pk)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )
    names = [p.get_full_name() or p.username for p in others[:5]]
    who = ", ".join(names) if names else "another performance administrator"
    return WorkflowState.SUBMITTED, (
        "You are importing these figures, so you cannot also approve them: they go in as "
        f"submitted, for someone else to approve ({who}, or an indicator's owner)."
    )
