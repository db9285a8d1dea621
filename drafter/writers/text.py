"""Plain text and Markdown writers."""
from __future__ import annotations

import re

from ..compose.blocks import Table
from ..compose.document import Document
from . import TextOptions
from .numbering import numbered


def write_txt(doc: Document, options: TextOptions = TextOptions()) -> str:
    out = []
    for block in numbered(doc):
        if isinstance(block, Table):
            out.append(_text_table(block))
        elif block.kind == "item":
            out.append(doc.words.marks.item + block.text)
        elif block.kind == "rule":
            out.append(block.text or doc.words.marks.rule)
        elif block.kind in ("headline", "title"):
            out.append(block.text.upper() if block.kind == "title" else block.text)
        else:
            out.append(block.text)
    return "\n\n".join(out) + "\n"


def _text_table(table: Table) -> str:
    rows = [table.header, *table.rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(table.header))]
    lines = [" | ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(([table.caption] if table.caption else []) + lines)


# Every character CommonMark gives a meaning inside a paragraph: emphasis, code, links, HTML and
# entities ("&lt;b&gt;" must show as typed), strikethrough and fences ("~~~" would open a code
# block swallowing the rest of the article).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~])")
_MD_LINE_START = re.compile(r"^(#|[-+=])")
_MD_ORDERED = re.compile(r"^(\d+)([.)])(?=\s)")  # "1. Kinh tế" is a list item: CommonMark escapes the mark


def md_escape(text: str) -> str:
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_ORDERED.sub(r"\1\\\2", _MD_LINE_START.sub(r"\\\1", text))


def md_link(target: str) -> str:
    """An image or link target as a URL: "anh hoi nghi.jpg" -> "anh%20hoi%20nghi.jpg"."""
    from urllib.parse import quote

    return quote(target, safe="/:.-_~")


def write_md(doc: Document, options: TextOptions = TextOptions()) -> str:
    out = []
    for block in numbered(doc):
        text = md_escape(block.text)
        if block.kind in ("headline", "title"):
            out.append(f"# {text}")
        elif block.kind == "heading":
            out.append("#" * min(block.level + 1, 6) + f" {text}")
        elif block.kind in ("meta", "caption", "subtitle"):
            out.append(f"*{text}*")
        elif block.kind == "lead":
            out.append(f"**{text}**")
        elif block.kind == "photo":
            if block.file:  # a caption under no picture stands alone on the page (validate warns)
                out.append(f"![{text}]({md_link(block.file)})\n\n*{text}*")
        elif block.kind == "item":
            out.append(f"- {text}")
        elif block.kind == "byline":
            out.append(f"**{text}**")
        elif block.kind == "rule":
            out.append("---")
        elif isinstance(block, Table):
            out.append(_md_table(block))
        else:
            out.append(text)
    return "\n\n".join(out) + "\n"


def _md_table(table: Table) -> str:
    row = lambda cells: "| " + " | ".join(md_escape(c) for c in cells) + " |"  # noqa: E731
    lines = [row(table.header), "|" + "---|" * len(table.header)] + [row(r) for r in table.rows]
    return "\n".join(([f"*{md_escape(table.caption)}*", ""] if table.caption else []) + lines)
