"""WordprocessingML body elements written as XML text.

A report is some fifty paragraphs; building each as lxml elements (five or six calls apiece)
and serialising the tree cost more than everything else in the writer. Strings escaped exactly
as lxml would escape them give the same document.xml for a fraction of the time.
Only style references and layout (widths, borders) are set here, never character formatting.
"""
from __future__ import annotations

_TEXT_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\r", "&#13;"))
_ATTR_ESCAPES = _TEXT_ESCAPES + (('"', "&quot;"), ("\n", "&#10;"), ("\t", "&#9;"))
_BORDERS = "".join(f'<w:{side} w:val="none" w:sz="0" w:space="0" w:color="auto"/>'
                   for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
_LAYOUT = f'<w:jc w:val="center"/><w:tblBorders>{_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
_LOOK = ('<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
         'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>')
_PICTURE = "http://schemas.openxmlformats.org/drawingml/2006/picture"


def text(value: str) -> str:
    """Element text escaped the way lxml writes it."""
    for char, entity in _TEXT_ESCAPES:
        if char in value:
            value = value.replace(char, entity)
    return value


def attr(value: str) -> str:
    """An attribute value escaped the way lxml writes it."""
    for char, entity in _ATTR_ESCAPES:
        if char in value:
            value = value.replace(char, entity)
    return value


def _t(piece: str) -> str:
    if piece != piece.strip() or "  " in piece:  # e.g. "Số    -BC/ĐU"
        return f'<w:t xml:space="preserve">{text(piece)}</w:t>'
    return f"<w:t>{text(piece)}</w:t>"


def run(value: str) -> str:
    """One <w:r> holding `value`; tabs, line breaks and non-breaking hyphens (U+2011, which
    many fonts lack a glyph for) become w:tab, w:br and w:noBreakHyphen."""
    if "\n" not in value and "\t" not in value and "\u2011" not in value:
        return f"<w:r>{_t(value)}</w:r>"
    out = []
    for i, line in enumerate(value.split("\n")):
        if i:
            out.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                out.append("<w:tab/>")
            for k, part in enumerate(piece.split("\u2011")):
                if k:
                    out.append("<w:noBreakHyphen/>")
                if part:
                    out.append(_t(part))
    return "<w:r>" + "".join(out) + "</w:r>"


def paragraph(style_id: str, value: str = "", ppr_extra: str = "", runs: str = "") -> str:
    """<w:p> with a style (an escaped id), then one run of `value`, then `runs` as given."""
    body = (run(value) if value else "") + runs
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{ppr_extra}</w:pPr>{body}</w:p>'


KEEP_NEXT = "<w:keepNext/>"  # ppr_extra: on the same page as the next paragraph


def indent(left: int, right: int) -> str:
    """Paragraph indents in twips, for `paragraph(ppr_extra=…)`."""
    return f'<w:ind w:left="{left}" w:right="{right}"/>'


class Table:
    """<w:tbl> with its grid (widths in twips). Rows are added with `row`, each cell a list of
    paragraph strings; the XML is written by str(). A layout table is fixed-width, centred and
    borderless whatever the office's default table style says."""

    def __init__(self, widths: list[int], style_id: str | None = None, layout: bool = False):
        self.widths, self.style_id, self.layout = widths, style_id, layout
        self.pr_extra = ""  # more tblPr children, which go just before tblLook
        self._rows: list[tuple[str, list[list[str]]]] = []

    def row(self, header: bool = False, cant_split: bool = False) -> list[list[str]]:
        """A row with one empty cell per grid column, returned for filling."""
        flags = ("<w:cantSplit/>" if cant_split else "") + ("<w:tblHeader/>" if header else "")
        cells: list[list[str]] = [[] for _ in self.widths]
        self._rows.append((f"<w:trPr>{flags}</w:trPr>" if flags else "", cells))
        return cells

    def __str__(self) -> str:
        style = f'<w:tblStyle w:val="{self.style_id}"/>' if self.style_id else ""
        out = [f'<w:tbl><w:tblPr>{style}<w:tblW w:w="{sum(self.widths)}" w:type="dxa"/>',
               _LAYOUT if self.layout else "", self.pr_extra, _LOOK, "</w:tblPr><w:tblGrid>"]
        out += [f'<w:gridCol w:w="{width}"/>' for width in self.widths]
        out.append("</w:tblGrid>")
        for tr_pr, cells in self._rows:
            out.append("<w:tr>" + tr_pr)
            for width, paragraphs in zip(self.widths, cells):
                # every cell needs a paragraph, even an empty one
                content = "".join(paragraphs) or "<w:p/>"
                out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{content}</w:tc>')
            out.append("</w:tr>")
        out.append("</w:tbl>")
        return "".join(out)


def picture(shape_id: int, rid: str, filename: str, cx: int, cy: int) -> str:
    """An inline picture run, as python-docx's new_pic_inline writes it, with no distance
    from the text (LibreOffice defaults it to 1/8")."""
    return (f'<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{shape_id}" name="Picture {shape_id}"/>'
            '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
            f'<a:graphic><a:graphicData uri="{_PICTURE}"><pic:pic><pic:nvPicPr>'
            f'<pic:cNvPr id="0" name="{attr(filename)}"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{attr(rid)}"/><a:stretch><a:fillRect/></a:stretch>'
            f'</pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/>'
            '</a:xfrm><a:prstGeom prst="rect"/></pic:spPr></pic:pic></a:graphicData></a:graphic>'
            "</wp:inline></w:drawing></w:r>")
