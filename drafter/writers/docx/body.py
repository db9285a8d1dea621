"""Flowing blocks, one paragraph (or picture, or table) each: all of an article, and the
middle of a report. Every paragraph gets a named style; nothing here formats directly."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ...compose.blocks import Block, Item, Photo, Table
from ...errors import fail
from ...read.paths import read_image
from ...compose.words import Marks, load as load_words
from . import elements
from .document import Document
from .opc import twips
from .typography import keep_together

STYLE_OF = {
    "headline": "Title", "meta": "Meta", "lead": "Lead", "p": "Body", "note": "Body",
    "caption": "Caption", "byline": "Byline", "item": "List Item",
    "title": "Report Title", "subtitle": "Report Subtitle", "rule": "Report Rule",
    "org-higher": "Header Left", "org-issuer": "Header Issuer", "doc-number": "Header Left",
    "party-name": "Header Party", "place-date": "Header Date",
    "sign-for": "Sign", "sign-role": "Sign", "sign-name": "Sign Name",
    "recipients": "Recipients Label", "recipient": "Recipient",
}
# XML 1.0 cannot hold these; lone surrogates cannot even be encoded
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_IMAGE_MAX_HEIGHT = 0.6  # of the text height: a portrait photo at full width would fill a page


class Out:
    """Where blocks go: the document being written (body, parts), the base's style ids, and
    the room on the page (EMU)."""

    def __init__(self, document: Document, base_dir: Path, marks: Marks | None = None):
        self.document, self.base_dir = document, Path(base_dir)
        self.marks = marks or load_words().marks  # the document's item, rule and header marks
        self.styles = document.base.styles
        self.text_width = document.base.text_width
        self.text_height = document.base.text_height
        self.office_finish = False  # a Party document: terms and dates never broken, see typography

    def paragraph(self, style: str, text: str = "", parent: list | None = None,
                  ppr_extra: str = "", runs: str = "") -> None:
        """A paragraph at the end of the body, or of `parent` (a table cell)."""
        if self.office_finish and text:
            text = keep_together(text)
        made = elements.paragraph(self.styles.xml_id(style), text, ppr_extra, runs)
        (self.document.body if parent is None else parent).append(made)

    def table(self, widths_emu: list[int], style: str | None = None,
              layout: bool = False) -> elements.Table:
        widths = [twips(x) for x in widths_emu]
        table = elements.Table(widths, self.styles.xml_id(style) if style else None, layout)
        self.document.body.append(table)
        return table


def nfc(text: str) -> str:
    """Composed Vietnamese (decomposed marks render badly in many fonts), without the control
    characters XML cannot hold."""
    return _CONTROL.sub("", unicodedata.normalize("NFC", text))


def style_for(block: Block) -> str:
    if block.kind == "heading":
        return f"Heading {min(max(block.level, 1), 3)}"
    return STYLE_OF.get(block.kind, "Body")


def text_for(block: Block, marks: Marks | None = None) -> str:
    """The text of BLOCK, with the document's item and rule marks (words.yaml marks)."""
    text = nfc(block.text)
    if block.kind in ("item", "rule"):
        marks = marks or load_words().marks
    if block.kind == "item" and not text.startswith(("-", "–")):
        return marks.item + text
    if block.kind == "rule":
        return text or marks.rule
    return text


def write_flow(out: Out, blocks: list[Item]) -> None:
    for i, block in enumerate(blocks):
        if isinstance(block, Photo):
            write_photo(out, block)
        elif isinstance(block, Table):
            write_table(out, block)
        else:
            out.paragraph(style_for(block), text_for(block, out.marks), ppr_extra=_keep(out, blocks, i))


def _keep(out: Out, blocks: list[Block], i: int) -> str:
    """In a Party document, a line that introduces what follows ("… như sau:", "Điều 1. …:")
    and the last paragraph (kept with the signature) do not end a page."""
    if not out.office_finish:
        return ""
    if blocks[i].text.endswith(":") or i == len(blocks) - 1:
        return elements.KEEP_NEXT
    return ""


def write_photo(out: Out, block: Photo) -> None:
    file = block.file
    if file:
        path = Path(out.base_dir) / file  # named in messages below
        data = read_image(out.base_dir, file)  # however the block was made: never from outside
        try:
            width = int(out.text_width * block.width) if block.width else out.text_width
            picture = out.document.picture(data, width, int(out.text_height * _IMAGE_MAX_HEIGHT))
        except Exception as exc:  # python-docx's image parsers raise many types on bad files
            raise fail(str(path), "file_unreadable",
                       reason=f"not a usable image (PNG, JPEG, GIF, BMP, TIFF): {exc}") from None
        out.paragraph("Figure", runs=picture)
        if block.text:  # a caption under no picture would stand alone on the page (validate warns)
            out.paragraph("Caption", nfc(block.text))


def _column_widths(rows, cols: int, total: int) -> list[int]:
    """Widths by each column's longest text, so "STT" stays narrow and prose gets the room."""
    longest = [max((len(str(r[c])) for r in rows if c < len(r)), default=0) for c in range(cols)]
    weights = [min(max(n, 4), 40) for n in longest]
    widths = [total * wt // sum(weights) for wt in weights]
    widths[-1] += total - sum(widths)
    return widths


def write_table(out: Out, table: Table) -> None:
    caption = table.caption
    if caption:
        out.paragraph("Caption", nfc(caption))
    rows = ([table.header] if table.header else []) + list(table.rows)
    cols = max((len(r) for r in rows), default=0)
    if not cols:
        return
    tbl = out.table(_column_widths(rows, cols, out.text_width), "Drafter Table")
    for r, values in enumerate(rows):
        head = r == 0 and bool(table.header)
        cells = tbl.row(header=head, cant_split=True)  # a row never splits across pages
        for cell, value in zip(cells, values):
            out.paragraph("Table Head" if head else "Table Text", nfc(str(value)), parent=cell)
