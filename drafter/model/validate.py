"""Validate loaded data against the model; every problem at once, each with its line."""
from __future__ import annotations

import re
import typing

from pydantic import BaseModel, ValidationError

from ..errors import DrafterError, Issue, pack
from ..read.loader import Loaded, _dotted
from . import KINDS, Document, EventBase
from .clerk import understand
from .hints import typed_hint

# pydantic error type -> our message code
_CODES = {
    "missing": "missing",
    "int_type": "expected_int", "int_parsing": "expected_int", "int_from_float": "expected_int",
    "float_type": "expected_number", "float_parsing": "expected_number",
    "decimal_type": "expected_number", "decimal_parsing": "expected_number",
    "string_type": "expected_text", "bool_type": "expected_bool", "bool_parsing": "expected_bool",
    "date_type": "expected_date", "date_parsing": "expected_date", "date_from_datetime_parsing": "expected_date",
    "date_from_datetime_inexact": "expected_date",
    "list_type": "expected_list", "model_type": "expected_mapping", "dict_type": "expected_mapping",
    "model_attributes_type": "expected_mapping",
    "greater_than_equal": "too_small", "greater_than": "too_small",
    "less_than_equal": "too_big", "less_than": "too_big",
    "too_short": "too_short", "string_pattern_mismatch": "bad_pattern",
}


def validate(loaded: Loaded) -> EventBase:
    """The event described by the file, or a DrafterError listing every problem."""
    data = loaded.data
    kind = data.get("kind")
    allowed = ", ".join(KINDS)
    if kind is None:
        raise DrafterError([Issue(loaded.file, 1, 1, "kind", "missing_kind", pack({"allowed": allowed}))])
    if not isinstance(kind, str) or kind not in KINDS:  # "kind: [x]" is no kind either
        line, col = loaded.mark(("kind",))
        raise DrafterError([Issue(loaded.file, line, col, "kind", "unknown_kind", pack({"allowed": allowed}))])
    data, _ = understand(data)  # what was understood is said by the checks (check/clerk.py)
    try:
        return Document.model_validate(data).root
    except ValidationError as exc:
        issues = [_issue(loaded, KINDS[kind], err) for err in exc.errors()]
    first: dict[str, Issue] = {}
    # one problem per field: a union reports each member's complaint; "a number" (int | Decimal)
    # says more than its first member's "a whole number"
    for issue in sorted(issues, key=lambda i: i.code != "expected_number"):
        first.setdefault(issue.path, issue)
    raise DrafterError(sorted(first.values(), key=lambda i: (i.line or 0, i.col or 0, i.path)))


# Parts of pydantic's error locations that name a union member or a key, not a field.
_NOT_FIELDS = {"int", "decimal", "bool", "str", "float", "[key]"}


def _issue(loaded: Loaded, model: type[BaseModel], err: dict) -> Issue:
    loc = tuple(err["loc"][1:])  # drop the union tag
    code_at = str((err.get("ctx") or {}).get("error", "")) if err["type"] == "value_error" else ""
    if "@" in code_at:  # a model validator's "code@field.path": the error belongs to that field
        loc += tuple(int(p) if p.isdigit() else p for p in code_at.split("@", 1)[1].split("."))
    loc = tuple(p for p in loc if not (isinstance(p, str) and (
        p.startswith(("function-", "constrained-")) or p in _NOT_FIELDS or p[:1].isupper() and p.isidentifier())))
    line, col = loaded.mark(loc)
    kind = err["type"]
    ctx = err.get("ctx") or {}
    args: dict = {}
    if kind == "extra_forbidden" and str(loc[-1]).isdigit():
        code = "stray_number"  # "{value: 94,1}": the digits after the comma became a key
        args["text"] = loc[-1]
    elif kind == "extra_forbidden" and " " in str(loc[-1]) and not loaded.in_flow(loc):
        code, args = typed_hint(loc, (loc[-1], err.get("input")), "block_key") or ("not_a_field", {"text": loc[-1]})
    elif kind == "extra_forbidden" and " " in str(loc[-1]):
        code = "stray_text"  # "{after: a, b}": the text after a comma became a key
        args["text"] = loc[-1]
    elif kind == "extra_forbidden":
        code = "extra_forbidden"
        suggestion = _suggest(model, loc)
        if suggestion:
            args["suggest"] = suggestion
    elif err.get("input", ...) is None and kind not in ("missing", "value_error"):
        code = "missing_value"  # "name:" left empty in the file
    elif kind == "string_type" and isinstance(err.get("input"), (int, float)):
        code = "expected_text_quote"  # time: 12:03 is a number to YAML 1.1
    elif kind in ("literal_error", "enum"):
        code = "expected_one_of"
        args["allowed"] = ctx.get("expected", "").replace("'", "").replace(" or ", ", ")
    elif kind == "value_error":
        # Our validators raise ValueError(code); pydantic prefixes "Value error, ".
        code = str(ctx.get("error", "")).split("@")[0] or "invalid"
        code, _, value = code.partition(":")  # "control_char:U+001B": the code and what it is about
        args["detail"] = err["msg"]
        if "=" in value:  # "badges_sum:sum=4,total=5": named values
            args.update(part.split("=", 1) for part in value.split(","))
        elif value:
            args["value"] = value
    elif kind.startswith("date_") and _impossible_date(err.get("input")):
        code, args = _impossible_date(err["input"])
    elif hint := typed_hint(loc, err.get("input"), kind):  # "hơn 30", "30%", "sáng 3/10": what to write
        code, args = hint
    elif kind in _CODES:
        code = _CODES[kind]
        args["limit"] = ctx.get("ge", ctx.get("gt", ctx.get("le", ctx.get("lt", ctx.get("min_length", "")))))
    else:
        code, args["detail"] = "invalid", err["msg"]
    return Issue(loaded.file, line, col, _dotted(loc), code, pack(args))


def _impossible_date(value) -> tuple[str, dict] | None:
    """2025-02-30 or 2025-13-01: say which day or month does not exist."""
    import calendar  # only for a date that failed
    found = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value) if isinstance(value, str) else None
    if not found:
        return None
    year, month, day = map(int, found.groups())
    if not 1 <= month <= 12:
        return "month_impossible", {"month": month}
    days = calendar.monthrange(year, month)[1]
    if 1 <= day <= days:
        return None
    return "date_impossible", {"year": year, "month": month, "day": day,
                               "days": days}


def _suggest(model: type[BaseModel], loc: tuple) -> str | None:
    """The field a misspelt key most likely meant, looked up in the model at that path."""
    fields = _fields_at(model, loc[:-1])
    import difflib  # only for a misspelt key: not at every start

    close = difflib.get_close_matches(str(loc[-1]), fields, n=1, cutoff=0.6)
    return close[0] if close else None


def _fields_at(model, loc: tuple) -> list[str]:
    current = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        current = _model_in(field.annotation)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def _model_in(annotation):
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
