"""The document of one event and one document kind, built once and handed to every writer.

An article is a flow of blocks. A Party document (BÁO CÁO, NGHỊ QUYẾT) also has parts, found
by what they are, not where they stand: the header (issuer, higher body, number, place and
date), the title and its summary, the body's sections, the closing paragraph ("Trên đây là báo
cáo …", which belongs to no section), the signature and the recipients.
A section with no content cannot exist: building the document leaves out a heading with
nothing under it. Sections carry their level; numbering them ("I-", "1.", "a)") is the
writers' (writers/numbering.py). Writers never see the data model.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterator, Union

from .blocks import Block, Item, Photo, Table, has_content
from .words import Words, load as load_words

PARTY_DOCS = ("report", "resolution")  # Party documents: header, sections, signature


@dataclass(frozen=True)
class Section:
    """A heading and what stands under it, subsections included; never empty."""
    level: int
    heading: str
    content: tuple[Union[Item, "Section"], ...]

    def __post_init__(self):
        if not self.content:
            raise ValueError(f"a section without content: {self.heading!r}")


Part = Union[Item, Section]


@dataclass(frozen=True)
class Header:
    """The first page's header (Hướng dẫn 36-HD/VPTW): left the bodies and the number, right
    the party's name and the place and date."""
    higher: tuple[str, ...] = ()  # the higher body's lines
    issuer: tuple[str, ...] = ()  # the issuer's lines (a congress: its name, then its term)
    number: str | None = None
    party: str | None = None
    place_date: str | None = None


@dataclass(frozen=True)
class Title:
    """"BÁO CÁO" or "NGHỊ QUYẾT", the summary line under it, and the short rule below."""
    title: str | None = None
    summary: str | None = None
    rule: str | None = None  # the rule's own text ("" when the template writes none)


@dataclass(frozen=True)
class Signature:
    on_behalf: str | None = None  # "T/M ĐẢNG ỦY"
    role: str | None = None  # "BÍ THƯ"
    name: str | None = None


@dataclass(frozen=True)
class Recipients:
    label: str | None = None  # "Nơi nhận:"
    places: tuple[str, ...] = ()


# Each part's fields and the block kind the markup writes them with, in reading order.
PART_KINDS: dict[type, dict[str, str]] = {
    Header: {"higher": "org-higher", "issuer": "org-issuer", "number": "doc-number",
             "party": "party-name", "place_date": "place-date"},
    Title: {"title": "title", "summary": "subtitle", "rule": "rule"},
    Signature: {"on_behalf": "sign-for", "role": "sign-role", "name": "sign-name"},
    Recipients: {"label": "recipients", "places": "recipient"},
}


@dataclass(frozen=True)
class Document:
    doc: str  # article | report | resolution
    body: tuple[Part, ...]
    title: str = ""  # the headline, or "BÁO CÁO" and its summary: the page's and file's title
    author: str = ""
    date: dt.date | None = None
    base_dir: Path = Path(".")  # where relative image paths are resolved
    published: str = ""  # ISO date (and time) of publication, for <time datetime>
    header: Header | None = None
    title_part: Title | None = None  # "BÁO CÁO", its summary and rule
    closing: tuple[Item, ...] = ()  # after the last section: its paragraphs, not the section's
    signature: Signature | None = None
    recipients: Recipients | None = None
    # the words.yaml it was drafted with: writers take its marks and the clause label from it
    words: Words = field(default_factory=load_words, compare=False, repr=False)

    @property
    def party(self) -> bool:
        """A Party document, laid out with its header and signature."""
        return self.doc in PARTY_DOCS

    @property
    def blocks(self) -> list[Item]:
        """Every block in reading order: header, title, body (headings unnumbered), closing,
        signature, recipients. What text writers print in turn and what the audit reads."""
        return [*part_blocks(self.header), *part_blocks(self.title_part), *flat(self.body),
                *self.closing, *part_blocks(self.signature), *part_blocks(self.recipients)]

    def map_text(self, fix: Callable[[str, str], str]) -> "Document":
        """The document with every text replaced by FIX(kind, text), table cells ("table") and
        captions included: the finish of names and tone marks, parts and all."""
        def one(kind: str, text):
            if text is None:
                return None
            if isinstance(text, tuple):
                return tuple(one(kind, t) for t in text)
            return fix(kind, text)

        def part(value):
            if value is None:
                return None
            kinds = PART_KINDS[type(value)]
            return replace(value, **{name: one(kinds[name], getattr(value, name)) for name in kinds})

        return replace(self, body=tuple(_map_part(p, one) for p in self.body), header=part(self.header),
                       closing=tuple(_map_part(p, one) for p in self.closing),
                       title_part=part(self.title_part), signature=part(self.signature),
                       recipients=part(self.recipients))


def part_blocks(value) -> Iterator[Block]:
    if value is None:
        return
    for name, kind in PART_KINDS[type(value)].items():
        text = getattr(value, name)
        for one in (text if isinstance(text, tuple) else (text,)):
            if one is not None:
                yield Block(kind, one)


def flat(parts) -> Iterator[Item]:
    for part in parts:
        if isinstance(part, Section):
            yield Block("heading", part.heading, part.level)
            yield from flat(part.content)
        else:
            yield part


def _map_part(part: Part, one) -> Part:
    if isinstance(part, Section):
        return replace(part, heading=one("heading", part.heading),
                       content=tuple(_map_part(p, one) for p in part.content))
    if isinstance(part, Table):
        cells = lambda row: tuple(one("table", c) for c in row)  # noqa: E731
        return replace(part, header=cells(part.header), rows=tuple(cells(r) for r in part.rows),
                       caption=one("table", part.caption))
    if isinstance(part, Photo):
        return replace(part, caption=one("photo", part.caption))
    return replace(part, text=one(part.kind, part.text))


def build(blocks: list[Item], doc: str = "article", **meta) -> Document:
    """The document of the template's blocks. A Party document's parts are taken by their kind
    (wherever the template wrote them; a part written twice is refused); the summary and the
    rule are the ones just after the title; headings become sections, and one with nothing under
    it is left out; "@closing" paragraphs stand after every section. An article is its blocks as
    written."""
    closing = tuple(Block("p", b.text) for b in blocks if b.kind == "closing")
    blocks = [b for b in blocks if b.kind != "closing"]
    if doc not in PARTY_DOCS:
        return Document(doc, tuple(blocks) + closing, **meta)
    taken: dict[type, dict[str, object]] = {kind: {} for kind in PART_KINDS}
    by_kind = {k: (part, name) for part, names in PART_KINDS.items() for name, k in names.items()}
    flow: list[Item] = []
    follows: tuple[str, ...] = ()  # the title's parts that may come next: summary, then rule
    for block in blocks:
        part, name = by_kind.get(block.kind, (None, None))
        if part is Title and name != "title" and name not in follows:
            part = None  # a subtitle or rule inside the body ("QUYẾT NGHỊ:") is flow
        if part is Title:
            follows = _TITLE_NEXT[name]
        elif part is None:
            follows = ()
        if part is None:
            flow.append(block)
        elif name in _LINES:
            taken[part].setdefault(name, []).append(block.text)
        elif name in taken[part]:
            raise PartRepeated(block.kind)
        else:
            taken[part][name] = block.text
    made = {kind: kind(**{n: tuple(v) if isinstance(v, list) else v for n, v in found.items()})
            if found else None for kind, found in taken.items()}
    return Document(doc, sections(flow), header=made[Header], title_part=made[Title], closing=closing,
                    signature=made[Signature], recipients=made[Recipients], **meta)


_LINES = {"higher", "issuer", "places"}  # parts of several lines, one block each
_TITLE_NEXT = {"title": ("summary", "rule"), "summary": ("rule",), "rule": ()}


class PartRepeated(ValueError):
    """A template wrote one part of a Party document twice (two "@org-issuer")."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


def sections(flow: list[Item]) -> tuple[Part, ...]:
    """Headings nested by level, each holding what follows it up to the next heading of its
    level or higher; a heading with nothing under it (blocks.has_content: subsections with
    nothing under them do not count) is no section and is left out."""
    root: list = []
    stack: list[tuple[Block, list]] = []  # open headings and their content so far
    for i, block in enumerate(flow):
        if block.kind != "heading":
            (stack[-1][1] if stack else root).append(block)
        elif has_content(flow, i):
            while stack and stack[-1][0].level >= block.level:
                _close(stack, root)
            stack.append((block, []))
    while stack:
        _close(stack, root)
    return tuple(root)


def _close(stack: list, root: list) -> None:
    heading, content = stack.pop()
    (stack[-1][1] if stack else root).append(Section(heading.level, heading.text, tuple(content)))
