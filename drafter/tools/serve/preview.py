"""The DOCX layout as HTML: the same blocks, the same named styles, the same header and
signature tables, for the browser's preview (static/sheet.css holds the styles' looks).

Reuses the DOCX writer's own choices (style per block, text per block, the document's header,
flow and signature parts, the header's column split, line balancing and unbroken terms), so the
preview cannot drift from the Word file. Pages are not cut: the sheet runs on.
"""
from __future__ import annotations

import re
from functools import lru_cache
from html import escape
from types import SimpleNamespace
from urllib.parse import quote

from docx.shared import Emu

from ...compose.blocks import Block, Item, Photo, Table
from ...compose.document import Document, Header, Recipients, Signature
from ...writers.numbering import flow as numbered_flow
from ...writers.docx.body import nfc, style_for, text_for
from ...writers.docx.package import lean_base
from ...writers.docx.party_layout import (
    _CELL_MARGINS,
    _HEADER_PT,
    _SIGNATURE_LINES,
    _balanced_summary,
    _header_split,
    _orgs,
)
from ...writers.docx.typography import NB_HYPHEN, balanced_lines, keep_together

_PARAGRAPH = re.compile(r'(<p class="[^"]*">)(.*?)</p>', re.S)
_UNBROKEN = re.compile(r"[^\s<>]*\u2011[^\s<>]*")


def sheet(doc: Document, images: str = "") -> str:
    """One A4 sheet (an HTML fragment) holding the document as Word lays it out; pictures are
    linked under the address IMAGES (none: their file names are shown instead). A Party
    document is finished as the DOCX is: unbroken terms and dates, even header lines."""
    party = doc.party
    flow = doc.blocks
    if party:
        flow = [_balanced_summary(_page(), b) if b.kind == "subtitle" else b for b in numbered_flow(doc)]
    parts = []
    if doc.header:
        parts.append(_header(doc.header, doc.words.marks.issuer))
    parts.extend(_flow(flow, images, doc.words.marks))
    if doc.signature or doc.recipients:
        parts.append(_signature(doc.signature or Signature(), doc.recipients or Recipients()))
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


def _block(block: Block, marks=None) -> str:
    return _paragraph(style_for(block), text_for(block, marks))


def _flow(blocks: list[Item], images: str, marks=None) -> list[str]:
    out = []
    for block in blocks:
        if isinstance(block, Photo):
            file = block.file
            if file and images:
                out.append(f'<div class="st-figure"><img src="{escape(images + quote(file))}" alt="{escape(file)}"></div>')
            elif file:
                out.append(f'<div class="st-figure"><span>{escape(file)}</span></div>')
            if block.text:
                out.append(_paragraph("Caption", block.text))
        elif isinstance(block, Table):
            out.append(_table(block))
        else:
            out.append(_block(block, marks))
    return out


def _table(table: Table) -> str:
    caption = table.caption
    rows = []
    if table.header:
        rows.append("<tr>" + "".join(f'<th>{_paragraph("Table Head", c)}</th>' for c in table.header) + "</tr>")
    for row in table.rows:
        rows.append("<tr>" + "".join(f'<td>{_paragraph("Table Text", str(c))}</td>' for c in row) + "</tr>")
    head = _paragraph("Caption", caption) + "\n" if caption else ""
    return f'{head}<table class="st-drafter-table">\n' + "\n".join(rows) + "\n</table>"


def _header(header: Header, star: str) -> str:
    """Row 1: higher body, issuer, "*" | party name; row 2: number | place and date; the
    columns split and the org lines broken where the DOCX writer puts them."""
    share = _header_split(_page(), header)
    room = Emu(int(_page().text_width * share) - _CELL_MARGINS).pt
    left = [_paragraph(style, "\n".join(balanced_lines(text, room, _HEADER_PT, bold=bold)))
            for text, style, bold in _orgs(header)]
    if header.issuer:
        left.append(_paragraph("Header Left", star))
    row1 = _row(left, _lines(("Header Party", header.party)), share)
    row2 = _row(_lines(("Header Left", header.number)), _lines(("Header Date", header.place_date)), share)
    return f'<table class="layout header">\n{row1}\n{row2}\n</table>'


def _signature(signature: Signature, recipients: Recipients) -> str:
    right = _lines(("Sign", signature.on_behalf), ("Sign", signature.role))
    names = _lines(("Sign Name", signature.name))
    if right or names:
        right += [_paragraph("Sign", "")] * _SIGNATURE_LINES
    left = _lines(("Recipients Label", recipients.label), *(("Recipient", r) for r in recipients.places))
    return f'<table class="layout signature">\n{_row(left, right + names)}\n</table>'


def _lines(*lines: tuple[str, str | None]) -> list[str]:
    """A paragraph of each (style, text) the document has, its text as the DOCX writer sets it."""
    return [_paragraph(style, nfc(text)) for style, text in lines if text is not None]


def _row(left: list[str], right: list[str], share: float = 0.45) -> str:
    return (f'<tr><td class="left" style="width: {share:.0%}">{"".join(left)}</td>'
            f'<td class="right">{"".join(right)}</td></tr>')
