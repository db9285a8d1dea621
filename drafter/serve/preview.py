"""The DOCX layout as HTML: the same blocks, the same named styles, the same header and
signature tables, for the browser's preview (static/sheet.css holds the styles' looks).

Reuses the DOCX writer's own choices (style per block, text per block, the report's split
into header / flow / signature, its column split, line balancing and unbroken terms), so the
preview cannot drift from the Word file. Pages are not cut: the sheet runs on.
"""
from __future__ import annotations

import re
from functools import lru_cache
from html import escape
from types import SimpleNamespace
from urllib.parse import quote

from docx.shared import Emu

from ..blocks import Block, Table
from ..pipeline import PARTY_DOCS
from ..writers import Rendered
from ..writers.docx.body import style_for, text_for
from ..writers.docx.package import lean_base
from ..writers.docx.party_layout import (_CELL_MARGINS, _HEADER_PT, _SIGNATURE_LINES, _balanced_summary,
                                   _header_split, split)
from ..writers.docx.typography import NB_HYPHEN, balanced_lines, keep_together

_PARAGRAPH = re.compile(r'(<p class="[^"]*">)(.*?)</p>', re.S)
_UNBROKEN = re.compile(r"[^\s<>]*\u2011[^\s<>]*")


def sheet(doc: Rendered, images: str = "") -> str:
    """One A4 sheet (an HTML fragment) holding the document as Word lays it out; pictures are
    linked under the address IMAGES (none: their file names are shown instead). A Party
    document is finished as the DOCX is: unbroken terms and dates, even header lines."""
    head, flow, tail = split(list(doc.blocks))
    party = doc.options.get("doc") in PARTY_DOCS
    if party:
        flow = [_balanced_summary(_page(), b) if b.kind == "subtitle" else b for b in flow]
    parts = []
    if head:
        parts.append(_header(head))
    parts.extend(_flow(flow, images))
    if tail:
        parts.append(_signature(tail))
    html = "\n".join(parts)
    if party:  # each paragraph as the DOCX writer's Out.paragraph finishes it
        html = _PARAGRAPH.sub(lambda m: m[1] + keep_together(m[2]) + "</p>", html)
        # U+2011 is not in every font: the word holding it goes in a no-break span, hyphen plain
        html = _UNBROKEN.sub(lambda m: f'<span class="nb">{m[0].replace(NB_HYPHEN, "-")}</span>', html)
    return f'<div class="sheet{" party" if party else ""}">\n{html}\n</div>'


@lru_cache(maxsize=1)
def _page() -> SimpleNamespace:
    """The room the DOCX writer measures with: the text width of its base page."""
    return SimpleNamespace(text_width=lean_base().text_width)


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
    """Row 1: higher body, issuer, "*" | party name; row 2: number | place and date; the
    columns split and the org lines broken where the DOCX writer puts them."""
    share = _header_split(_page(), blocks)
    room = Emu(int(_page().text_width * share) - _CELL_MARGINS).pt
    left = [_paragraph(style_for(b), "\n".join(balanced_lines(text_for(b), room, _HEADER_PT,
                                                               bold=b.kind == "org-issuer")))
            for b in blocks if b.kind in ("org-higher", "org-issuer")]
    if any(b.kind == "org-issuer" for b in blocks):
        left.append(_paragraph("Header Left", "*"))
    row1 = _row(left, _of(blocks, "party-name"), share)
    row2 = _row(_of(blocks, "doc-number"), _of(blocks, "place-date"), share)
    return f'<table class="layout header">\n{row1}\n{row2}\n</table>'


def _signature(blocks: list[Block]) -> str:
    right = _of(blocks, "sign-for", "sign-role")
    names = _of(blocks, "sign-name")
    if right or names:
        right += [_paragraph("Sign", "")] * _SIGNATURE_LINES
    return f'<table class="layout signature">\n{_row(_of(blocks, "recipients", "recipient"), right + names)}\n</table>'


def _row(left: list[str], right: list[str], share: float = 0.45) -> str:
    return (f'<tr><td class="left" style="width: {share:.0%}">{"".join(left)}</td>'
            f'<td class="right">{"".join(right)}</td></tr>')
