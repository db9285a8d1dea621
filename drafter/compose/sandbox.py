"""The Jinja sandbox, bounded: no single operation may build a huge number or string.

The time limit (SIGALRM) is checked between Python bytecodes, so it cannot stop one long C
operation: `9**(9**9)`, `"a" * 10**9`, `"x"|center(10**9)`. Worse, Jinja folds constant
expressions while compiling, where no limit runs at all, and stores the result in the bytecode
cache. So the operators that multiply sizes are intercepted (which also stops their folding),
their operands are checked before the work is done, and so are the size arguments of the
built-in filters and string methods. A template that asks for more gets a clean message.
"""
from __future__ import annotations

import math
import re

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.sandbox import SandboxedEnvironment

SIZE_LIMIT = 5_000_000  # characters (or items) one value may have; the page limit of templating too
BITS_LIMIT = 100_000  # bits of a whole number (about 30,000 digits)


class Overrun(Exception):
    def __init__(self, code: str, limit):
        super().__init__(code)
        self.code, self.limit = code, limit


def _too_large():
    return Overrun("template_too_large", SIZE_LIMIT)


def _size(value) -> int | None:
    return len(value) if isinstance(value, (str, list, tuple)) else None


def _bits(value) -> int:
    return value.bit_length() if isinstance(value, int) and not isinstance(value, bool) else 0


def _check_pow(base, exponent) -> None:
    if isinstance(base, int) and isinstance(exponent, int) and exponent > 0 and abs(base) > 1:
        if exponent * math.log2(abs(base)) > BITS_LIMIT:
            raise Overrun("template_number_too_large", BITS_LIMIT)


def _check_mul(left, right) -> None:
    for seq, times in ((left, right), (right, left)):
        size = _size(seq)
        if size is not None and isinstance(times, int) and size * times > SIZE_LIMIT:
            raise _too_large()
    if _bits(left) + _bits(right) > BITS_LIMIT:
        raise Overrun("template_number_too_large", BITS_LIMIT)


_WIDTH = re.compile(r"%[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


def _check_percent(left, right) -> None:
    """"%1000000000s" % x, or a width taken from the arguments ("%*s")."""
    if not isinstance(left, str):
        return
    args = right if isinstance(right, tuple) else (right,)
    for width, precision in _WIDTH.findall(left):
        for part in (width, precision):
            if part == "*" and any(isinstance(a, int) and a > SIZE_LIMIT for a in args):
                raise _too_large()
            if part.isdigit() and int(part) > SIZE_LIMIT:
                raise _too_large()


def _check_add(left, right) -> None:
    a, b = _size(left), _size(right)
    if a is not None and b is not None and a + b > SIZE_LIMIT:
        raise _too_large()


_CHECKS = {"**": _check_pow, "*": _check_mul, "%": _check_percent, "+": _check_add}
_OPS = {"**": lambda a, b: a ** b, "*": lambda a, b: a * b, "%": lambda a, b: a % b,
        "+": lambda a, b: a + b}


def _check_sizes(args, kwargs) -> None:
    """A size argument (a width, a count) above the limit: "x".center(10**9), "{:>1000000000}"."""
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and value > SIZE_LIMIT:
            raise _too_large()
        if isinstance(value, str) and "{" in value and any(int(n) > SIZE_LIMIT for n in re.findall(r"\d{7,}", value)):
            raise _too_large()


def _bounded_filter(func, name: str):
    """A built-in filter whose extra arguments are sizes checked first; replace's growth too."""
    skip = 1 if getattr(func, "jinja_pass_arg", None) else 0  # a context or environment comes first

    def bounded(*args, **kwargs):
        plain = args[skip:]
        _check_sizes(plain[1:], kwargs)
        if name == "replace" and len(plain) >= 3 and all(isinstance(p, str) for p in plain[:3]):
            value, old, new = plain[:3]
            if old and len(value) + value.count(old) * max(0, len(new) - len(old)) > SIZE_LIMIT:
                raise _too_large()
        if name == "format" and plain:
            _check_percent(plain[0], tuple(plain[1:]))  # "%1000000000s"|format(x)
        return func(*args, **kwargs)

    for attr in ("jinja_pass_arg", "__name__", "__doc__"):
        if hasattr(func, attr):
            setattr(bounded, attr, getattr(func, attr))
    return bounded


def bounded_join(parts) -> str:
    """`a ~ b ~ c` (Jinja's concatenation), refused before a string over the limit is built."""
    texts = [str(p) for p in parts]
    if sum(map(len, texts)) > SIZE_LIMIT:
        raise _too_large()
    return "".join(texts)


class _CodeGenerator(CodeGenerator):
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        # the environment's bounded join instead of str_join (no autoescape in drafter)
        self.write("environment.bounded_join((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class Sandbox(SandboxedEnvironment):
    """SandboxedEnvironment whose size-multiplying operations are bounded."""

    intercepted_binops = frozenset(_CHECKS)
    code_generator_class = _CodeGenerator
    bounded_join = staticmethod(bounded_join)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.globals.pop("lipsum", None)  # lipsum(10**9): not needed by any document
        for name in list(self.filters):
            self.filters[name] = _bounded_filter(self.filters[name], name)

    def call_binop(self, context, operator: str, left, right):
        _CHECKS[operator](left, right)
        return _OPS[operator](left, right)

    def wrap_str_format(self, value):
        """"{:>1000000000}".format(x): the sandbox's own str.format, widths checked first."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        text = value.__self__

        def bounded(*args, **kwargs):
            _check_sizes((text, *args), kwargs if isinstance(kwargs, dict) else {})
            return wrapped(*args, **kwargs)

        return bounded

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's own signature)
        if isinstance(getattr(__obj, "__self__", None), (str, list)):  # "x".ljust(n), "x".zfill(n)
            _check_sizes(args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)
