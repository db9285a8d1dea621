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

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Mm
from lxml import etree

from .styles import StyleMap

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
    """Everything a document needs from an opened python-docx package (the lean base, or a
    prepared reference doc)."""
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
        if not rel.is_external and rel.reltype == RT.IMAGE:
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


def _lean_root(document: DocxDocument) -> etree._Element:
    """The main document with only its last section properties in the body, on a root that
    declares the prefixes our body text uses."""
    parser = etree.XMLParser(remove_blank_text=True)
    root = etree.fromstring(etree.tostring(document.element), parser)  # plain lxml elements
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
