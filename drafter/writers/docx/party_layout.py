"""A Party report (Hướng dẫn 36-HD/VPTW): the first-page header and the signature as
borderless two-column tables around the flowing body, and page numbers from page 2."""
from __future__ import annotations

import copy
from dataclasses import replace
from functools import lru_cache

from lxml import etree

from ...blocks import Block
from . import elements
from .opc import CT_WML_HEADER, EMUS_PER_TWIP, RT_HEADER, default_header_xml, points, twips
from .base import PREFIXES, W
from .body import Out, nfc, style_for, text_for, write_flow
from .typography import balanced_lines, fits, line_count, text_width

HEADER_KINDS = {"org-higher", "org-issuer", "doc-number", "party-name", "place-date"}
SIGN_KINDS = {"sign-for", "sign-role", "sign-name", "recipients", "recipient"}
_HEADER_SPLITS = (0.45, 0.5, 0.55)  # left column's share of the text width, first that serves
_SIGN_SPLIT = 0.45
_SIGNATURE_LINES = 4  # empty lines for the signature and the seal
_CELL_MARGINS = 2 * 108 * EMUS_PER_TWIP  # Normal Table's left + right cell margins
_HEADER_PT = 14  # the header's org lines (styles Header Left, Header Issuer)
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
    out.office_finish = True
    head, flow, tail = split(blocks)
    if head:
        write_header(out, head)
    write_flow(out, [_balanced_summary(out, b) if b.kind == "subtitle" else b for b in flow])
    if tail:
        write_signature(out, tail)
    add_page_numbers(out)


def _of(blocks: list[Block], *kinds: str) -> list[Block]:
    return [b for b in blocks if b.kind in kinds]


def write_header(out: Out, blocks: list[Block]) -> None:
    """Row 1: higher body, issuer, "*" | party name; row 2: number | place and date, so the
    two share a line."""
    tbl, widths = _layout_table(out, _header_split(out, blocks))
    left, right = tbl.row()
    room = points(widths[0] - _CELL_MARGINS)
    for block in _of(blocks, "org-higher") + _of(blocks, "org-issuer"):
        lines = balanced_lines(text_for(block), room, _HEADER_PT, bold=block.kind == "org-issuer")
        out.paragraph(style_for(block), "\n".join(lines), parent=left)
    if _of(blocks, "org-issuer"):
        out.paragraph("Header Left", "*", parent=left)
    for block in _of(blocks, "party-name"):
        text = text_for(block)
        out.paragraph("Header Party", text, parent=right,
                      ppr_extra=_narrow_to_text(text, 15, widths[1] - _CELL_MARGINS))
    left, right = tbl.row()
    _fill(out, left, _of(blocks, "doc-number"))
    _fill(out, right, _of(blocks, "place-date"))


def _balanced_summary(out: Out, block: Block) -> Block:
    """The summary line under "BÁO CÁO" in even lines, not a long line and a last word."""
    room = points(out.text_width) * 0.9  # centred: a little air at both ends
    lines = balanced_lines(text_for(block), room, _HEADER_PT, bold=True)
    return replace(block, text="\n".join(lines))


def _header_split(out: Out, blocks: list[Block]) -> float:
    """The left column's share that sets the org lines in the fewest lines, while the party
    name and the place and date still fit the right column on one line each."""
    orgs = _of(blocks, "org-higher") + _of(blocks, "org-issuer")
    best, best_lines = _HEADER_SPLITS[0], None
    for share in _HEADER_SPLITS:
        left = points(int(out.text_width * share) - _CELL_MARGINS)
        right = points(out.text_width - int(out.text_width * share) - _CELL_MARGINS)
        if share != _HEADER_SPLITS[0] and not all(
                fits(text_for(b), right, _HEADER_PT + (b.kind == "party-name"), b.kind == "party-name")
                for b in _of(blocks, "party-name", "place-date")):
            break
        lines = sum(line_count(text_for(b), left, _HEADER_PT, b.kind == "org-issuer") for b in orgs)
        if best_lines is None or lines < best_lines:
            best, best_lines = share, lines
    return best


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
    width = int(text_width(nfc(text), size_pt, bold=True) * 12700)
    # the line runs 4 % past each end: slack for fonts a little wider than Times New Roman
    side = (room - width * 108 // 100) // 2
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
