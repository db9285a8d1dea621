"""A base package read once, then shared by every document built on it.

Opening a package with python-docx parses every part; doing that per document cost more than
writing the document. A Base keeps what never changes as bytes (styles, settings, theme,
their rels…) and the main document as XML text around the body, so a document adds only
its body, its images and headers, and its core properties.
"""
from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field

import posixpath
from typing import TYPE_CHECKING

from lxml import etree

from .opc import EMUS_PER_MM, EMUS_PER_TWIP, RT_CORE_PROPERTIES, RT_IMAGE, RT_OFFICE_DOCUMENT, rels_member
from .styles import StyleMap

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Prefixes the body text is written with; the lean base declares them all on its root.
PREFIXES = {"w": W, "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
            "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
            "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture"}
_BODY = "\ue000body\ue000"  # a private-use mark: never in the XML


@dataclass(frozen=True)
class Rel:
    rid: str
    reltype: str
    target_ref: str
    external: bool = False
    target: str = ""  # partname of an internal target


@dataclass
class Base:
    members: dict[str, bytes]  # zip member -> bytes, for every part a document leaves alone
    types: dict[str, str]  # partname -> content type, for all parts
    document: str  # the main document's partname
    core: str  # the core properties' partname
    rels: list[Rel]  # the main document's relationships
    images: list[tuple[str, str]]  # (sha1, partname) of the package's image parts
    root: etree._Element  # the main document, its body holding only the section properties
    styles: StyleMap
    text_width: int  # EMU
    text_height: int
    next_shape_id: int
    _cache: dict = field(default_factory=dict)  # per-base results of document.py

    @property
    def sect_pr(self) -> etree._Element:
        return self.root.find(f"{{{W}}}body/{{{W}}}sectPr")

    def around_body(self, sect_pr: etree._Element | None = None) -> tuple[str, str]:
        """The document's XML before the body content, and from the section properties on,
        with `sect_pr` in place of the base's own."""
        root = copy.deepcopy(self.root)
        body = root.find(f"{{{W}}}body")
        if sect_pr is not None:
            body.replace(body.find(f"{{{W}}}sectPr"), copy.deepcopy(sect_pr))
        body.text = _BODY
        xml = etree.tostring(root, encoding="UTF-8", standalone=True).decode("utf-8")
        head, rest = xml.split(_BODY)
        return head, rest


def from_document(document: DocxDocument) -> Base:
    """Everything a document needs from an opened python-docx package (a prepared reference
    doc; the lean base is read by from_parts, to the same Base)."""
    from docx.shared import Mm

    package = document.part.package
    core = package._core_properties_part  # created if the package has none
    main = document.part
    members: dict[str, bytes] = {"_rels/.rels": package.rels.xml}
    types: dict[str, str] = {}
    for part in package.iter_parts():
        part.before_marshal()
        types[part.partname] = part.content_type
        if part is main or part is core:
            continue
        members[part.partname.membername] = part.blob
        if len(part.rels):
            members[part.partname.rels_uri.membername] = part.rels.xml
    images: dict = {}  # parts in the order python-docx gathers them
    for rel in package.iter_rels():
        if not rel.is_external and rel.reltype == RT_IMAGE:
            images.setdefault(rel.target_part, None)
    rels = [Rel(r.rId, r.reltype, r.target_ref, r.is_external,
                "" if r.is_external else r.target_part.partname) for r in main.rels.values()]
    ids = [int(i) for i in main.element.xpath("//@id") if i.isdigit()]
    section = document.sections[-1]
    images_ = [(hashlib.sha1(p.blob).hexdigest(), p.partname) for p in images]
    return Base(members, types, main.partname, core.partname, rels, images_, _lean_root(document),
                StyleMap(document.styles.element),
                (section.page_width or Mm(210)) - (section.left_margin or Mm(25))
                - (section.right_margin or Mm(25)),
                (section.page_height or Mm(297)) - (section.top_margin or Mm(25))
                - (section.bottom_margin or Mm(25)),
                max(ids, default=0) + 1)


def from_parts(parts: dict[str, bytes]) -> Base:
    """The Base python-docx's from_document makes of a package with these parts (zip member ->
    bytes; XML without blank text, as data_xml gives it), read with lxml alone. For the lean
    base only: one document part, no pictures, sizes in plain twips; anything else is None.
    tests/test_docx_opc.py compares the two Bases."""
    def xml(name):
        return etree.fromstring(parts[name], etree.XMLParser(remove_blank_text=True))

    def rels_of(member, folder):
        if member not in parts:
            return []
        return [Rel(r.get("Id"), r.get("Type"), r.get("Target"), r.get("TargetMode") == "External",
                    "" if r.get("TargetMode") == "External"
                    else posixpath.abspath(posixpath.join(folder, r.get("Target"))))
                for r in xml(member)]

    types_root = xml("[Content_Types].xml")
    defaults = {d.get("Extension").lower(): d.get("ContentType") for d in types_root if d.tag.endswith("}Default")}
    overrides = {o.get("PartName"): o.get("ContentType") for o in types_root if o.tag.endswith("}Override")}
    package_rels = rels_of("_rels/.rels", "/")
    main = next(r.target for r in package_rels if r.reltype == RT_OFFICE_DOCUMENT)
    core = next(r.target for r in package_rels if r.reltype == RT_CORE_PROPERTIES)
    from .document import _rels_xml  # the package's rels as python-docx writes them

    members: dict[str, bytes] = {"_rels/.rels": _rels_xml(tuple(package_rels))}
    types: dict[str, str] = {}
    rels = rels_of(rels_member(main), posixpath.dirname(main))
    for partname in [r.target for r in package_rels if not r.external] + [r.target for r in rels if not r.external]:
        if partname in types:
            continue
        types[partname] = overrides.get(partname) or defaults[posixpath.splitext(partname)[1][1:].lower()]
        if partname not in (main, core):
            if rels_member(partname) in parts:  # a part with rels of its own: python-docx's job
                return None
            members[partname[1:]] = parts[partname[1:]]
    if any(r.reltype == RT_IMAGE for r in rels):
        return None
    document = xml(main[1:])
    sect_pr = document.find(f"{{{W}}}body/{{{W}}}sectPr")
    size = _size(sect_pr) if sect_pr is not None else None
    if size is None:
        return None
    ids = [int(i) for i in document.xpath("//@id") if i.isdigit()]
    return Base(members, types, main, core, rels, [], _lean_root_of(document), StyleMap(xml("word/styles.xml")),
                size[0], size[1], max(ids, default=0) + 1)


def _size(sect_pr) -> tuple[int, int] | None:
    """Text width and height (EMU) as python-docx's Section reads them, for plain twips."""
    def twips_of(tag, name, default_mm):
        node = sect_pr.find(f"{{{W}}}{tag}")
        value = node.get(f"{{{W}}}{name}") if node is not None else None
        if value is None:
            return default_mm * EMUS_PER_MM
        if not value.isdigit():
            raise ValueError(value)
        return int(value) * EMUS_PER_TWIP or default_mm * EMUS_PER_MM  # python-docx: `or Mm(…)`

    try:
        return (twips_of("pgSz", "w", 210) - twips_of("pgMar", "left", 25) - twips_of("pgMar", "right", 25),
                twips_of("pgSz", "h", 297) - twips_of("pgMar", "top", 25) - twips_of("pgMar", "bottom", 25))
    except ValueError:
        return None


def _lean_root(document: DocxDocument) -> etree._Element:
    parser = etree.XMLParser(remove_blank_text=True)
    return _lean_root_of(etree.fromstring(etree.tostring(document.element), parser))  # plain lxml


def _lean_root_of(root: etree._Element) -> etree._Element:
    """The main document with only its last section properties in the body, on a root that
    declares the prefixes our body text uses."""
    missing = {p: uri for p, uri in PREFIXES.items() if root.nsmap.get(p) != uri}
    if missing:
        taken = [p for p in missing if p in root.nsmap]
        if taken:
            raise ValueError(f"the main document binds prefix {taken[0]!r} to another namespace")
        new = etree.Element(root.tag, attrib=dict(root.attrib), nsmap={**root.nsmap, **missing})
        new.extend(list(root))
        root = new
    body = root.find(f"{{{W}}}body")
    sect_prs = body.findall(f".//{{{W}}}sectPr")
    keep = copy.deepcopy(sect_prs[-1]) if sect_prs else None
    for child in list(body):
        body.remove(child)
    if keep is not None:
        body.append(keep)
    return root
