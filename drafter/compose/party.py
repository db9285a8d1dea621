"""The finish of a Party document (BÁO CÁO, NGHỊ QUYẾT) after its template has rendered.

- Names are written in full: a Party document does not say "BTV", "UBKT" or "CCQ" unless the
  office declared the short form official (`report.short_forms`) or wrote the header's names
  itself (`report.issuer`, `report.higher`).
Sections and their numbers are not here: the document leaves out a section with nothing under
it (document.py) and the writers number the rest (writers/numbering.py).
"""
from __future__ import annotations

import re
from typing import Iterator

from pydantic import BaseModel

from .document import Document
from ..model import EventBase, Organisation, Place
from .orthography import tone_style
from .words import current as current_words

# Short forms of Party and state bodies that local news uses and Party documents spell out:
# words.yaml's abbreviations (an office may add its own).


def expansions(event: EventBase) -> dict[str, str]:
    """Abbreviation -> words, the organisations' own ("CCQ" -> "các cơ quan") included."""
    found = dict(current_words().abbreviations)
    for org in (event.org, event.higher):
        if isinstance(org, Organisation) and org.abbr and org.abbr_of:
            found[org.abbr] = org.abbr_of
    for kept in event.report.short_forms:
        found.pop(kept, None)
    return found


def in_full(text: str, table: dict[str, str], keep: re.Pattern | None = None) -> str:
    """Every whole-word abbreviation of `table` spelled out (one that opens the text with a
    capital), outside the spans KEEP matches (people's names); "Ủy ban Kiểm tra (UBKT)" loses
    its introduction, which a text without abbreviations no longer needs."""
    if not text or not any(short in text for short in table):
        return text
    if keep is not None:
        out, last = [], 0
        for match in keep.finditer(text):
            out += [in_full(text[last:match.start()], table), match[0]]
            last = match.end()
        return "".join(out) + in_full(text[last:], table)
    for short, words in table.items():
        if short not in text:
            continue
        text = text.replace(f"{words} ({short})", words)
        text = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", lambda m: _spelt(m, words), text)
    return text


def _spelt(match: re.Match, words: str) -> str:
    """WORDS for the abbreviation MATCH, unless it is part of a document's number
    ("Quyết định số 123/QĐ-UBND" keeps its code); capitalised at the start of a text."""
    text = match.string
    start = max(text.rfind(" ", 0, match.start()), text.rfind("\u00a0", 0, match.start())) + 1
    end = min(i for i in (text.find(" ", match.end()), len(text)) if i >= 0)
    token = text[start:end]
    if "/" in token and any(ch.isdigit() for ch in token):
        return match[0]
    return words[:1].upper() + words[1:] if match.start() == 0 else words


def in_full_names(doc: Document, event: EventBase) -> Document:
    """Every abbreviation spelled out (in the document's tone-mark style), unless the office
    declared it an official short form; a line in capitals (a header line) in capitals; a
    person's name as written."""
    table = expansions(event)
    if event.style.tone_marks != "keep":
        table = {k: tone_style(v, event.style.tone_marks) for k, v in table.items()}
    table = dict(sorted(table.items(), key=lambda kv: -len(kv[0])))  # "TP. HCM" before a part of it
    upper = {k: v.upper() for k, v in table.items()}
    given = _given_header(event)
    people = _people_pattern(event)

    def spell(kind: str, text: str) -> str:
        if kind in _HEADER and text in given:
            return text
        return in_full(text, upper if kind != "table" and text == text.upper() else table, people)

    return doc.map_text(spell)


def _people_pattern(event: EventBase) -> re.Pattern | None:
    names = sorted(set(_people(event)), key=len, reverse=True)
    if not names:
        return None
    return re.compile("|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in names), re.IGNORECASE)


_PERSON_FIELDS = ("speaker", "presenter", "new_members", "committee_members")


def _people(value) -> Iterator[str]:
    """The names of people in the data: a model's name (not an organisation's or a place's)
    and the fields that hold a person's name as text."""
    if isinstance(value, BaseModel):
        name = getattr(value, "name", None)
        if isinstance(name, str) and not isinstance(value, (Organisation, Place)):
            yield name
        for field in type(value).model_fields:
            item = getattr(value, field)
            if field in _PERSON_FIELDS:  # "bà Trương Minh Kiều, Bí thư Đảng ủy": the name before the titles
                yield from (n.split(",")[0] for n in (item if isinstance(item, list) else [item]) if isinstance(n, str))
            if isinstance(item, (BaseModel, list)):
                yield from _people(item)
    elif isinstance(value, list):
        for item in value:
            yield from _people(item)


_HEADER = {"org-higher", "org-issuer"}


def _given_header(event: EventBase) -> set[str]:
    """Header names the office wrote itself (`report.issuer`, `report.higher`): its own form."""
    metas = [event.report, getattr(event, "resolution", None)]
    return {name.upper() for meta in metas if meta for name in (meta.issuer, meta.higher) if name}
