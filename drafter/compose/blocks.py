"""The rendered document as a list of blocks, the one thing every writer reads.

Templates write a light line markup: blocks are separated by blank lines; a block
may start with a directive such as ``@headline`` or ``@caption``; a block without one
is a paragraph. Data values cannot open a block: the template environment folds
every printed value onto one line, and a directive is only read at a block's start.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

# Block kinds. Article: headline, meta (publication line), lead (sapo), p, caption, photo,
# byline. Report (Party document layout): the header's parts (org-higher, org-issuer,
# doc-number, party-name, place-date), title, subtitle, rule ("-----"), heading1..3
# ("I-", "1.", "a)"), p, item ("- …"), table, the signature's parts (sign-for "T/M ĐẢNG ỦY",
# sign-role "BÍ THƯ", sign-name) and recipients ("Nơi nhận:") with one recipient each.
# A resolution's articles are "clause" blocks, numbered "Điều N." by the writers.
# Photos and tables are blocks of their own (Photo, Table below), never model objects.
BLOCK_KINDS = {
    "headline", "meta", "lead", "p", "caption", "photo", "byline", "note",
    "org-higher", "org-issuer", "doc-number", "party-name", "place-date",
    "title", "subtitle", "rule", "heading", "item", "table",
    "sign-for", "sign-role", "sign-name", "recipients", "recipient", "clause", "closing",
}
_TEXT_KINDS = {"headline", "meta", "lead", "p", "caption", "byline", "note", "closing"}
_DIRECTIVE = re.compile(r"^@([a-z]+(?:-[a-z]+)*)([1-6])?(?:\s+|$)")
_BLANK = re.compile(r"\n[ \t]*\n")
# m.sentence() marks each sentence's ends; between two sentences, and around one, stands one space
_SENTENCE_ENDS = re.compile(r"[ \t]*\x1f[\x1f \t]*")
LITERAL_AT = "\ue000"  # a data value's leading "@" while blocks are parsed (private-use char)


@dataclass(frozen=True)
class Block:
    kind: str
    text: str = ""
    level: int = 0


class MarkupError(ValueError):
    def __init__(self, directive: str):
        super().__init__(directive)
        self.directive = directive


def parse(markup: str, objects: list | None = None) -> list[Block]:
    """Split template output into blocks; @photo N and @table N take objects[N]."""
    blocks = []
    for chunk in _BLANK.split(_SENTENCE_ENDS.sub(" ", markup.replace("\r\n", "\n"))):
        text = " ".join(line.strip() for line in chunk.strip().splitlines()).strip()
        if not text:
            continue
        kind, level = "p", 0
        match = _DIRECTIVE.match(text)
        if match:
            kind, level = match[1], int(match[2] or 0)
            if kind not in BLOCK_KINDS:
                raise MarkupError(f"@{kind}")
            text = text[match.end():].strip()
            if kind in ("photo", "table"):
                found = objects[int(text)] if text.isdigit() and int(text) < len(objects or []) else None
                if getattr(found, "kind", None) != kind:
                    raise MarkupError(f"@{kind} {text}")
                blocks.append(found)
                continue
        if not text and kind in _TEXT_KINDS:
            continue  # every sentence of it was left out for want of its facts: no empty paragraph
        blocks.append(Block(kind, text.replace(LITERAL_AT, "@"), level))
    return blocks


@dataclass(frozen=True)
class Photo:
    """A picture and its caption: the file as the YAML names it (relative to its folder)."""
    file: str | None
    caption: str = ""
    width: float | None = None  # share of the text width; None: as wide as the page allows
    kind: ClassVar[str] = "photo"
    level: ClassVar[int] = 0

    @property
    def text(self) -> str:
        return self.caption


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""
    kind: ClassVar[str] = "table"
    level: ClassVar[int] = 0

    @property
    def text(self) -> str:
        return self.caption


Item = Block | Photo | Table  # what a document's flow holds


SIGNATURE_KINDS = {"sign-for", "sign-role", "sign-name", "recipients", "recipient"}


def has_content(blocks: list[Block], at: int) -> bool:
    """Whether the heading at AT has something under it before the next heading of its level
    or higher, or the signature: a section without content is no section."""
    level = blocks[at].level
    for block in blocks[at + 1:]:
        if block.kind in SIGNATURE_KINDS:
            return False
        if block.kind == "heading":
            if block.level <= level:
                return False
            continue
        return True
    return False
