"""A Party report (Hướng dẫn 36-HD/VPTW): the first-page header and the signature as
borderless two-column tables around the flowing body, and page numbers from page 2."""
from __future__ import annotations

import copy
from dataclasses import replace
from functools import lru_cache

from lxml import etree

from ...compose.blocks import Block
from ...compose.document import Document as Source, Header, Recipients, Signature
from ..numbering import flow
from . import elements
from .opc import CT_WML_HEADER, EMUS_PER_TWIP, RT_HEADER, default_header_xml, points, twips
from .base import PREFIXES, W
from .body import Out, nfc, text_for, write_flow
from .phrases import bind, broken
from .typography import balanced_lines, fits, line_count, text_width

_HEADER_SPLITS = (0.45, 0.5, 0.55)  # left column's share of the text width, first that serves
_NARROW_SPLIT = 0.4  # a long place and date ("Phước Long Thọ, ngày …") keep their one line
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


def write_report(out: Out, doc: Source) -> None:
    out.office_finish = True
    if doc.header:
        write_header(out, doc.header)
    write_flow(out, [_balanced_summary(out, b) if b.kind == "subtitle" else b for b in flow(doc)])
    if doc.signature or doc.recipients:
        write_signature(out, doc.signature or Signature(), doc.recipients or Recipients())
    add_page_numbers(out)


def _orgs(header: Header) -> list[tuple[str, str, bool]]:
    """The left column's bodies: (text, style, bold), the higher body first."""
    return [*((nfc(line), "Header Left", False) for line in header.higher),
            *((nfc(line), "Header Issuer", True) for line in header.issuer)]


def write_header(out: Out, header: Header) -> None:
    """Row 1: higher body, issuer, "*" | party name; row 2: number | place and date, so the
    two share a line."""
    tbl, widths = _layout_table(out, _header_split(out, header))
    left, right = tbl.row()
    room = points(widths[0] - _CELL_MARGINS)
    for text, style, bold in _orgs(header):
        out.paragraph(style, "\n".join(balanced_lines(text, room, _HEADER_PT, bold=bold)), parent=left)
    if header.issuer:
        out.paragraph("Header Left", out.marks.issuer, parent=left)
    if header.party is not None:
        text = nfc(header.party)
        out.paragraph("Header Party", text, parent=right,
                      ppr_extra=_narrow_to_text(text, 15, widths[1] - _CELL_MARGINS))
    left, right = tbl.row()
    if header.number is not None:
        out.paragraph("Header Left", nfc(header.number), parent=left)
    if header.place_date is not None:
        out.paragraph("Header Date", _date_line(nfc(header.place_date), points(widths[1] - _CELL_MARGINS)),
                      parent=right)


def _balanced_summary(out: Out, block: Block) -> Block:
    """The summary line under "BÁO CÁO" in even lines, not a long line and a last word."""
    room = points(out.text_width) * 0.9  # centred: a little air at both ends
    lines = balanced_lines(text_for(block), room, _HEADER_PT, bold=True)
    return replace(block, text="\n".join(lines))


def _header_split(out: Out, header: Header) -> float:
    """The left column's share that sets the org lines in the fewest lines, while the party
    name and the place and date still fit the right column on one line each."""
    right_lines = [(nfc(t), _HEADER_PT + bold, bool(bold)) for t, bold in
                   ((header.party, 1), (header.place_date, 0)) if t is not None]

    def right_fits(share: float) -> bool:
        right = points(out.text_width - int(out.text_width * share) - _CELL_MARGINS)
        return all(fits(text, right, size, bold) for text, size, bold in right_lines)

    if not right_fits(_HEADER_SPLITS[0]):  # narrower bodies, if they still break well
        wide, narrow = _left_lines(out, header, _HEADER_SPLITS[0]), _left_lines(out, header, _NARROW_SPLIT)
        if right_fits(_NARROW_SPLIT) and narrow[0] <= wide[0] and narrow[1] <= wide[1] + 1:
            return _NARROW_SPLIT
    best, best_lines = _HEADER_SPLITS[0], None
    for share in _HEADER_SPLITS:
        left = points(int(out.text_width * share) - _CELL_MARGINS)
        if share != _HEADER_SPLITS[0] and not right_fits(share):
            break
        lines = sum(line_count(text, left, _HEADER_PT, bold) for text, _, bold in _orgs(header))
        if best_lines is None or lines < best_lines:
            best, best_lines = share, lines
    return best


def _left_lines(out: Out, header: Header, share: float) -> tuple[int, int]:
    """The left column's breaks inside a phrase, and its lines, at SHARE of the width."""
    room = points(int(out.text_width * share) - _CELL_MARGINS)
    set_ = [balanced_lines(text, room, _HEADER_PT, bold) for text, _, bold in _orgs(header)]
    return sum(broken(lines) for lines in set_), sum(len(lines) for lines in set_)


def _date_line(text: str, room_pt: float) -> str:
    """The place and date; too long for its column, it breaks after the place, not in the date."""
    if fits(text, room_pt, _HEADER_PT):
        return text
    place, comma, date = text.partition(", ")
    return place + comma + date.replace(" ", "\u00a0") if comma else text


def write_signature(out: Out, signature: Signature, recipients: Recipients) -> None:
    """Left Nơi nhận and the recipients; right on whose behalf, the role, room for the
    signature and the seal, and the name."""
    tbl, _ = _layout_table(out, _SIGN_SPLIT)
    # room above the signature, and the whole block kept on one page
    tbl.pr_extra = '<w:tblCellMar><w:top w:w="240" w:type="dxa"/></w:tblCellMar>'
    left, right = tbl.row(cant_split=True)
    _fill(out, left, [("Recipients Label", recipients.label),
                      *(("Recipient", bind(nfc(p))) for p in recipients.places)])
    signers = [("Sign", signature.on_behalf), ("Sign", signature.role)]
    _fill(out, right, signers)
    if any(text is not None for _, text in signers) or signature.name is not None:
        for _ in range(_SIGNATURE_LINES):
            out.paragraph("Sign", parent=right)
    _fill(out, right, [("Sign Name", signature.name)])


def _fill(out: Out, cell: list, lines: list[tuple[str, str | None]]) -> None:
    for style, text in lines:
        if text is not None:
            out.paragraph(style, nfc(text), parent=cell)


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
