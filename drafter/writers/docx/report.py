"""A Party report (Hướng dẫn 36-HD/VPTW): the first-page header and the signature as
borderless two-column tables around the flowing body, and page numbers from page 2."""
from __future__ import annotations

import copy
import unicodedata
from functools import lru_cache

from lxml import etree

from ...blocks import Block
from . import elements
from .opc import CT_WML_HEADER, EMUS_PER_TWIP, RT_HEADER, default_header_xml, twips
from .base import PREFIXES, W
from .body import Out, nfc, style_for, text_for, write_flow

HEADER_KINDS = {"org-higher", "org-issuer", "doc-number", "party-name", "place-date"}
SIGN_KINDS = {"sign-for", "sign-role", "sign-name", "recipients", "recipient"}
_HEADER_SPLIT = 0.45  # left column's share of the text width; the party name needs the room
_SIGN_SPLIT = 0.45
_SIGNATURE_LINES = 4  # empty lines for the signature and the seal
_CELL_MARGINS = 2 * 108 * EMUS_PER_TWIP  # Normal Table's left + right cell margins
# Times New Roman Bold advance widths (1/1000 em, same as Adobe Times-Bold) to size the
# line under the party name; marks do not change a Vietnamese letter's width.
_BOLD = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ ",
                 (722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
                  611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 250)))
RELS = PREFIXES["r"]
# w:sectPr children that come after w:headerReference, and after w:titlePg (ECMA-376 order)
_AFTER_TITLE_PG = ("textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings",
                   "sectPrChange")
_AFTER_HEADER_REFERENCE = ("footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
                           "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign",
                           "noEndnote", "titlePg", *_AFTER_TITLE_PG)
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
    left, right = tbl.row()
    _fill(out, left, _of(blocks, "org-higher") + _of(blocks, "org-issuer"))
    if _of(blocks, "org-issuer"):
        out.paragraph("Header Left", "*", parent=left)
    for block in _of(blocks, "party-name"):
        text = text_for(block)
        out.paragraph("Header Party", text, parent=right,
                      ppr_extra=_narrow_to_text(text, 15, widths[1] - _CELL_MARGINS))
    left, right = tbl.row()
    _fill(out, left, _of(blocks, "doc-number"))
    _fill(out, right, _of(blocks, "place-date"))


def write_signature(out: Out, blocks: list[Block]) -> None:
    tbl, _ = _layout_table(out, _SIGN_SPLIT)
    # room above the signature, and the whole block kept on one page
    tbl.pr_extra = '<w:tblCellMar><w:top w:w="240" w:type="dxa"/></w:tblCellMar>'
    left, right = tbl.row(cant_split=True)
    _fill(out, left, _of(blocks, "recipients") + _of(blocks, "recipient"))
    signers = _of(blocks, "sign-for") + _of(blocks, "sign-role")
    _fill(out, right, signers)
    if signers or _of(blocks, "sign-name"):
        for _ in range(_SIGNATURE_LINES):
            out.paragraph("Sign", parent=right)
    _fill(out, right, _of(blocks, "sign-name"))


def _fill(out: Out, cell: list, blocks: list[Block]) -> None:
    for block in blocks:
        out.paragraph(style_for(block), text_for(block), parent=cell)


def _layout_table(out: Out, split: float):
    width = out.text_width
    widths = [int(width * split), width - int(width * split)]
    return out.table(widths, layout=True), widths


def _narrow_to_text(text: str, size_pt: float, room: int) -> str:
    """Indents on both sides so the paragraph's bottom border is about as long as the text
    (capitals; other letters are over-estimated, which only lengthens the line)."""
    em = sum(_BOLD.get(unicodedata.normalize("NFD", ch)[0].upper(), 556) for ch in nfc(text))
    text_width = int(em / 1000 * size_pt * 12700)
    # the line runs 4 % past each end: slack for fonts a little wider than Times New Roman
    side = (room - text_width * 108 // 100) // 2
    if side <= 0:
        return ""
    return elements.indent(twips(side), twips(side))


def add_page_numbers(out: Out) -> None:
    """A centred PAGE field in the header from page 2; page 1 gets an empty first-page header.
    A reference doc that brings its own headers keeps them."""
    document = out.document
    sect_pr = copy.deepcopy(document.sect_pr if document.sect_pr is not None
                            else document.base.sect_pr)
    if sect_pr.find(_w("headerReference")) is not None:
        return
    title_pg = sect_pr.find(_w("titlePg"))
    if title_pg is None:
        title_pg = etree.Element(_w("titlePg"))
        _insert(sect_pr, title_pg, _AFTER_TITLE_PG)
    title_pg.attrib.pop(_w("val"), None)  # on, like python-docx writes it
    style_id = out.styles.id("Header")
    for kind, blob in (("default", _header(style_id, page_field=True)),
                       ("first", _header(style_id, page_field=False))):
        partname = document.next_partname("/word/header%d.xml")
        document.add_part(partname, CT_WML_HEADER, blob)
        ref = etree.Element(_w("headerReference"))
        ref.set(_w("type"), kind)
        ref.set(f"{{{RELS}}}id", document.relate(RT_HEADER, partname))
        _insert(sect_pr, ref, _AFTER_HEADER_REFERENCE)
    document.sect_pr = sect_pr


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _insert(parent, child, successors: tuple[str, ...]) -> None:
    """Before the first of `successors` present (the schema's order), else last."""
    for tag in successors:
        found = parent.find(_w(tag))
        if found is not None:
            found.addprevious(child)
            return
    parent.append(child)


@lru_cache(maxsize=8)
def _header(style_id: str, page_field: bool) -> bytes:
    """A header part from python-docx's template, its paragraph in `style_id`."""
    root = etree.fromstring(default_header_xml(),
                            etree.XMLParser(remove_blank_text=True))
    para = root.find(_w("p"))
    ppr = para.find(_w("pPr"))
    if ppr is None:
        ppr = etree.Element(_w("pPr"))
        para.insert(0, ppr)
    style = ppr.find(_w("pStyle"))
    if style is None:
        style = etree.Element(_w("pStyle"))
        ppr.insert(0, style)
    style.set(_w("val"), style_id)
    if page_field:
        for run in _PAGE_FIELD:
            para.append(etree.fromstring(run.format(ns=f'xmlns:w="{W}"')))
    return etree.tostring(root, encoding="UTF-8", standalone=True)
