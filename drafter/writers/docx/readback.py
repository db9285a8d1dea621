"""A DOCX read back into canonical, readable text, for golden files and review diffs.

Shows what a reader would notice changing: page set-up, headers, the definition of every style
in use, then the body paragraph by paragraph as `[Style] text {direct formatting}`.
"""
from __future__ import annotations

from io import BytesIO

import docx
from docx.oxml.ns import qn
from docx.styles import BabelFish

_EMU_PER_MM = 36000
_MM_ATTRS = {"left", "right", "start", "end", "firstLine", "hanging", "w"}
_PT_ATTRS = {"before", "after"}  # twips
_HALF_PT = {"sz", "szCs"}
_SIDES = ("top", "bottom", "left", "right")


def dump(data: bytes) -> str:
    document = docx.Document(BytesIO(data))
    lines: list[str] = []
    props = document.core_properties
    lines.append(f"properties: title={props.title!r} author={props.author!r}")
    used = _Used(document)
    for sect in document.element.body.iter(qn("w:sectPr")):
        lines += _section(document, sect, used)
    body: list[str] = []
    for child in document.element.body:
        if child.tag == qn("w:p"):
            body.append(_para(child, used))
        elif child.tag == qn("w:tbl"):
            body += _table(child, used)
    lines += _styles(document, used)
    lines.append("body:")
    lines += ["  " + line for line in body]
    return "\n".join(lines) + "\n"


class _Used(set):
    """Style ids met so far, and how to name them: names, not ids, are what offices see."""

    def __init__(self, document):
        super().__init__()
        self.names, self.default = {}, {}
        for style in document.styles.element.iterfind(qn("w:style")):
            name = style.find(qn("w:name"))
            sid = _w(style, "styleId")
            self.names[sid] = BabelFish.internal2ui(_w(name, "val")) if name is not None else sid
            if _w(style, "default") in ("1", "true"):
                self.default.setdefault(_w(style, "type"), sid)

    def note(self, sid: str | None, kind: str) -> str:
        sid = sid or self.default.get(kind, "")
        self.add(sid)
        return self.names.get(sid, f"undefined {sid}")


def _w(el, name: str) -> str | None:
    return el.get(qn(f"w:{name}"))


def _mm(twips: str | None) -> str:
    return f"{round(int(twips or 0) * 25.4 / 1440, 1):g}"


def _section(document, sect, used: _Used) -> list[str]:
    size, mar = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
    out = ["section:"]
    if size is not None:
        orient = _w(size, "orient")
        out.append(f"  page {_mm(_w(size, 'w'))}x{_mm(_w(size, 'h'))} mm"
                   + (f" {orient}" if orient else ""))
    if mar is not None:
        out.append("  margins " + ", ".join(
            f"{side} {_mm(_w(mar, side))}" for side in (*_SIDES, "header", "footer"))
                   + " mm")
    if sect.find(qn("w:titlePg")) is not None:
        out.append("  titlePg")
    for kind in ("header", "footer"):
        for ref in sect.iterfind(qn(f"w:{kind}Reference")):
            part = document.part.related_parts[ref.get(qn("r:id"))]
            text = " ¶ ".join(_para(p, used) for p in part.element.iter(qn("w:p")))
            out.append(f"  {kind} {_w(ref, 'type')}: {text}")
    return out


def _para(p, used: _Used) -> str:
    ppr = p.find(qn("w:pPr"))
    sid, direct = None, ""
    if ppr is not None:
        ps = ppr.find(qn("w:pStyle"))
        sid = _w(ps, "val") if ps is not None else None
        direct = _props(ppr, skip={"pStyle", "rPr"})
    style = used.note(sid, "paragraph")
    text, run_props = _runs(p)
    parts = [f"[{style}]"] + ([text] if text else [])
    direct = "; ".join(d for d in (direct, run_props) if d)
    if direct:
        parts.append("{" + direct + "}")
    return " ".join(parts)


def _runs(p) -> tuple[str, str]:
    """Text with fields as {INSTR} (their cached result skipped) and pictures as [image]."""
    text, props, in_result = [], [], False
    for el in p.iter():
        tag = el.tag.split("}")[1] if isinstance(el.tag, str) else ""
        if tag == "fldChar":
            kind = _w(el, "fldCharType")
            in_result = kind == "separate" or (in_result and kind != "end")
        elif tag == "instrText":
            text.append("{" + (el.text or "").strip() + "}")
        elif tag == "fldSimple":
            text.append("{" + (_w(el, "instr") or "").strip() + "}")
            in_result = True
        elif in_result:
            continue
        elif tag == "t":
            text.append(el.text or "")
        elif tag == "noBreakHyphen":
            text.append("\u2011")
        elif tag in ("tab", "br", "cr"):
            text.append("\\t" if tag == "tab" else "\\n")
        elif tag == "extent":
            text.append(f"[image {round(int(el.get('cx')) / _EMU_PER_MM)}"
                        f"x{round(int(el.get('cy')) / _EMU_PER_MM)} mm]")
        elif tag == "rPr" and el.getparent().tag == qn("w:r"):
            props.append(_props(el))
    return "".join(text), "; ".join(sorted({p for p in props if p}))


def _table(tbl, used: _Used) -> list[str]:
    tpr = tbl.find(qn("w:tblPr"))
    style_el = tpr.find(qn("w:tblStyle")) if tpr is not None else None
    style = used.note(_w(style_el, "val") if style_el is not None else None, "table")
    cols = [_mm(_w(c, "w")) for c in tbl.iterfind(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")]
    direct = _props(tpr, skip={"tblStyle", "tblLook", "tblW"}) if tpr is not None else ""
    out = [f"table [{style}] cols {' | '.join(cols)} mm" + (f" {{{direct}}}" if direct else "")]
    for tr in tbl.iterfind(qn("w:tr")):
        trpr = tr.find(qn("w:trPr"))
        cells = []
        for tc in tr.iterfind(qn("w:tc")):
            paras = [_para(p, used) for p in tc.iterfind(qn("w:p"))]
            if tc.find(qn("w:tbl")) is not None:
                paras.append("[nested table]")
            cells.append(" ¶ ".join(paras))
        flags = f" {{{_props(trpr)}}}" if trpr is not None and len(trpr) else ""
        out.append("  | " + " | ".join(cells) + " |" + flags)
    return out


def _styles(document, used: _Used) -> list[str]:
    """The styles in use and the ones they are based on, sorted by name."""
    styles = {s.style_id: s for s in document.styles}
    wanted, todo = set(), list(used)
    while todo:
        sid = todo.pop()
        if sid in wanted or sid not in styles:
            continue
        wanted.add(sid)
        based = styles[sid].element.find(qn("w:basedOn"))
        if based is not None:
            todo.append(_w(based, "val"))
    out = ["styles:"]
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        for el in defaults.iter(qn("w:pPr"), qn("w:rPr")):
            out.append(f"  (defaults {el.tag.split('}')[1]}) {_props(el)}")
    for sid in sorted(wanted, key=lambda s: used.names[s]):
        el = styles[sid].element
        based = el.find(qn("w:basedOn"))
        head = f"  {used.names[sid]} ({_w(el, 'type')}"
        if based is not None:
            head += f", based on {used.names.get(_w(based, 'val'), _w(based, 'val'))}"
        head += ")"
        body = "; ".join(filter(None, (_props(c) for c in el
                                       if c.tag in (qn("w:pPr"), qn("w:rPr"), qn("w:tblPr")))))
        extra = [f"{_w(c, 'type')}: {_props(c)}" for c in el.iterfind(qn("w:tblStylePr"))]
        out.append(head + (f": {body}" if body else "") + "".join(f" [{e}]" for e in extra))
    missing = sorted(used - set(styles))
    if missing:
        out.append("  undefined ids: " + ", ".join(missing))
    return out


def _props(el, skip: frozenset | set = frozenset()) -> str:
    """pPr/rPr/tblPr children as `name attr=value`, lengths in mm and pt."""
    return ", ".join(_prop(c) for c in el
                     if isinstance(c.tag, str) and c.tag.split("}")[1] not in skip)


def _prop(child) -> str:
    name = child.tag.split("}")[1]
    if name in _HALF_PT:
        return f"{name} {int(_w(child, 'val')) / 2:g}pt"
    if name == "rFonts" and len(set(child.attrib.values())) == 1:
        return f"font {next(iter(child.attrib.values()))} (all)"
    attrs = []
    for key, value in sorted(child.attrib.items()):
        attr = key.split("}")[1]
        if attr in _MM_ATTRS and value.lstrip("-").isdigit():
            value = _mm(value) + "mm"
        elif attr in _PT_ATTRS and value.isdigit():
            value = f"{int(value) / 20:g}pt"
        attrs.append(f"{attr}={value}")
    kids = [c for c in child if isinstance(c.tag, str)]
    if len(kids) > 1 and kids[0].attrib and len({tuple(sorted(c.attrib.items())) for c in kids}) == 1:
        # borders: one line for six identical sides
        sides = ",".join(c.tag.split("}")[1] for c in kids)
        nested = f"{sides}: " + _prop(kids[0]).partition(" ")[2]
    else:
        nested = _props(child) if kids else ""
    return " ".join([name, *attrs]) + (f" ({nested})" if nested else "")
