"""A Party report (Hướng dẫn 36-HD/VPTW): the first-page header and the signature as
borderless two-column tables around the flowing body, and page numbers from page 2."""
from __future__ import annotations

import unicodedata

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Emu, Twips

from ...blocks import Block
from .body import Out, nfc, paragraph, style_for, text_for, write_flow

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


def write_report(out: Out, blocks: list[Block], page_numbers: bool = True) -> None:
    head, flow, tail = split(blocks)
    if head:
        write_header(out, head)
    write_flow(out, flow)
    if tail:
        write_signature(out, tail)
    if page_numbers:
        add_page_numbers(out)


def _of(blocks: list[Block], *kinds: str) -> list[Block]:
    return [b for b in blocks if b.kind in kinds]


def write_header(out: Out, blocks: list[Block]) -> None:
    """Row 1: higher body, issuer, "*" | party name; row 2: number | place and date, so the
    two share a line."""
    table = _layout_table(out, rows=2, split=_HEADER_SPLIT)
    left, right = table.rows[0].cells
    _fill(out, left, _of(blocks, "org-higher") + _of(blocks, "org-issuer"))
    if _of(blocks, "org-issuer"):
        paragraph(left, out.styles, "Header Left", "*")
    for block in _of(blocks, "party-name"):
        para = paragraph(right, out.styles, "Header Party", text_for(block))
        _narrow_to_text(para, text_for(block), 15, right.width - _CELL_MARGINS)
    left, right = table.rows[1].cells
    _fill(out, left, _of(blocks, "doc-number"))
    _fill(out, right, _of(blocks, "place-date"))
    _drop_empty_first(table)


def write_signature(out: Out, blocks: list[Block]) -> None:
    table = _layout_table(out, rows=1, split=_SIGN_SPLIT)
    left, right = table.rows[0].cells
    _fill(out, left, _of(blocks, "recipients") + _of(blocks, "recipient"))
    signers = _of(blocks, "sign-for") + _of(blocks, "sign-role")
    _fill(out, right, signers)
    if signers or _of(blocks, "sign-name"):
        for _ in range(_SIGNATURE_LINES):
            paragraph(right, out.styles, "Sign")
    _fill(out, right, _of(blocks, "sign-name"))
    # room above the signature, and the block kept on one page
    table._tbl.tblPr.append(parse_xml(
        f'<w:tblCellMar {nsdecls("w")}><w:top w:w="240" w:type="dxa"/></w:tblCellMar>'))
    table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f'<w:cantSplit {nsdecls("w")}/>'))
    _drop_empty_first(table)


def _fill(out: Out, cell, blocks: list[Block]) -> None:
    for block in blocks:
        paragraph(cell, out.styles, style_for(block), text_for(block))


def _layout_table(out: Out, rows: int, split: float):
    """A borderless, fixed-width table: borders set to none in case the office's default
    table style has some."""
    width = out.text_width
    widths = [Emu(int(width * split)), Emu(width - int(width * split))]
    table = out.document.add_table(rows=rows, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    tbl_pr.append(parse_xml(
        f'<w:tblBorders {nsdecls("w")}>'
        + "".join(f'<w:{side} w:val="none" w:sz="0" w:space="0" w:color="auto"/>'
                  for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + "</w:tblBorders>"))
    _order_tbl_pr(tbl_pr)
    for col, w in zip(table.columns, widths):
        col.width = w
        for cell in col.cells:
            cell.width = w
    return table


# tblPr children must follow the schema's order or Word reports the file as damaged
_TBL_PR_ORDER = ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
                 "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
                 "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription"]


def _order_tbl_pr(tbl_pr) -> None:
    children = sorted(tbl_pr, key=lambda c: _TBL_PR_ORDER.index(c.tag.split("}")[1]))
    for child in children:
        tbl_pr.append(child)


def _drop_empty_first(table) -> None:
    """python-docx starts each cell with an empty paragraph; drop it where we added ours."""
    for row in table.rows:
        for cell in row.cells:
            paras = cell._tc.findall(qn("w:p"))
            if len(paras) > 1 and not paras[0].xpath("string(.)") and paras[0].pPr is None:
                cell._tc.remove(paras[0])
    _order_tbl_pr(table._tbl.tblPr)


def _narrow_to_text(para, text: str, size_pt: float, room: Emu) -> None:
    """Indent both sides so the paragraph's bottom border is about as long as the text."""
    em = sum(_BOLD.get(unicodedata.normalize("NFD", ch)[0].upper(), 556) for ch in nfc(text))
    text_width = Emu(int(em / 1000 * size_pt * 12700))
    # the line runs 4 % past each end: slack for fonts a little wider than Times New Roman
    side = (room - text_width * 108 // 100) // 2
    if side > 0:
        para.paragraph_format.left_indent = Emu(side)
        para.paragraph_format.right_indent = Emu(side)


def add_page_numbers(out: Out) -> None:
    """A centred PAGE field in the header from page 2; page 1 gets an empty first-page header.
    A reference doc that brings its own headers keeps them."""
    section = out.document.sections[-1]
    if section._sectPr.find(qn("w:headerReference")) is not None:
        return
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    para = header.paragraphs[0]
    para.style = out.styles["Header"]
    for run in _PAGE_FIELD:
        para._p.append(parse_xml(run.format(ns=nsdecls("w"))))
    section.first_page_header.is_linked_to_previous = False
    section.first_page_header.paragraphs[0].style = out.styles["Header"]
