"""The facts a YAML file gives: every typed leaf the user wrote, with its field path.

Defaults are not facts (the user did not say them), and neither are presentation choices
(style, acknowledge, where a photo goes) nor codes that only steer wording (a level, a bound).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from decimal import Decimal
from typing import Any, Iterator

from pydantic import BaseModel

# Fields that steer layout or checks, never printed as such.
NOT_FACTS = {
    "kind", "style", "acknowledge", "term_years", "pad", "level", "after", "file", "abbr_of",
    "on_behalf", "type_code", "issuer_code", "honorific", "bound", "weekday", "short_forms",
    "members_bound", "date_precision", "share", "partial",  # codes of the genre's wording (issue 12)
    "cumulative",  # a rating's shares nest ("100% …, trong đó 30% …"): said by the wording
}
# Names: printed exactly as written, never touched by house style.
NAME_FIELDS = {"name", "short", "abbr", "committee", "province", "titles", "committee_members",
               "authors", "by", "appointed_by", "congress", "chosen_by", "issuer", "higher", "to",
               "speaker", "presenter", "assessed_by", "subject_org"}


@dataclass(frozen=True)
class Fact:
    path: str  # "elections.officers[0].name"
    loc: tuple  # ("elections", "officers", 0, "name") for the YAML marks
    value: Any  # str, int, Decimal, bool, date
    name: bool  # a name of a person, organisation or place
    owner: int = 0  # id() of the model holding the field, to see whether a template read it

    @property
    def field(self) -> str:
        return _field(self.loc)


def facts(event: BaseModel) -> list[Fact]:
    found = list(_walk(event, ()))
    if getattr(event, "date_precision", "day") == "year":  # only the year of the date is known
        found = [Fact(f.path, f.loc, f.value.year, f.name, f.owner) if f.path == "date" else f for f in found]
    return found


@lru_cache(maxsize=None)
def _order(cls) -> tuple[tuple[str, Any], ...]:
    """A model's fact fields in declaration order, with their defaults."""
    return tuple((name, f.default) for name, f in cls.model_fields.items() if name not in NOT_FACTS)


def _walk(value: Any, loc: tuple, owner: int = 0) -> Iterator[Fact]:
    if isinstance(value, BaseModel):
        given = value.model_fields_set
        for field, default in _order(type(value)):
            if field in given:
                item = getattr(value, field)
                if default is None or item != default:  # a default restated says nothing new
                    yield from _walk(item, loc + (field,), id(value))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _walk(item, loc + (i,), owner)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, loc + (str(key),), owner)
    elif value is not None and not _is_code(value):
        yield Fact(dotted(loc), loc, value, _field(loc) in NAME_FIELDS, owner)


def _field(loc: tuple) -> str:
    return next((p for p in reversed(loc) if isinstance(p, str)), "")


def _is_code(value: Any) -> bool:
    # False is "not said"; True is said through wording (checked by the template reading it)
    return value is False


def dotted(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def numbers_of(value: Any) -> set:
    """The numbers a fact may print as: itself, or the parts of a date."""
    if isinstance(value, bool):
        return set()
    if isinstance(value, (int, Decimal)):
        return {Decimal(value)}
    if isinstance(value, dt.date):
        return {Decimal(value.day), Decimal(value.month), Decimal(value.year)}
    return set()


def is_number(value: Any) -> bool:
    return isinstance(value, (int, Decimal)) and not isinstance(value, bool)
