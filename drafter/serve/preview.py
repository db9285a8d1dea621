"""The DOCX layout as HTML: the same blocks, the same named styles, the same header and
signature tables, for the browser's preview (static/sheet.css holds the styles' looks).

Reuses the DOCX writer's own choices (style per block, text per block, the report's split
into header / flow / signature), so the preview cannot drift from the Word file.
"""
from __future__ import annotations

from html import escape
from urllib.parse import quote

from ..blocks import Block, Table
from ..writers import Rendered
from ..writers.docx.body import style_for, text_for
from ..writers.docx.report import _SIGNATURE_LINES, split


def sheet(doc: Rendered, images: str = "") -> str:
    """One A4 sheet (an HTML fragment) holding the document as Word lays it out; pictures are
    linked under the address IMAGES (none: their file names are shown instead)."""
    head, flow, tail = split(list(doc.blocks))
    parts = []
    if head:
        parts.append(_header(head))
    parts.extend(_flow(flow, images))
    if tail:
        parts.append(_signature(tail))
    return '<div class="sheet">\n' + "\n".join(parts) + "\n</div>"


def _paragraph(style: str, text: str) -> str:
    css = "st-" + style.lower().replace(" ", "-")
    return f'<p class="{css}">{escape(text, quote=False) or "&nbsp;"}</p>'


def _block(block: Block) -> str:
    return _paragraph(style_for(block), text_for(block))


def _of(blocks: list[Block], *kinds: str) -> list[str]:
    return [_block(b) for b in blocks if b.kind in kinds]


def _flow(blocks: list[Block], images: str) -> list[str]:
    out = []
    for block in blocks:
        if block.kind == "photo":
            file = getattr(block.data, "file", None)
            if file and images:
                out.append(f'<div class="st-figure"><img src="{escape(images + quote(file))}" alt="{escape(file)}"></div>')
            elif file:
                out.append(f'<div class="st-figure"><span>{escape(file)}</span></div>')
            if block.text:
                out.append(_paragraph("Caption", block.text))
        elif block.kind == "table" and isinstance(block.data, Table):
            out.append(_table(block.data, block.text))
        else:
            out.append(_block(block))
    return out


def _table(table: Table, caption: str) -> str:
    caption = caption or table.caption
    rows = []
    if table.header:
        rows.append("<tr>" + "".join(f'<th>{_paragraph("Table Head", c)}</th>' for c in table.header) + "</tr>")
    for row in table.rows:
        rows.append("<tr>" + "".join(f'<td>{_paragraph("Table Text", str(c))}</td>' for c in row) + "</tr>")
    head = _paragraph("Caption", caption) + "\n" if caption else ""
    return f'{head}<table class="st-drafter-table">\n' + "\n".join(rows) + "\n</table>"


def _header(blocks: list[Block]) -> str:
    """Row 1: higher body, issuer, "*" | party name; row 2: number | place and date."""
    left = _of(blocks, "org-higher") + _of(blocks, "org-issuer")
    if any(b.kind == "org-issuer" for b in blocks):
        left.append(_paragraph("Header Left", "*"))
    row1 = _row(left, _of(blocks, "party-name"))
    row2 = _row(_of(blocks, "doc-number"), _of(blocks, "place-date"))
    return f'<table class="layout header">\n{row1}\n{row2}\n</table>'


def _signature(blocks: list[Block]) -> str:
    right = _of(blocks, "sign-for", "sign-role")
    names = _of(blocks, "sign-name")
    if right or names:
        right += [_paragraph("Sign", "")] * _SIGNATURE_LINES
    return f'<table class="layout signature">\n{_row(_of(blocks, "recipients", "recipient"), right + names)}\n</table>'


def _row(left: list[str], right: list[str]) -> str:
    return f'<tr><td class="left">{"".join(left)}</td><td class="right">{"".join(right)}</td></tr>'
