"""The finish of a Party document (BÁO CÁO, NGHỊ QUYẾT) after its template has rendered.

- Names are written in full: a Party document does not say "BTV", "UBKT" or "CCQ" unless the
  office declared the short form official (`report.short_forms`) or wrote the header's names
  itself (`report.issuer`, `report.higher`).
- Sections are chosen from the data and numbered here, not in templates: a heading with nothing
  under it is dropped, the rest get "I-", "1.", "a)"; a clause block is numbered "Điều N.".
"""
from __future__ import annotations

import re
from dataclasses import replace

from .blocks import Block, Table, has_content
from .filters import roman
from .model import EventBase, Organisation
from .orthography import tone_style
from .words import current as current_words

# Short forms of Party and state bodies that local news uses and Party documents spell out:
# words.yaml's abbreviations (an office may add its own).
_NUMBERED = re.compile(r"^(?:[IVXLC]+[-.]|\d+[.)-]|[a-zđ]\))\s")  # an office numbered it by hand


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


def sections(blocks: list[Block]) -> list[Block]:
    """Headings with nothing under them dropped, the rest numbered; clauses numbered."""
    return _number(_drop_empty_sections(blocks))


def in_full_names(blocks: list[Block], event: EventBase) -> list[Block]:
    """Every abbreviation spelled out (in the document's tone-mark style), unless the office
    declared it an official short form."""
    table = expansions(event)
    if event.style.tone_marks != "keep":
        table = {k: tone_style(v, event.style.tone_marks) for k, v in table.items()}
    given = _given_header(event)
    return [block if block.kind in _HEADER and block.text in given else _spell(block, table)
            for block in blocks]


_HEADER = {"org-higher", "org-issuer"}


def _given_header(event: EventBase) -> set[str]:
    """Header names the office wrote itself (`report.issuer`, `report.higher`): its own form."""
    metas = [event.report, getattr(event, "resolution", None)]
    return {name.upper() for meta in metas if meta for name in (meta.issuer, meta.higher) if name}


def _spell(block: Block, table: dict[str, str]) -> Block:
    if block.text and block.text == block.text.upper():  # a header line in capitals
        return replace(block, text=in_full(block.text, {k: v.upper() for k, v in table.items()}))
    data = block.data
    if isinstance(data, Table):
        fix = lambda cells: tuple(in_full(c, table) for c in cells)  # noqa: E731
        data = replace(data, header=fix(data.header), rows=tuple(fix(r) for r in data.rows),
                       caption=in_full(data.caption, table))
    return replace(block, text=in_full(block.text, table), data=data)


def _drop_empty_sections(blocks: list[Block]) -> list[Block]:
    """A heading is kept only if some content comes before the next heading of its level or
    higher, or the signature."""
    kept = []
    for i, block in enumerate(blocks):
        if block.kind == "heading" and not has_content(blocks, i):
            continue
        kept.append(block)
    return kept


def _number(blocks: list[Block]) -> list[Block]:
    counters = [0, 0, 0]
    clause = 0
    out = []
    for block in blocks:
        if block.kind == "heading" and 1 <= block.level <= 3 and not _NUMBERED.match(block.text):
            depth = block.level - 1
            counters[depth] += 1
            counters[depth + 1:] = [0] * (2 - depth)
            n = counters[depth]
            label = (roman(n) + "-", f"{n}.", chr(ord("a") + n - 1) + ")")[depth]
            block = replace(block, text=f"{label} {block.text}")
        elif block.kind == "clause":
            clause += 1
            block = replace(block, text=f"{current_words().clause.format(n=clause)} {block.text}")
        out.append(block)
    return out

