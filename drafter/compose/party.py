"""The finish of a Party document (BÁO CÁO, NGHỊ QUYẾT) after its template has rendered.

- Names are written in full: a Party document does not say "BTV", "UBKT" or "CCQ" unless the
  office declared the short form official (`report.short_forms`) or wrote the header's names
  itself (`report.issuer`, `report.higher`).
Sections and their numbers are not here: the document leaves out a section with nothing under
it (document.py) and the writers number the rest (writers/numbering.py).
"""
from __future__ import annotations

import re
from .document import Document
from ..model import EventBase, Organisation
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


def in_full(text: str, table: dict[str, str]) -> str:
    """Every whole-word abbreviation of `table` spelled out; "Ủy ban Kiểm tra (UBKT)" loses
    its introduction, which a text without abbreviations no longer needs."""
    if not text:
        return text
    for short, words in table.items():
        if short not in text:
            continue
        text = text.replace(f"{words} ({short})", words)
        text = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", words, text)
    return text


def in_full_names(doc: Document, event: EventBase) -> Document:
    """Every abbreviation spelled out (in the document's tone-mark style), unless the office
    declared it an official short form; a line in capitals (a header line) in capitals."""
    table = expansions(event)
    if event.style.tone_marks != "keep":
        table = {k: tone_style(v, event.style.tone_marks) for k, v in table.items()}
    upper = {k: v.upper() for k, v in table.items()}
    given = _given_header(event)

    def spell(kind: str, text: str) -> str:
        if kind in _HEADER and text in given:
            return text
        return in_full(text, upper if kind != "table" and text == text.upper() else table)

    return doc.map_text(spell)


_HEADER = {"org-higher", "org-issuer"}


def _given_header(event: EventBase) -> set[str]:
    """Header names the office wrote itself (`report.issuer`, `report.higher`): its own form."""
    metas = [event.report, getattr(event, "resolution", None)]
    return {name.upper() for meta in metas if meta for name in (meta.issuer, meta.higher) if name}
