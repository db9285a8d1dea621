"""What to write instead, for a value a person typed the way an article prints it: "hơn 30",
"30%", "4 đồng chí", "sáng 3/10", "- Bí thư Chi bộ: Lê Văn Hùng".

`typed_hint` gives (message code, arguments) for a validation error, or None when the value
is not one of these forms (the plain message then stands).
"""
from __future__ import annotations

import re

from .forms import BOUND_WORDS

_NUMBER_ERRORS = ("int_parsing", "int_type", "int_from_float", "decimal_parsing", "decimal_type",
                  "float_parsing", "float_type")
_DATE_ERRORS = ("date_parsing", "date_type", "date_from_datetime_parsing", "date_from_datetime_inexact")
_PERCENT = re.compile(r"([-+]?\d+(?:[.,]\d+)?)\s*%")
_BOUNDED = re.compile(r"(" + "|".join(sorted(BOUND_WORDS, key=len, reverse=True)) + r")\s+(\d+)", re.IGNORECASE)
_PLUS = re.compile(r"(\d+)\s*\+")
_WITH_WORDS = re.compile(r"(\d+)\s+\D.*")
_DECIMAL_COMMA = re.compile(r"(\d+),(\d+)")
_DAY_MONTH = re.compile(r"(?:(sáng|chiều|tối)\s+)?(?:ngày\s+)?(\d{1,2})\s*([/.-])\s*(\d{1,2})(?:\s*\3\s*(\d{2,4}))?",
                        re.IGNORECASE)
_BOUND_OF = {code: word for word, code in BOUND_WORDS.items() if word not in ("ước đạt", "trở lên")}


def typed_hint(loc: tuple, value, kind: str) -> tuple[str, dict] | None:
    field = str(next((p for p in reversed(loc) if isinstance(p, str)), ""))
    if kind == "block_key":  # "- Bí thư Chi bộ: Lê Văn Hùng": a post and a name on one line
        key, name = value
        if "officers" in loc and isinstance(name, str):
            return "officer_line", {"role": key, "name": name}
        return None
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if kind in _NUMBER_ERRORS:
        return _number(field, text)
    if kind in _DATE_ERRORS:
        return _date(field, text)
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        if field == "published":
            return "published_hint", {}
        if field == "attendance":
            return "attendance_hint", {}
    return None


def _number(field: str, text: str) -> tuple[str, dict] | None:
    found = _PERCENT.fullmatch(text)
    if found:
        number = found[1].replace(",", ".")
        if field == "value":
            return "percent_value", {"number": number}
        if "percent" in field:  # attendance.percent, vote_percent: the field is the percentage
            return "percent_number", {"field": field, "number": number}
        return None  # ratings.levels count people: a percentage is no count
    found = _BOUNDED.fullmatch(text)
    plus = _PLUS.fullmatch(text)
    if found or plus:
        number = found[2] if found else plus[1]
        code = BOUND_WORDS[found[1].lower()] if found else "more"
        word = _BOUND_OF.get(code, code)
        if field == "members":
            return "members_bound_hint", {"number": number, "bound": code, "word": word}
        if field == "value":
            return "value_bound_hint", {"number": number, "bound": code, "word": word}
        return "number_only", {"field": field, "number": number}
    found = _DECIMAL_COMMA.fullmatch(text)
    if found:
        return "decimal_comma", {"field": field, "number": f"{found[1]}.{found[2]}"}
    found = _WITH_WORDS.fullmatch(text)
    if found:
        return "number_only", {"field": field, "number": found[1]}
    if field == "ordinal":
        return "ordinal_hint", {}
    return None


def _date(field: str, text: str) -> tuple[str, dict] | None:
    found = _DAY_MONTH.fullmatch(text)
    if not found:
        return None
    time_of_day, day, _, month, year = found.groups()
    if year and len(year) == 2:
        year = "20" + year
    iso = f"{year or 'NNNN'}-{int(month):02d}-{int(day):02d}"
    if year and not 1 <= int(month) <= 12:
        return "month_impossible", {"month": int(month)}
    if year:
        import calendar

        days = calendar.monthrange(int(year), int(month))[1]
        if not 1 <= int(day) <= days:
            return "date_impossible", {"year": year, "month": int(month), "day": int(day), "days": days}
    if time_of_day:
        return "date_time_of_day", {"field": field, "date": iso, "time_of_day": time_of_day.lower()}
    if not year:
        return "date_no_year", {"field": field, "date": iso}
    return "date_write", {"field": field, "date": iso}
