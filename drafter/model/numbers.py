"""Numbers as a hand-written file means them: a YAML boolean is never a count ("yes" is not
1 tập thể), and a figure has a sane size (1e400 or thirty digits are typos, and would break
Decimal arithmetic later, in a template, far from the field)."""
from __future__ import annotations

from decimal import Decimal
from typing import get_args

from pydantic import BaseModel

MAX_DIGITS = 18  # beyond this a figure is a typo, and Decimal arithmetic (28 digits) would fail
MAX_PLACES = 10  # digits after the point


def plain_number(value, numeric: bool, where: str) -> None:
    """YAML booleans are never counts ("yes" -> 1 tập thể); a number has a sane size.
    Raises ValueError("code@field.path"): validate.py puts the error on that field."""
    if isinstance(value, bool):
        if numeric:
            raise ValueError(f"bool_not_count@{where}")
    elif isinstance(value, str) and numeric and value.strip()[:1] in set("+-.0123456789"):
        try:  # "1e400" is text to YAML, a number to pydantic: check what it will become
            number = Decimal(value.strip().replace("_", ""))
        except ArithmeticError:
            return
        plain_number(number, numeric, where)
    elif isinstance(value, (int, Decimal)):
        digits = value.as_tuple() if isinstance(value, Decimal) else None
        if (digits and (not value.is_finite() or len(digits.digits) > MAX_DIGITS
                        or -digits.exponent > MAX_PLACES)) or abs(value) >= 10 ** MAX_DIGITS:
            raise ValueError(f"number_too_long@{where}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            plain_number(item, numeric, f"{where}.{i}")
    elif isinstance(value, dict):
        for key, item in value.items():
            plain_number(item, numeric, f"{where}.{key}")


def _numeric(annotation) -> tuple[bool, bool]:
    """(takes a number and no boolean, holds a model) for a field's annotation."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return False, True
    if annotation is bool:
        return False, False
    found = annotation in (int, Decimal)
    has_bool = models = False
    for arg in get_args(annotation):
        number, model = _numeric(arg)
        found, models = found or number, models or model
        has_bool = has_bool or arg is bool
    return found and not has_bool, models


def plain_numbers(model: type[BaseModel], data):
    """Before validation of MODEL: check each field's raw value against the field's type."""
    if isinstance(data, dict):
        fields = model.model_fields
        for name, value in data.items():
            if name in fields and isinstance(value, (bool, int, Decimal, str, list, dict)):
                numeric, models = _numeric(fields[name].annotation)
                if not (models and isinstance(value, (list, dict))):  # a nested model checks its own
                    plain_number(value, numeric, name)
    return data
