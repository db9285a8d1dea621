"""WordprocessingML elements built directly with lxml.

python-docx's add_paragraph/style setters re-check the default style on every call and cost
most of a report's time; building the few elements we need by hand is several times faster.
Only style references and layout (widths, borders) are set here, never character formatting.
"""
from __future__ import annotations

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def sub(parent, tag: str, **attrs: str):
    """A w:tag child of `parent`; attribute names are w: names too."""
    child = etree.SubElement(parent, w(tag))
    for name, value in attrs.items():
        child.set(w(name), value)
    return child


def paragraph(parent, style_id: str, text: str = "", ppr_extra=()):
    """<w:p> with a style and one run; tabs and line breaks become w:tab and w:br."""
    p = sub(parent, "p")
    ppr = sub(p, "pPr")
    sub(ppr, "pStyle", val=style_id)
    for element in ppr_extra:
        ppr.append(element)
    if text:
        run = sub(p, "r")
        for i, line in enumerate(text.split("\n")):
            if i:
                sub(run, "br")
            for j, piece in enumerate(line.split("\t")):
                if j:
                    sub(run, "tab")
                if piece:
                    t = sub(run, "t")
                    t.text = piece
                    if piece != piece.strip() or "  " in piece:  # e.g. "Số    -BC/ĐU"
                        t.set(_XML_SPACE, "preserve")
    return p


def table(parent, widths: list[int], style_id: str | None = None, layout: bool = False):
    """<w:tbl> with its grid (widths in twips); rows are added with `row`. A layout table is
    fixed-width, centred and borderless whatever the office's default table style says."""
    tbl = sub(parent, "tbl")
    tpr = sub(tbl, "tblPr")
    if style_id:
        sub(tpr, "tblStyle", val=style_id)
    sub(tpr, "tblW", w=str(sum(widths)), type="dxa")
    if layout:
        sub(tpr, "jc", val="center")
        borders = sub(tpr, "tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            sub(borders, side, val="none", sz="0", space="0", color="auto")
        sub(tpr, "tblLayout", type="fixed")
    sub(tpr, "tblLook", val="04A0", firstRow="1", lastRow="0", firstColumn="0",
        lastColumn="0", noHBand="0", noVBand="1")
    grid = sub(tbl, "tblGrid")
    for width in widths:
        sub(grid, "gridCol", w=str(width))
    return tbl


def row(tbl, header: bool = False, cant_split: bool = False) -> list:
    """A <w:tr> with one <w:tc> per grid column, returned empty: add paragraphs, then `close`."""
    tr = sub(tbl, "tr")
    if header or cant_split:
        trpr = sub(tr, "trPr")
        if cant_split:
            sub(trpr, "cantSplit")
        if header:  # repeat on each page
            sub(trpr, "tblHeader")
    cells = []
    for col in tbl.find(w("tblGrid")):
        tc = sub(tr, "tc")
        sub(sub(tc, "tcPr"), "tcW", w=col.get(w("w")), type="dxa")
        cells.append(tc)
    return cells


def close(tbl) -> None:
    """Every cell needs a paragraph, even an empty one."""
    for tc in tbl.iter(w("tc")):
        if tc.find(w("p")) is None:
            sub(tc, "p")


def insert_tbl_pr(tbl, tag: str, **attrs: str):
    """A tblPr child at its schema place (just before tblLook, which we always write last)."""
    child = etree.Element(w(tag))
    for name, value in attrs.items():
        child.set(w(name), value)
    tbl.find(w("tblPr")).find(w("tblLook")).addprevious(child)
    return child
