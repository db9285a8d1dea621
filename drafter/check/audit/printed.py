"""Every fact in, nothing invented: the facts a document does not print, the figures it
prints that no fact gives."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Callable, Iterable

from ...compose.blocks import Block
from ...compose.words import current as current_words
from .facts import Fact, is_number, numbers_of
from .text import block_texts, key, numbers_in, plain

# Figures a document may print that the data implies by a rule anyone can check.
DERIVED: dict[str, Callable] = {
    "previous congress (ordinal - 1)": lambda e: [e.ordinal - 1] if getattr(e, "ordinal", None) else [],
    "the year after the year reviewed (year + 1)": lambda e: [e.year + 1] if getattr(e, "year", None) else [],
    "the months left in the year (12 - months reviewed)":
        lambda e: [12 - p.months for p in (getattr(e, "period", None), getattr(e, "review", None)) if p],
    "the people admitted, counted from their names": lambda e: [len(getattr(e, "new_members", None) or [])],
    "the Party's founding day 3/2/1930 and its anniversary's year, for an anniversary":
        lambda e: [3, 2, 1930, 1930 + e.anniversary] if getattr(e, "anniversary", None) else [],
}
# Labels the writer or the template's numbering puts in front of items: "(1)", "I-", "1.", "a)".
STRUCTURAL_KINDS = {"heading", "clause"}  # a resolution's "Điều 1." too


def unprinted(facts: Iterable[Fact], blocks: list[Block], reads: set, scope: tuple[str, ...]) -> list[Fact]:
    """Facts the document never states (outside what it declares out of its scope)."""
    texts = [t for _, t in block_texts(blocks)]
    raw = plain("\n".join(texts))
    styled: list[str] = []  # built only when some value is not found as written
    numbers = {v for t in texts for _, v in numbers_in(t)}
    missing = []
    exact, under = set(scope), tuple(s + sep for s in scope for sep in ".[")
    for fact in facts:
        if fact.path in exact or fact.path.startswith(under):
            continue
        if _printed(fact, raw, styled, texts, numbers, reads):
            continue
        missing.append(fact)
    return missing


def _printed(fact: Fact, raw: str, styled: list[str], texts, numbers, reads) -> bool:
    value = fact.value
    if value is True:  # said through wording: the template must at least have asked
        return (fact.owner, fact.field) in reads
    if is_number(value):
        return Decimal(value) in numbers
    if not isinstance(value, str):  # a date: its day and month, in any form the filters write
        return _date_printed(value, numbers, raw)
    if value.casefold() in raw:  # a value is one tidy line already (model.clean_text)
        return True
    if not styled:
        styled.append(key("\n".join(texts)))
    return key(value) in styled[0]


def _date_printed(day, numbers, raw) -> bool:
    if Decimal(day.day) not in numbers or Decimal(day.month) not in numbers:
        return False
    forms = (f"{day.day}/{day.month}", f"{day.day}-{day.month}", f"{day.day:02d}/{day.month:02d}",
             f"{day.day:02d}/{day.month}", f"{day.day:02d}-{day.month:02d}",
             f"ngày {day.day:02d} tháng {day.month:02d}", f"ngày {day.day:02d} tháng {day.month}",
             f"ngày {day.day} tháng {day.month}")
    return any(f in raw for f in forms) or _span_printed(day, raw)


def _span_printed(day, raw) -> bool:
    # "10 và 11-2", "10 đến 12/2": the first day of a span is printed without its month
    return any(f"{day.day} {word} " in raw or f"{day.day:02d} {word} " in raw for word in ("và", "đến"))


def invented(event, facts: Iterable[Fact], blocks: list[Block]) -> list[tuple[str, str]]:
    """(number as printed, the text it is in) for each figure no fact gives or derives."""
    given: set[Decimal] = set()
    tokens: set[str] = set()
    for fact in facts:
        given |= numbers_of(fact.value)
        if isinstance(fact.value, str):
            for token, number in numbers_in(fact.value):
                tokens.add(token)
                given.add(number)
    for rule in DERIVED.values():
        given |= {Decimal(n) for n in rule(event)}
    out = []
    for block, text in block_texts(blocks, numbered_column=False):
        if block.kind in STRUCTURAL_KINDS:
            text = _strip_label(text)
        for token, number in numbers_in(_strip_enumeration(text)):
            if number not in given and token not in tokens:
                out.append((token, text))
    return out


_ENUMERATION = re.compile(r"\(\d+\)\s")


def _strip_label(text: str) -> str:
    """A heading's number ("I-", "1.", "a)") or a clause's ("Điều 3.", as words.yaml says it)."""
    clause = re.escape(current_words().clause).replace(re.escape("{n}"), r"\d+")
    return re.sub(rf"^(?:[IVXLCDM]+-|\d+\.|[a-zđ]\)|{clause})\s*", "", text)


def _strip_enumeration(text: str) -> str:
    return _ENUMERATION.sub(" ", text)
