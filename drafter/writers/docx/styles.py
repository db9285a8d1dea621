"""Named styles: look them up by name, and add ours to a reference doc that lacks them.

Styles are matched by name, never by styleId: a localised Word may give "Normal" another id,
and an office restyles by editing the named style.
"""
from __future__ import annotations

import copy
from functools import lru_cache

from lxml import etree

from .elements import attr
from .package import data_xml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_VAL = f"{{{W}}}val"
_ID = f"{{{W}}}styleId"
_TYPE = f"{{{W}}}type"
_DEFAULT = f"{{{W}}}default"
_LINKS = ("basedOn", "next", "link")


def key(name: str) -> str:
    """Word compares style names without case: "Heading 1" is stored as "heading 1".
    (python-docx's BabelFish.ui2internal(name).lower(): its aliases are all the lower-case
    name, so this is the lower-case name.)"""
    return name.lower()


def _name(style) -> str:
    node = style.find(f"{{{W}}}name")
    return key(node.get(_VAL)) if node is not None else ""


@lru_cache(maxsize=1)
def our_styles() -> etree._Element:
    return etree.fromstring(data_xml("word/styles.xml"))


def our_style_names() -> list[str]:
    from docx.styles import BabelFish

    return [BabelFish.internal2ui(s.find(f"{{{W}}}name").get(_VAL))
            for s in our_styles().iterfind(f"{{{W}}}style")]


class StyleMap:
    """Style name -> styleId for one base, from a single scan of its styles."""

    def __init__(self, styles: etree._Element):
        self._ids = {_name(s): s.get(_ID) or "" for s in styles.iterfind(f"{{{W}}}style")}
        self._xml: dict[str, str] = {}  # memo: the writer asks for a few names many times

    def id(self, name: str) -> str:
        try:
            return self._ids[key(name)]
        except KeyError:
            raise KeyError(f"no style named {name!r}") from None

    def xml_id(self, name: str) -> str:
        """The id escaped for an XML attribute."""
        found = self._xml.get(name)
        if found is None:
            found = self._xml[name] = attr(self.id(name))
        return found


def add_missing(styles: etree._Element) -> None:
    """Append each of our styles whose name `styles` lacks, with links renamed to its ids."""
    theirs = {_name(s): s.get(_ID) for s in styles.iterfind(f"{{{W}}}style")}
    taken = set(theirs.values())
    has_default = {s.get(_TYPE) for s in styles.iterfind(f"{{{W}}}style")
                   if s.get(_DEFAULT) in ("1", "true")}
    ours = list(our_styles().iterfind(f"{{{W}}}style"))
    our_name_by_id = {s.get(_ID): _name(s) for s in ours}
    added = []
    for style in ours:
        name = _name(style)
        if name in theirs:
            continue
        new = copy.deepcopy(style)
        style_id, n = style.get(_ID), 1
        while style_id in taken:  # their id may belong to a differently named style
            n += 1
            style_id = f"{style.get(_ID)}{n}"
        new.set(_ID, style_id)
        if new.get(_TYPE) in has_default:
            new.attrib.pop(_DEFAULT, None)
        taken.add(style_id)
        theirs[name] = style_id
        added.append(new)
    for new in added:
        for tag in _LINKS:
            link = new.find(f"{{{W}}}{tag}")
            if link is None:
                continue
            target = theirs.get(our_name_by_id.get(link.get(_VAL), ""))
            if target:
                link.set(_VAL, target)
            else:
                new.remove(link)
        styles.append(new)
