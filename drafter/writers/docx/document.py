"""One document being written on a Base: its body, the parts it adds, and its zip.

Part names, relationship ids and the package's lists follow python-docx's rules (first free
rId, first free header and image numbers, images shared by content), so a document reads
the same as one python-docx would have written.
"""
from __future__ import annotations

import datetime as dt
import posixpath

from lxml import etree

from . import elements
from .base import Base, Rel
from .opc import CT_OPC_RELATIONSHIPS, CT_XML, DEFAULT_CONTENT_TYPES, RT_IMAGE, partname_index, rels_member
from .package import core_xml, zip_members

_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DEFAULTS = set(DEFAULT_CONTENT_TYPES)


class Document:
    """The per-document state; the Base is only read (and memoizes in its _cache)."""

    def __init__(self, base: Base):
        self.base = base
        self.body: list = []  # XML strings and elements.Table objects, in order
        self.sect_pr: etree._Element | None = None  # replaces the base's, when set
        self.rels = list(base.rels)
        self.parts: dict[str, tuple[str, bytes]] = {}  # added partname -> (content type, blob)
        self.images = list(base.images)  # (sha1, partname) of every image part
        self._shape_id = base.next_shape_id

    def relate(self, reltype: str, partname: str) -> str:
        """The rId of the main document's relationship to a part, added if new."""
        for rel in self.rels:
            if rel.reltype == reltype and rel.target == partname and not rel.external:
                return rel.rid
        taken = {rel.rid for rel in self.rels}
        rid = next(f"rId{n}" for n in range(1, len(taken) + 2) if f"rId{n}" not in taken)
        self.rels.append(Rel(rid, reltype, self._relative(partname), False, partname))
        return rid

    def _relative(self, partname: str) -> str:
        """`partname` as a target from the main document's folder."""
        folder = posixpath.dirname(self.base.document).rstrip("/") + "/"
        if partname.startswith(folder):  # the usual case, without relpath's cost
            return partname[len(folder):]
        return posixpath.relpath(partname, folder)

    def next_partname(self, template: str) -> str:
        names = self.base.types.keys() | self.parts.keys()
        return next(template % n for n in range(1, len(names) + 2) if template % n not in names)

    def add_part(self, partname: str, content_type: str, blob: bytes) -> None:
        self.parts[partname] = (content_type, blob)

    def picture(self, data: bytes, width: int, max_height: int) -> str:
        """An inline picture run `width` wide (narrower if it would be taller than
        `max_height`), its image stored once however often it appears. Raises what
        python-docx's image parsers raise on a bad file."""
        from docx.image.image import Image  # python-docx's image parsers, for documents with pictures

        image = Image.from_blob(data)
        partname = next((name for sha1, name in self.images if sha1 == image.sha1), None)
        if partname is None:
            partname = self._image_partname(image.ext)
            self.images.append((image.sha1, partname))
            self.add_part(partname, image.content_type, data)
        cx, cy = image.scaled_dimensions(width, None)
        if cy > max_height:
            cx, cy = cx * max_height // cy, max_height
        shape_id, self._shape_id = self._shape_id, self._shape_id + 1
        return elements.picture(shape_id, self.relate(RT_IMAGE, partname), image.filename,
                                int(cx), int(cy))

    def _image_partname(self, ext: str) -> str:
        """First free number among all image parts, whatever their extension."""
        used = [partname_index(name) for _, name in self.images]
        n = next(n for n in range(1, len(used) + 2) if n not in used)
        return f"/word/media/image{n}.{ext}"

    def save(self, title: str, author: str, date: dt.date | None) -> bytes:
        head, tail = self._around_body()
        body = "".join(map(str, self.body))
        members = dict(self.base.members)
        members[self.base.document[1:]] = (head + body + tail).encode("utf-8")
        members[self.base.core[1:]] = core_xml(title, author, date)
        if self.rels:
            rels = tuple(self.rels)
            members[rels_member(self.base.document)] = self._cached(
                ("rels", rels), lambda: _rels_xml(rels))
        for partname, (_, blob) in self.parts.items():
            members[partname[1:]] = blob
        members["[Content_Types].xml"] = self._content_types()
        return zip_members(members)

    def _cached(self, key, make):
        """Per-base memo: most documents on a base share their package lists; bounded, as
        documents with many images may each differ."""
        cache = self.base._cache
        if key not in cache:
            if len(cache) >= 64:
                cache.clear()
            cache[key] = make()
        return cache[key]

    def _around_body(self) -> tuple[str, str]:
        key = None if self.sect_pr is None else etree.tostring(self.sect_pr)
        return self._cached(("around", key), lambda: self.base.around_body(self.sect_pr))

    def _content_types(self) -> bytes:
        added = tuple(sorted((name, ct) for name, (ct, _) in self.parts.items()))
        return self._cached(("types", added), lambda: _content_types(self.base.types, added))


def _content_types(types: dict[str, str], added: tuple) -> bytes:
    """Defaults for the usual extensions, an override for every other part (sorted)."""
    defaults = {"rels": CT_OPC_RELATIONSHIPS, "xml": CT_XML}
    overrides = {}
    for partname, content_type in [*types.items(), *added]:
        ext = posixpath.splitext(partname)[1][1:]
        if (ext.lower(), content_type) in _DEFAULTS:
            defaults[ext.lower()] = content_type
        else:
            overrides[partname] = content_type
    root = etree.Element(f"{{{_TYPES_NS}}}Types", nsmap={None: _TYPES_NS})
    for ext in sorted(defaults):
        etree.SubElement(root, f"{{{_TYPES_NS}}}Default", Extension=ext, ContentType=defaults[ext])
    for partname in sorted(overrides):
        etree.SubElement(root, f"{{{_TYPES_NS}}}Override", PartName=partname,
                         ContentType=overrides[partname])
    return etree.tostring(root, encoding="UTF-8", standalone=True)


def _rels_xml(rels: tuple[Rel, ...]) -> bytes:
    root = etree.Element(f"{{{_RELS_NS}}}Relationships", nsmap={None: _RELS_NS})
    for rel in rels:
        child = etree.SubElement(root, f"{{{_RELS_NS}}}Relationship", Id=rel.rid,
                                 Type=rel.reltype, Target=rel.target_ref)
        if rel.external:
            child.set("TargetMode", "External")
    return etree.tostring(root, encoding="UTF-8", standalone=True)
