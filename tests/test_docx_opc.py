"""The DOCX writer's plain copies of python-docx's package rules are python-docx's."""
from io import BytesIO

import docx
import pytest
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.spec import default_content_types
from docx.parts.hdrftr import HeaderPart
from docx.shared import Emu
from docx.styles import BabelFish
from lxml import etree

from drafter.writers.docx import opc, package, styles
from drafter.writers.docx.base import from_document, from_parts


def test_constants_are_python_docx_ones():
    assert (opc.CT_WML_HEADER, opc.CT_OPC_RELATIONSHIPS, opc.CT_XML) == (CT.WML_HEADER, CT.OPC_RELATIONSHIPS, CT.XML)
    assert (opc.RT_HEADER, opc.RT_IMAGE, opc.RT_OFFICE_DOCUMENT, opc.RT_CORE_PROPERTIES) == (
        RT.HEADER, RT.IMAGE, RT.OFFICE_DOCUMENT, RT.CORE_PROPERTIES)
    assert opc.DEFAULT_CONTENT_TYPES == tuple(default_content_types)
    assert opc.default_header_xml() == HeaderPart._default_header_xml()


@pytest.mark.parametrize("emu", [0, 1, 317, 318, 635, 952, 953, 2 * 108 * 635, 5_400_000, 6_120_130, -953])
def test_twips_and_points_as_python_docx_converts(emu):
    assert opc.twips(emu) == Emu(emu).twips
    assert opc.points(emu) == Emu(emu).pt


@pytest.mark.parametrize("name", ["/word/document.xml", "/word/media/image21.png", "/word/header1.xml",
                                  "/docProps/core.xml", "/word/media/image.png", "/a/b10c.xml", "/x"])
def test_part_names_as_python_docx_reads_them(name):
    assert opc.rels_member(name) == PackURI(name).rels_uri.membername
    assert opc.partname_index(name) == PackURI(name).idx


def test_style_keys_are_babelfishs():
    for ui, _ in BabelFish.style_aliases:
        for name in (ui, ui.lower(), ui.upper(), "Body", "List Item"):
            assert styles.key(name) == BabelFish.ui2internal(name).lower()


def test_the_lean_base_read_without_python_docx_is_the_one_python_docx_opens():
    ours = from_parts(package._parts())
    theirs = from_document(docx.Document(BytesIO(package.base_bytes())))
    assert ours is not None
    assert ours.members == theirs.members
    assert ours.types == theirs.types
    assert (ours.document, ours.core) == (theirs.document, theirs.core)
    assert ours.rels == theirs.rels and ours.images == theirs.images
    assert etree.tostring(ours.root) == etree.tostring(theirs.root)
    assert ours.styles._ids == theirs.styles._ids
    assert (ours.text_width, ours.text_height, ours.next_shape_id) == (
        theirs.text_width, theirs.text_height, theirs.next_shape_id)


def test_parts_it_cannot_read_go_to_python_docx():
    parts = package._parts()
    unusual = dict(parts, **{"word/document.xml": parts["word/document.xml"].replace(b'w:w="11906"', b'w:w="210mm"')})
    assert from_parts(unusual) is None
