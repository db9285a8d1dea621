"""Numbers of a Party document's sections and articles, as its writers print them.

The document gives each section its level; a writer numbers it from the level and its place:
"I-", "1.", "a)" for levels 1 to 3 (a heading an office numbered by hand keeps its own), and a
resolution's articles "Điều 1.", "Điều 2." … (Hướng dẫn 36-HD/VPTW).
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..compose.blocks import Block, Item
from ..compose.document import Document, flat, part_blocks
from ..compose.filters import roman

_NUMBERED = re.compile(r"^(?:[IVXLC]+[-.]|\d+[.)-]|[a-zđ]\))\s")  # an office numbered it by hand


def label(level: int, n: int) -> str:
    """The N-th section of LEVEL (1 to 3)."""
    return (roman(n) + "-", f"{n}.", chr(ord("a") + n - 1) + ")")[level - 1]


def numbered(doc: Document) -> list[Item]:
    """The document's blocks in reading order, a Party document's headings and clauses labelled
    (an article's crossheads are not numbered)."""
    return labelled(doc.blocks, doc.words.clause) if doc.party else doc.blocks


def flow(doc: Document) -> list[Item]:
    """A Party document's title and body, labelled: for writers that set the header and the
    signature apart."""
    return labelled([*part_blocks(doc.title_part), *flat(doc.body), *doc.closing], doc.words.clause)


def labelled(blocks: list[Item], clause_label: str) -> list[Item]:
    """BLOCKS with each heading and clause labelled: a heading's number counts its level's
    headings since the last heading above it; CLAUSE_LABEL is words.yaml's clause."""
    counters = [0, 0, 0]
    clause = 0
    out = []
    for block in blocks:
        if isinstance(block, Block) and block.kind == "heading" and 1 <= block.level <= 3 \
                and not _NUMBERED.match(block.text):
            depth = block.level - 1
            counters[depth] += 1
            counters[depth + 1:] = [0] * (2 - depth)
            block = replace(block, text=f"{label(block.level, counters[depth])} {block.text}")
        elif isinstance(block, Block) and block.kind == "clause":
            clause += 1
            block = replace(block, text=f"{clause_label.format(n=clause)} {block.text}")
        out.append(block)
    return out
