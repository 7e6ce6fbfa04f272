"""The sandbox the cover wording is filled in: Jinja's immutable sandbox, with bounds on the work.

Jinja's sandbox keeps a wording away from Python's insides, but not from work: `"x" * 100000000`
builds a 100 MB text and two nested loops over `range(10000)` turn 100 million times, on every
rendering of the report. Here every rendering has a budget (decision 0025):

- every text it makes or prints (repetition, `%` formatting, `~` joining, filters, calls,
  each `{{ }}`) is counted against MAX_TEXT characters, and refused before a repetition or a
  join is built beyond it;
- every turn of every loop, nested or not, is counted against MAX_TURNS, and every call of a
  function or macro (a macro calling itself loops too) against MAX_CALLS; a range holds at most
  MAX_ITEMS numbers; a power is bounded;
- only filters and text methods that cannot grow a text much are offered, and nothing mutates
  (no `namespace`, no `append`), so no loop can double a text turn after turn.

Going over is a SecurityError (a TemplateError), refused with a plain message where the wording
is saved. Pure module: no Django import.
"""

import re

from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.filters import FILTERS
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_WORDING = 50_000  # characters of the wording itself (the standard one is about 6,000)
MAX_TEXT = 200_000  # characters made or printed in one rendering
MAX_TURNS = 100_000  # loop turns in one rendering, nested loops counted together
MAX_CALLS = 5_000  # calls of functions and macros in one rendering (a call costs many turns)
MAX_ITEMS = 10_000  # numbers in one range, items in one repeated list
MAX_POWER_BITS = 10_000  # binary digits of the result of `**`

SAFE_FILTERS = {
    "abs", "capitalize", "count", "d", "default", "e", "escape", "first", "float", "int",
    "join", "last", "length", "list", "lower", "max", "min", "reverse", "round", "sort",
    "string", "sum", "title", "trim", "truncate", "unique", "upper", "wordcount",
}  # fmt: skip
SAFE_TEXT_METHODS = {
    "capitalize", "count", "endswith", "find", "isdigit", "lower", "lstrip", "rstrip",
    "split", "startswith", "strip", "title", "upper",
}  # fmt: skip
# A width or precision of five digits or more in a `%` format: "%99999999d".
WIDE_FORMAT = re.compile(r"%[-+ #0]*(\*|\d{5,}|\d*\.(\*|\d{5,}))")


class WordingTooLarge(SecurityError):
    """The wording asks for more work than one rendering is given."""


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """One rendering's environment: make a new one for each rendering (it keeps the counts)."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, **options):
        super().__init__(**options)
        self.spent = 0
        self.turns = 0
        self.calls = 0
        self.filters = {name: FILTERS[name] for name in SAFE_FILTERS}
        self.filters["join"] = self._join
        self.filters["_counted"] = self._counted
        self.filters["_spent"] = self._spend
        self.filters["_concat"] = self._concat
        self.globals = {"range": self._range, "dict": dict}

    # --- the budget --------------------------------------------------------------------------

    def _charge(self, characters: int) -> None:
        self.spent += characters
        if self.spent > MAX_TEXT:
            raise WordingTooLarge(
                f"the wording makes more than {MAX_TEXT:,} characters of text; keep it shorter"
            )

    def _spend(self, value):
        """Each `{{ }}` printed, or kept by `{% set %}...{% endset %}`, is counted."""
        self._charge(len(str(value)))
        return value

    def _turn(self) -> None:
        self.turns += 1
        if self.turns > MAX_TURNS:
            raise WordingTooLarge(
                f"the wording's loops and calls run more than {MAX_TURNS:,} times; simplify them"
            )

    def _counted(self, iterable):
        for item in iterable:
            self._turn()
            yield item

    def _range(self, *bounds):
        numbers = range(*bounds)
        if len(numbers) > MAX_ITEMS:
            raise WordingTooLarge(f"a range of more than {MAX_ITEMS:,} numbers is not allowed")
        return numbers

    def _join(self, value, separator="", attribute=None):
        """The join filter, counted before the text is built."""
        if attribute is not None:
            value = [self.getitem(item, attribute) for item in value]
        items = [str(item) for item in value]
        self._charge(sum(map(len, items)) + len(separator) * max(len(items) - 1, 0))
        return separator.join(items)

    def _concat(self, *parts):
        """`a ~ b ~ c`, counted before it is built."""
        texts = [str(part) for part in parts]
        self._charge(sum(map(len, texts)))
        return "".join(texts)

    # --- operators, attributes and calls ---------------------------------------------------

    def call_binop(self, context, operator_name, left, right):
        if operator_name == "**" and _too_powerful(left, right):
            raise WordingTooLarge("this power is too large to work out")
        if operator_name == "*":
            size = _repeated_size(left, right)
            if size is not None:
                items = isinstance(left, list | tuple) or isinstance(right, list | tuple)
                limit, what = (MAX_ITEMS, "items") if items else (MAX_TEXT, "characters")
                if size > limit:
                    raise WordingTooLarge(f"a repetition makes more than {limit:,} {what}")
        if operator_name == "%" and isinstance(left, str) and WIDE_FORMAT.search(left):
            raise WordingTooLarge("a width or precision this large is not allowed")
        if operator_name == "+" and isinstance(left, str | list | tuple):
            self._charge(len(left) + len(right) if hasattr(right, "__len__") else 0)
        result = super().call_binop(context, operator_name, left, right)
        if isinstance(result, str) and operator_name != "+":
            self._charge(len(result))
        return result

    def wrap_str_format(self, value):
        """No `str.format` (a width inside the braces builds any size of text): use `~`."""
        return None

    def is_safe_attribute(self, obj, attr, value):
        if isinstance(obj, str) and attr not in SAFE_TEXT_METHODS:
            return False
        return super().is_safe_attribute(obj, attr, value)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's own signature)
        __self.calls += 1  # a macro calling itself is a loop too
        if __self.calls > MAX_CALLS:
            raise WordingTooLarge(
                f"the wording calls functions or macros more than {MAX_CALLS:,} times; simplify it"
            )
        result = super().call(__context, __obj, *args, **kwargs)
        if isinstance(result, str):
            __self._charge(len(result))
        return result

    # --- the wording, made to count ----------------------------------------------------------

    def _parse(self, source, name, filename):
        if len(source) > MAX_WORDING:
            raise WordingTooLarge(f"the wording is longer than {MAX_WORDING:,} characters")
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = _filtered(loop.iter, "_counted")
        for output in tree.find_all(nodes.Output):
            output.nodes = [
                item if isinstance(item, nodes.TemplateData) else _filtered(item, "_spent")
                for item in output.nodes
            ]
        for concat in list(tree.find_all(nodes.Concat)):
            concat_call = nodes.Filter(
                nodes.Const(""), "_concat", concat.nodes, [], None, None, lineno=concat.lineno
            )
            _replace(tree, concat, concat_call)
        return tree


def _filtered(node, name):
    return nodes.Filter(node, name, [], [], None, None, lineno=node.lineno)


def _replace(tree, old, new) -> None:
    """Put `new` where `old` is in the tree (a node's field, or an item of a list field)."""
    for parent in tree.find_all(nodes.Node):
        for field in parent.fields:
            value = getattr(parent, field, None)
            if value is old:
                setattr(parent, field, new)
                return
            if isinstance(value, list):
                for index, item in enumerate(value):
                    if item is old:
                        value[index] = new
                        return


def _too_powerful(base, exponent) -> bool:
    if not (isinstance(base, int) and isinstance(exponent, int)):
        return False
    return exponent > 0 and abs(base) > 1 and abs(base).bit_length() * exponent > MAX_POWER_BITS


def _repeated_size(left, right) -> int | None:
    """The length of `left * right` when one is a text or list and the other a whole number."""
    for sequence, times in ((left, right), (right, left)):
        if isinstance(sequence, str | list | tuple) and isinstance(times, int):
            return len(sequence) * max(times, 0)
    return None
