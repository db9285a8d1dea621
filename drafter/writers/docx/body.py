"""Flowing blocks, one paragraph (or picture, or table) each: all of an article, and the
middle of a report. Every paragraph gets a named style; nothing here formats directly."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from docx.document import Document
from docx.oxml import OxmlElement
from docx.shared import Emu, Mm

from ...blocks import Block, Table
from ...errors import fail
from .styles import StyleMap

STYLE_OF = {
    "headline": "Title", "meta": "Meta", "lead": "Lead", "p": "Body", "note": "Body",
    "caption": "Caption", "byline": "Byline", "item": "List Item",
    "title": "Report Title", "subtitle": "Report Subtitle", "rule": "Report Rule",
    "org-higher": "Header Left", "org-issuer": "Header Issuer", "doc-number": "Header Left",
    "party-name": "Header Party", "place-date": "Header Date",
    "sign-for": "Sign", "sign-role": "Sign", "sign-name": "Sign Name",
    "recipients": "Recipients Label", "recipient": "Recipient",
}
_IMAGE_MAX_HEIGHT = 0.6  # of the text height: a portrait photo at full width would fill a page


@dataclass
class Out:
    """Where blocks go: the document, its styles, and the room on the page."""
    document: Document
    styles: StyleMap
    base_dir: Path

    @property
    def text_width(self) -> Emu:
        section = self.document.sections[-1]
        return Emu((section.page_width or Mm(210)) - (section.left_margin or Mm(25))
                   - (section.right_margin or Mm(25)))

    @property
    def text_height(self) -> Emu:
        section = self.document.sections[-1]
        return Emu((section.page_height or Mm(297)) - (section.top_margin or Mm(25))
                   - (section.bottom_margin or Mm(25)))


def nfc(text: str) -> str:
    """Composed Vietnamese: decomposed marks render badly in many fonts."""
    return unicodedata.normalize("NFC", text)


def style_for(block: Block) -> str:
    if block.kind == "heading":
        return f"Heading {min(max(block.level, 1), 3)}"
    return STYLE_OF.get(block.kind, "Body")


def text_for(block: Block) -> str:
    text = nfc(block.text)
    if block.kind == "item" and not text.startswith(("-", "–")):
        return "- " + text
    if block.kind == "rule":
        return text or "-----"
    return text


def paragraph(container, styles: StyleMap, style: str, text: str = ""):
    """A paragraph at the end of a document or table cell."""
    para = container.add_paragraph(style=styles[style])
    if text:
        para.add_run(text)
    return para


def write_flow(out: Out, blocks: list[Block]) -> None:
    for block in blocks:
        if block.kind == "photo":
            write_photo(out, block)
        elif block.kind == "table" and isinstance(block.data, Table):
            write_table(out, block.data, block.text)
        else:
            paragraph(out.document, out.styles, style_for(block), text_for(block))


def write_photo(out: Out, block: Block) -> None:
    file = getattr(block.data, "file", None)
    if file:
        path = Path(out.base_dir) / file
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise fail(str(path), "file_unreadable", reason=exc.strerror or str(exc)) from None
        run = paragraph(out.document, out.styles, "Figure").add_run()
        try:
            shape = run.add_picture(BytesIO(data), width=out.text_width)
        except Exception as exc:  # python-docx's image parsers raise many types on bad files
            raise fail(str(path), "file_unreadable",
                       reason=f"not a usable image (PNG, JPEG, GIF, BMP, TIFF): {exc}") from None
        limit = int(out.text_height * _IMAGE_MAX_HEIGHT)
        if shape.height > limit:
            shape.width, shape.height = Emu(shape.width * limit // shape.height), Emu(limit)
    if block.text:
        paragraph(out.document, out.styles, "Caption", nfc(block.text))


def write_table(out: Out, table: Table, caption: str = "") -> None:
    caption = caption or table.caption
    if caption:
        paragraph(out.document, out.styles, "Caption", nfc(caption))
    rows = ([table.header] if table.header else []) + list(table.rows)
    cols = max((len(r) for r in rows), default=0)
    if not cols:
        return
    grid = out.document.add_table(rows=len(rows), cols=cols)
    grid.style = out.styles["Drafter Table"]
    for r, values in enumerate(rows):
        head = r == 0 and bool(table.header)
        for cell, value in zip(grid.rows[r].cells, values):
            para = cell.paragraphs[0]
            para.style = out.styles["Table Head" if head else "Table Text"]
            if value:
                para.add_run(nfc(str(value)))
        if head:  # repeat the header row on each page
            grid.rows[r]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
