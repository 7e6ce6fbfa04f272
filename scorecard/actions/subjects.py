"""What an action can belong to, and who may see or change it: each subject's app registers
its own access function here (in its AppConfig.ready), so this low layer imports none of them,
as `scorecard/panels.py` does for pages.

    subjects.register("risk", "Risk", risk_access, url=lambda risk: reverse(...))
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Subject:
    key: str  # the Action's foreign key: risk, indicator, project, audit
    label: str  # how a page names the kind: "Risk", "Indicator"...
    access: Callable  # (user, action) -> the subjects' queryset, the subject app's access function
    url: Callable  # (subject) -> its page
    name: Callable = str  # (subject) -> how a list names it
    # The actions whose subject is finished with (a closed risk, a retired indicator): never
    # counted overdue. A field lookup on Action, e.g. {"risk__status": "closed"}.
    finished: dict = field(default_factory=dict)


_SUBJECTS: dict[str, Subject] = {}


def register(subject: Subject) -> None:
    _SUBJECTS[subject.key] = subject


def registered() -> list[Subject]:
    return list(_SUBJECTS.values())


def subject(key: str) -> Subject:
    return _SUBJECTS[key]
