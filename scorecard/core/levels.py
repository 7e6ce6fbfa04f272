"""Likelihood and impact as councils write them: the matrix's own words, common synonyms of
those words, a number, or a number on another scale. Pure: no Django."""

from decimal import ROUND_HALF_UP, Decimal

# Other words for the default matrix's labels. A synonym is used only when the matrix has the
# label it stands for, so a council's own words always win.
SYNONYMS = {
    "likelihood": {
        "rare": ("remote", "very unlikely", "highly unlikely", "very low"),
        "unlikely": ("low", "improbable"),
        "possible": ("medium", "moderate", "feasible"),
        "likely": ("high", "probable"),
        "almost certain": ("very likely", "highly likely", "very high", "certain", "expected"),
    },
    "impact": {
        "negligible": ("insignificant", "minimal", "very low"),
        "minor": ("low", "marginal"),
        "moderate": ("medium", "significant"),
        "major": ("high", "serious"),
        "severe": ("very high", "catastrophic", "critical", "extreme"),
    },
}


def _words(text: str) -> str:
    return " ".join(str(text).replace("_", " ").replace("-", " ").lower().split())


def level_from_words(text: str, labels: dict[int, str], axis: str) -> int | None:
    """The level `text` names on a scale whose labels are `labels` (number -> label): its label
    in any case, a synonym of one, or a number written before a word ("3 - Possible").
    None when it names no level."""
    wanted = _words(text)
    by_label = {_words(label): number for number, label in labels.items()}
    if wanted in by_label:
        return by_label[wanted]
    for label, others in SYNONYMS.get(axis, {}).items():
        if wanted in others and label in by_label:
            return by_label[label]
    head = wanted.split(" ", 1)[0].rstrip(".:)")
    if head.isdigit() and int(head) in labels:
        rest = wanted[len(head) :].strip(" .:)(")
        if not rest or by_label.get(rest) in {None, int(head)}:
            return int(head)
    return None


def rescale(number: int, *, file_top: int, matrix_top: int) -> int:
    """A level on the file's scale 1..file_top placed on the matrix's 1..matrix_top, keeping the
    ends and spacing the steps evenly, rounded half up (1-3 onto 1-5: 1, 3, 5)."""
    if not 1 <= number <= file_top:
        raise ValueError(f"{number} is not between 1 and {file_top}")
    if file_top == 1:
        return 1
    exact = 1 + Decimal(number - 1) * (matrix_top - 1) / (file_top - 1)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
