"""A Party report (Hướng dẫn 36-HD/VPTW): the first-page header and the signature as
borderless two-column tables around the flowing body, and page numbers from page 2."""
from __future__ import annotations

import unicodedata

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Emu, Twips
from lxml import etree

from ...blocks import Block
from . import elements
from .body import Out, nfc, style_for, text_for, write_flow

HEADER_KINDS = {"org-higher", "org-issuer", "doc-number", "party-name", "place-date"}
SIGN_KINDS = {"sign-for", "sign-role", "sign-name", "recipients", "recipient"}
_HEADER_SPLIT = 0.45  # left column's share of the text width; the party name needs the room
_SIGN_SPLIT = 0.45
_SIGNATURE_LINES = 4  # empty lines for the signature and the seal
_CELL_MARGINS = Twips(2 * 108)  # Normal Table's left + right cell margins
# Times New Roman Bold advance widths (1/1000 em, same as Adobe Times-Bold) to size the
# line under the party name; marks do not change a Vietnamese letter's width.
_BOLD = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ ",
                 (722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
                  611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 250)))
_PAGE_FIELD = (
    '<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>',
    '<w:r {ns}><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
    '<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>',
    '<w:r {ns}><w:t>2</w:t></w:r>',
    '<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>',
)


def split(blocks: list[Block]) -> tuple[list[Block], list[Block], list[Block]]:
    """Header blocks lead the list and signature blocks end it; the rest flows between."""
    start = 0
    while start < len(blocks) and blocks[start].kind in HEADER_KINDS:
        start += 1
    end = len(blocks)
    while end > start and blocks[end - 1].kind in SIGN_KINDS:
        end -= 1
    return blocks[:start], blocks[start:end], blocks[end:]


def write_report(out: Out, blocks: list[Block]) -> None:
    head, flow, tail = split(blocks)
    if head:
        write_header(out, head)
    write_flow(out, flow)
    if tail:
        write_signature(out, tail)
    add_page_numbers(out)


def _of(blocks: list[Block], *kinds: str) -> list[Block]:
    return [b for b in blocks if b.kind in kinds]


def write_header(out: Out, blocks: list[Block]) -> None:
    """Row 1: higher body, issuer, "*" | party name; row 2: number | place and date, so the
    two share a line."""
    tbl, widths = _layout_table(out, _HEADER_SPLIT)
    left, right = elements.row(tbl)
    _fill(out, left, _of(blocks, "org-higher") + _of(blocks, "org-issuer"))
    if _of(blocks, "org-issuer"):
        out.paragraph("Header Left", "*", parent=left)
    for block in _of(blocks, "party-name"):
        text = text_for(block)
        out.paragraph("Header Party", text, parent=right,
                      ppr_extra=_narrow_to_text(text, 15, widths[1] - _CELL_MARGINS))
    left, right = elements.row(tbl)
    _fill(out, left, _of(blocks, "doc-number"))
    _fill(out, right, _of(blocks, "place-date"))
    elements.close(tbl)


def write_signature(out: Out, blocks: list[Block]) -> None:
    tbl, _ = _layout_table(out, _SIGN_SPLIT)
    # room above the signature, and the whole block kept on one page
    elements.sub(elements.insert_tbl_pr(tbl, "tblCellMar"), "top", w="240", type="dxa")
    left, right = elements.row(tbl, cant_split=True)
    _fill(out, left, _of(blocks, "recipients") + _of(blocks, "recipient"))
    signers = _of(blocks, "sign-for") + _of(blocks, "sign-role")
    _fill(out, right, signers)
    if signers or _of(blocks, "sign-name"):
        for _ in range(_SIGNATURE_LINES):
            out.paragraph("Sign", parent=right)
    _fill(out, right, _of(blocks, "sign-name"))
    elements.close(tbl)


def _fill(out: Out, cell, blocks: list[Block]) -> None:
    for block in blocks:
        out.paragraph(style_for(block), text_for(block), parent=cell)


def _layout_table(out: Out, split: float):
    width = out.text_width
    widths = [Emu(int(width * split)), Emu(width - int(width * split))]
    return out.table(widths, layout=True), widths


def _narrow_to_text(text: str, size_pt: float, room: Emu) -> list:
    """Indents on both sides so the paragraph's bottom border is about as long as the text
    (capitals; other letters are over-estimated, which only lengthens the line)."""
    em = sum(_BOLD.get(unicodedata.normalize("NFD", ch)[0].upper(), 556) for ch in nfc(text))
    text_width = Emu(int(em / 1000 * size_pt * 12700))
    # the line runs 4 % past each end: slack for fonts a little wider than Times New Roman
    side = (room - text_width * 108 // 100) // 2
    if side <= 0:
        return []
    ind = etree.Element(elements.w("ind"))
    ind.set(elements.w("left"), str(Emu(side).twips))
    ind.set(elements.w("right"), str(Emu(side).twips))
    return [ind]


def add_page_numbers(out: Out) -> None:
    """A centred PAGE field in the header from page 2; page 1 gets an empty first-page header.
    A reference doc that brings its own headers keeps them."""
    section = out.document.sections[-1]
    if section._sectPr.find(qn("w:headerReference")) is not None:
        return
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    style_id = out.styles.id("Header")
    para = header._element.find(elements.w("p"))
    para.style = style_id
    for run in _PAGE_FIELD:
        para.append(parse_xml(run.format(ns=nsdecls("w"))))
    first = section.first_page_header
    first.is_linked_to_previous = False
    first._element.find(elements.w("p")).style = style_id
