"""DOCX writer: layout of articles and Party reports, styles, reference docs, determinism."""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import shutil
import struct
import subprocess
import unicodedata
import zipfile
import zlib
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

from drafter.compose.blocks import Block, Photo, Table
from drafter.compose.document import Document, build
from drafter.errors import DrafterError
from drafter.writers import WRITERS, DocxOptions
from drafter.writers.docx import elements, write_docx
from drafter.writers.docx.body import STYLE_OF
from drafter.writers.docx.readback import dump
from drafter.writers.docx.package import zip_members
from drafter.writers.docx.styles import our_style_names

TNR = "Times New Roman"
SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
PLACE_DATE = "Vĩnh Điều, ngày 07 tháng 01 năm 2026"
BODY_TEXT = ("Năm 2025, Đảng ủy xã Vĩnh Điều đã lãnh đạo thực hiện đạt và vượt 18/20 chỉ tiêu "
             "chủ yếu; kinh tế tăng trưởng khá, quốc phòng, an ninh được giữ vững.")
STATS = Table(("STT", "Chỉ tiêu", "Kết quả"),
              (("1", "Tổng giá trị sản xuất", "tăng 8,5%"), ("2", "Thu ngân sách", "105%")))


def png_bytes(width: int = 40, height: int = 30) -> bytes:
    """A real RGB PNG, written without PIL."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))
    rows = b"".join(b"\x00" + bytes(v for x in range(width) for v in (x * 6 % 256, y * 8 % 256, 160))
                    for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


def report_blocks() -> list[Block]:
    return [
        Block("party-name", "ĐẢNG CỘNG SẢN VIỆT NAM"),
        Block("org-higher", "ĐẢNG BỘ TỈNH QUẢNG NAM"),
        Block("org-issuer", "ĐẢNG ỦY XÃ VĨNH ĐIỀU"),
        Block("place-date", PLACE_DATE),
        Block("doc-number", "Số 12-BC/ĐU"),
        Block("title", "BÁO CÁO"),
        Block("subtitle", "kết quả lãnh đạo thực hiện nhiệm vụ chính trị năm 2025"),
        Block("rule", "-----"),
        Block("heading", "I- KẾT QUẢ ĐẠT ĐƯỢC", 1),
        Block("p", BODY_TEXT),
        Block("heading", "1. Về phát triển kinh tế", 2),
        Block("item", "tổng giá trị sản xuất tăng 8,5%;"),
        STATS,
        Block("heading", "a) Nông nghiệp", 3),
        Block("p", "Sản xuất nông nghiệp ổn định, năng suất lúa đạt 62 tạ/ha."),
        Block("sign-for", "T/M ĐẢNG ỦY"),
        Block("sign-role", "BÍ THƯ"),
        Block("sign-name", "Nguyễn Văn An"),
        Block("recipients", "Nơi nhận:"),
        Block("recipient", "- Ban Thường vụ Huyện ủy,"),
        Block("recipient", "- Lưu Văn phòng Đảng ủy."),
    ]


def report() -> Document:
    return build(report_blocks(), "report", title="BÁO CÁO", author="Đảng ủy xã Vĩnh Điều",
                 date=dt.date(2026, 1, 7))


def article(base_dir: Path, file: str | None = "hoi-nghi.png") -> Document:
    photo = Photo(file=file, caption="Toàn cảnh hội nghị")
    blocks = [
        Block("headline", "Đảng ủy xã Vĩnh Điều tổng kết công tác năm 2025"),
        Block("meta", "Thứ Tư, 07/01/2026"),
        Block("lead", "Sáng 7/1, Đảng ủy xã Vĩnh Điều tổ chức hội nghị tổng kết năm 2025."),
        Block("p", BODY_TEXT),
        photo,
        Block("heading", "Những kết quả nổi bật", 2),
        Block("item", "thu ngân sách đạt 105%"),
        Block("note", "Số liệu do Văn phòng Đảng ủy cung cấp."),
        Block("byline", "Tin, ảnh: Minh Anh"),
    ]
    return build(blocks, "article", title=blocks[0].text, author="Minh Anh", date=dt.date(2026, 1, 7),
                 base_dir=base_dir)


@pytest.fixture
def photo_dir(tmp_path: Path) -> Path:
    (tmp_path / "hoi-nghi.png").write_bytes(png_bytes())
    return tmp_path


def read(data: bytes):
    return docx.Document(io.BytesIO(data))


def plain(text: str) -> str:
    # a report's terms and dates are kept on one line with U+00A0 (tested on their own)
    return text.replace("\u00a0", " ")


def flow(document) -> list[tuple[str, str]]:
    """(style name, text) of the body's own paragraphs, tables left out."""
    return [(p.style.name, plain(p.text)) for p in document.paragraphs]


def cell_lines(cell) -> list[tuple[str, str]]:
    return [(p.style.name, plain(p.text)) for p in cell.paragraphs]


# --- report ---------------------------------------------------------------------------

def test_registry_returns_docx_bytes():
    data = WRITERS["docx"].write(report())
    assert isinstance(data, bytes) and data[:2] == b"PK"
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None


def test_report_page_is_a4_with_party_margins():
    section = read(write_docx(report())).sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    for edge, mm in (("top", 20), ("bottom", 20), ("left", 30), ("right", 15)):
        assert abs(getattr(section, f"{edge}_margin").mm - mm) < 0.1, edge


def test_times_new_roman_in_every_script_slot_and_vietnamese_language():
    document = read(write_docx(report()))
    styles = document.styles.element
    fonts = styles.find(qn("w:docDefaults")).find(f".//{qn('w:rFonts')}")
    assert {slot: fonts.get(qn(f"w:{slot}")) for slot in SLOTS} == dict.fromkeys(SLOTS, TNR)
    lang = styles.find(qn("w:docDefaults")).find(f".//{qn('w:lang')}")
    assert lang.get(qn("w:val")) == "vi-VN"
    for style in styles.iterfind(qn("w:style")):
        if style.find(qn("w:rPr")) is None:
            continue  # the character and table defaults have no run properties
        fonts = style.find(qn("w:rPr")).find(qn("w:rFonts"))
        assert [fonts.get(qn(f"w:{s}")) for s in SLOTS] == [TNR] * 4, style.get(qn("w:styleId"))


def test_body_style_is_14pt_justified_indented_spaced():
    body = read(write_docx(report())).styles["Body"]
    fmt = body.paragraph_format
    assert body.font.size == Pt(14)
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert abs(fmt.first_line_indent.mm - 10) < 0.1
    assert fmt.space_after >= Pt(6)


def test_report_flow_uses_named_styles_in_order():
    assert flow(read(write_docx(report()))) == [
        ("Report Title", "BÁO CÁO"),
        ("Report Subtitle", "kết quả lãnh đạo thực hiện nhiệm vụ chính trị năm 2025"),
        ("Report Rule", "-----"),
        ("Heading 1", "I- KẾT QUẢ ĐẠT ĐƯỢC"),
        ("Body", BODY_TEXT),
        ("Heading 2", "1. Về phát triển kinh tế"),
        ("List Item", "- tổng giá trị sản xuất tăng 8,5%;"),
        ("Heading 3", "a) Nông nghiệp"),
        ("Body", "Sản xuất nông nghiệp ổn định, năng suất lúa đạt 62 tạ/ha."),
    ]


def test_title_and_heading_styles():
    styles = read(write_docx(report())).styles
    title = styles["Report Title"]
    assert title.font.size == Pt(16) and title.font.bold
    assert title.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert styles["Heading 1"].font.bold and styles["Heading 2"].font.bold
    assert styles["Heading 3"].font.italic
    assert abs(styles["Heading 1"].paragraph_format.first_line_indent.mm - 10) < 0.1


def test_header_is_a_borderless_two_column_table():
    document = read(write_docx(report()))
    body = list(document.element.body)
    assert body[0].tag == qn("w:tbl")
    header = document.tables[0]
    assert len(header.columns) == 2
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"none"}
    top, bottom = header.rows
    assert cell_lines(top.cells[0]) == [("Header Left", "ĐẢNG BỘ TỈNH QUẢNG NAM"),
                                        ("Header Issuer", "ĐẢNG ỦY XÃ VĨNH ĐIỀU"),
                                        ("Header Left", "*")]
    assert cell_lines(top.cells[1]) == [("Header Party", "ĐẢNG CỘNG SẢN VIỆT NAM")]
    assert cell_lines(bottom.cells[0]) == [("Header Left", "Số 12-BC/ĐU")]
    assert cell_lines(bottom.cells[1]) == [("Header Date", PLACE_DATE)]
    styles = document.styles
    assert styles["Header Party"].font.size == Pt(15) and styles["Header Party"].font.bold
    assert styles["Header Issuer"].font.bold and not styles["Header Left"].font.bold
    assert styles["Header Date"].font.italic


def test_party_name_line_is_a_short_paragraph_border_not_underline():
    document = read(write_docx(report()))
    style = document.styles["Header Party"].element
    bottom = style.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}")
    assert bottom is not None and bottom.get(qn("w:val")) == "single"
    party = document.tables[0].rows[0].cells[1].paragraphs[0]
    assert not party._p.xpath(".//w:u") and not style.xpath(".//w:u")
    ind = party._p.pPr.find(qn("w:ind"))
    left, right = int(ind.get(qn("w:left"))), int(ind.get(qn("w:right")))
    assert left == right > 0
    cell_twips = int(document.tables[0].rows[0].cells[1].width.twips)
    line_mm = (cell_twips - 2 * 108 - 2 * left) * 25.4 / 1440
    assert 70 < line_mm < 85  # the text is about 72 mm at 15 pt bold


def test_page_numbers_from_page_two():
    document = read(write_docx(report()))
    section = document.sections[0]
    assert section._sectPr.find(qn("w:titlePg")) is not None
    assert section.different_first_page_header_footer
    default = section.header._element
    assert [t.text.strip() for t in default.iter(qn("w:instrText"))] == ["PAGE"]
    assert default.find(f".//{qn('w:fldChar')}") is not None
    assert section.header.paragraphs[0].style.name == "Header"
    assert document.styles["Header"].font.size == Pt(14)
    assert document.styles["Header"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    first = section.first_page_header
    assert not first.is_linked_to_previous
    assert not list(first._element.iter(qn("w:instrText")))


def test_signature_and_recipients_table_ends_the_document():
    document = read(write_docx(report()))
    assert list(document.element.body)[-2].tag == qn("w:tbl")  # then the sectPr
    sign = document.tables[-1]
    assert len(sign.columns) == 2
    assert {b.get(qn("w:val")) for b in sign._tbl.tblPr.find(qn("w:tblBorders"))} == {"none"}
    left, right = sign.rows[0].cells
    assert cell_lines(left) == [("Recipients Label", "Nơi nhận:"),
                                ("Recipient", "- Ban Thường vụ Huyện ủy,"),
                                ("Recipient", "- Lưu Văn phòng Đảng ủy.")]
    lines = cell_lines(right)
    assert lines[:2] == [("Sign", "T/M ĐẢNG ỦY"), ("Sign", "BÍ THƯ")]
    assert lines[-1] == ("Sign Name", "Nguyễn Văn An")
    assert 3 <= len(lines) - 3 <= 4 and all(text == "" for _, text in lines[2:-1])
    styles = document.styles
    assert styles["Recipients Label"].font.underline and styles["Recipients Label"].font.size == Pt(14)
    assert styles["Recipient"].font.size == Pt(12)
    assert styles["Sign"].font.bold and styles["Sign Name"].font.bold


def test_data_table_is_a_real_grid_table():
    document = read(write_docx(report()))
    grid = document.tables[1]
    assert grid.style.name == "Drafter Table"
    assert [[c.text for c in r.cells] for r in grid.rows] == [list(STATS.header)] + [
        list(r) for r in STATS.rows]
    assert {p.style.name for p in grid.rows[0].cells[0].paragraphs} == {"Table Head"}
    assert document.styles["Table Head"].font.bold
    assert document.styles["Table Text"].font.size == Pt(13)
    assert grid.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    widths = [c.width.mm for c in grid.rows[0].cells]
    assert widths[0] < widths[2] < widths[1]  # "STT" narrow, the longest text widest
    assert abs(sum(widths) - 165) < 0.5
    borders = grid.style.element.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
    assert {b.get(qn("w:val")) for b in borders} == {"single"} and len(borders) == 6


def test_text_is_nfc_equal_to_the_input():
    decomposed = unicodedata.normalize("NFD", PLACE_DATE)
    assert decomposed != PLACE_DATE
    blocks = [Block("place-date", decomposed), Block("p", unicodedata.normalize("NFD", BODY_TEXT))]
    document = read(write_docx(build(blocks, "report", title="t")))
    assert plain(document.tables[0].rows[1].cells[1].text) == PLACE_DATE
    assert plain(document.paragraphs[0].text) == BODY_TEXT


def test_control_characters_xml_cannot_hold_are_dropped():
    blocks = [Block("p", "Đảng ủy\x0bxã\x00 Vĩnh Điều")]
    document = read(write_docx(build(blocks, title="t")))
    assert document.paragraphs[0].text == "Đảng ủyxã Vĩnh Điều"


def test_same_input_gives_identical_bytes_and_fixed_metadata():
    first, second = write_docx(report()), write_docx(report())
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()
    infos = zipfile.ZipFile(io.BytesIO(first)).infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    props = read(first).core_properties
    assert props.title == "BÁO CÁO" and props.author == "Đảng ủy xã Vĩnh Điều"
    assert props.created == props.modified == dt.datetime(2026, 1, 7, tzinfo=dt.timezone.utc)
    assert props.revision == 1 and not props.last_modified_by
    undated = read(write_docx(replace(report(), date=None))).core_properties
    assert undated.created == dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)


def test_unknown_kinds_and_deep_headings_fall_back():
    blocks = [Block("mystery", "một đoạn"), Block("heading", "sâu", 5)]
    document = read(write_docx(build(blocks, title="t")))
    assert flow(document) == [("Body", "một đoạn"), ("Heading 3", "sâu")]


def test_every_style_the_writer_names_is_defined():
    named = set(STYLE_OF.values()) | {"Heading 1", "Heading 2", "Heading 3", "Figure",
                                      "Caption", "Table Head", "Table Text", "Header",
                                      "Drafter Table", "Body"}
    assert named <= set(our_style_names())


# --- article --------------------------------------------------------------------------

def test_article_styles_photo_and_byline(photo_dir: Path):
    document = read(write_docx(article(photo_dir)))
    assert flow(document) == [
        ("Title", "Đảng ủy xã Vĩnh Điều tổng kết công tác năm 2025"),
        ("Meta", "Thứ Tư, 07/01/2026"),
        ("Lead", "Sáng 7/1, Đảng ủy xã Vĩnh Điều tổ chức hội nghị tổng kết năm 2025."),
        ("Body", BODY_TEXT),
        ("Figure", ""),
        ("Caption", "Toàn cảnh hội nghị"),
        ("Heading 2", "Những kết quả nổi bật"),
        ("List Item", "- thu ngân sách đạt 105%"),
        ("Body", "Số liệu do Văn phòng Đảng ủy cung cấp."),
        ("Byline", "Tin, ảnh: Minh Anh"),
    ]
    styles = document.styles
    assert styles["Lead"].font.bold
    assert styles["Caption"].font.italic
    assert styles["Caption"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert styles["Byline"].font.bold
    assert styles["Byline"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    (shape,) = document.inline_shapes
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    assert abs(shape.width - text_width) < Mm(0.1)
    assert abs(shape.height / shape.width - 30 / 40) < 0.01
    images = [p for p in document.part.package.parts if p.partname.startswith("/word/media/")]
    assert len(images) == 1 and images[0].blob == png_bytes()


def test_photo_without_file_leaves_out_its_lone_caption(tmp_path: Path):
    document = read(write_docx(article(tmp_path, file=None)))  # validate warns: photo-no-file
    assert not [text for style, text in flow(document) if style == "Caption"]
    assert not document.inline_shapes


def test_missing_image_is_a_drafter_error(tmp_path: Path):
    with pytest.raises(DrafterError) as err:
        write_docx(article(tmp_path))
    (issue,) = err.value.issues
    assert issue.code == "file_not_found" and issue.file.endswith("hoi-nghi.png")


def test_unreadable_image_is_a_drafter_error(tmp_path: Path):
    (tmp_path / "hoi-nghi.png").write_bytes(b"not an image at all")
    with pytest.raises(DrafterError) as err:
        write_docx(article(tmp_path))
    assert err.value.issues[0].code == "file_unreadable"


# --- reference doc --------------------------------------------------------------------

@pytest.fixture
def reference(tmp_path: Path) -> Path:
    """An office file: other margins, its own Body (13 pt Arial), content and a picture."""
    office = docx.Document()
    section = office.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(25), Mm(25)
    section.left_margin, section.right_margin = Mm(35), Mm(20)
    body = office.styles.add_style("Body", WD_STYLE_TYPE.PARAGRAPH)
    body.font.size, body.font.name = Pt(13), "Arial"
    office.add_paragraph("nội dung cũ của văn phòng")
    (tmp_path / "logo.png").write_bytes(png_bytes())
    office.add_picture(str(tmp_path / "logo.png"))
    office.core_properties.last_modified_by = "may-van-phong"
    path = tmp_path / "mau.docx"
    office.save(path)
    return path


def test_reference_doc_keeps_office_page_and_styles(reference: Path):
    data = write_docx(report(), DocxOptions(reference_doc=str(reference)))
    document = read(data)
    section = document.sections[0]
    assert abs(section.left_margin.mm - 35) < 0.1 and abs(section.top_margin.mm - 25) < 0.1
    assert document.styles["Body"].font.size == Pt(13)
    assert document.styles["Body"].font.name == "Arial"
    assert document.styles["Header Party"].font.size == Pt(15)  # added: the office lacked it
    assert ("Body", BODY_TEXT) in flow(document)
    assert "nội dung cũ" not in "".join(p.text for p in document.paragraphs)
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert not [n for n in names if n.startswith("word/media/") or "thumbnail" in n]
    assert not document.core_properties.last_modified_by
    assert hashlib.sha256(data).digest() == hashlib.sha256(
        write_docx(report(), DocxOptions(reference_doc=str(reference)))).digest()


def test_reference_doc_with_its_own_header_keeps_it(tmp_path: Path):
    office = docx.Document()
    office.sections[0].header.paragraphs[0].text = "Mẫu của văn phòng"
    office.save(tmp_path / "mau.docx")
    document = read(write_docx(report(), DocxOptions(reference_doc=str(tmp_path / "mau.docx"))))
    assert document.sections[0].header.paragraphs[0].text == "Mẫu của văn phòng"
    assert not list(document.sections[0].header._element.iter(qn("w:instrText")))


def test_reference_template_dotx_is_accepted(reference: Path, tmp_path: Path):
    template = tmp_path / "mau.dotx"
    with zipfile.ZipFile(reference) as src, zipfile.ZipFile(template, "w") as dst:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(b"document.main+xml", b"template.main+xml")
            dst.writestr(info, blob)
    document = read(write_docx(report(), DocxOptions(reference_doc=str(template))))
    assert abs(document.sections[0].left_margin.mm - 35) < 0.1


@pytest.mark.parametrize("content", [None, b"plain text, not a zip", b"PK\x03\x04broken"])
def test_bad_reference_doc_is_a_drafter_error(tmp_path: Path, content: bytes | None):
    path = tmp_path / "mau.docx"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DrafterError) as err:
        write_docx(report(), DocxOptions(reference_doc=str(path)))
    assert err.value.issues[0].code == "file_unreadable"
    assert err.value.issues[0].file == str(path)


# --- package --------------------------------------------------------------------------

def test_zip_is_byte_for_byte_what_zipfile_writes():
    members = {"word/document.xml": "<w:document>Đảng</w:document>".encode(),
               "_rels/.rels": b"<Relationships/>", "[Content_Types].xml": b"<Types/>",
               "word/media/image1.png": png_bytes(), "docProps/empty.xml": b""}
    expected = io.BytesIO()
    with zipfile.ZipFile(expected, "w") as zf:
        for name in ("[Content_Types].xml", "_rels/.rels", "docProps/empty.xml",
                     "word/document.xml", "word/media/image1.png"):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type, info.create_system = zipfile.ZIP_STORED, 3
            info.external_attr = 0o644 << 16
            zf.writestr(info, members[name])
    assert zip_members(members) == expected.getvalue()


@pytest.mark.parametrize("value", ["a & b < c > d", 'say "x"', "tab\tnew\nline\rend",
                                   "Đảng ủy 😀", "  spaced  ", ""])
def test_text_and_attributes_are_escaped_as_lxml_escapes_them(value: str):
    node = etree.Element("t")
    node.text = value
    node.set("val", value)
    assert etree.tostring(node, encoding="unicode") == (
        f'<t val="{elements.attr(value)}">{elements.text(value)}</t>')


def test_documents_sharing_the_cached_base_do_not_leak_into_each_other(photo_dir: Path):
    plain_before = write_docx(report())
    with_photo = write_docx(article(photo_dir))
    assert "word/media/image1.png" in zipfile.ZipFile(io.BytesIO(with_photo)).namelist()
    plain_after = write_docx(report())
    assert plain_after == plain_before
    names = zipfile.ZipFile(io.BytesIO(plain_after)).namelist()
    assert not [n for n in names if n.startswith("word/media/")]


def test_one_image_part_per_distinct_picture(photo_dir: Path):
    (photo_dir / "khac.png").write_bytes(png_bytes(40, 20))
    blocks = [Photo(file=f) for f in ("hoi-nghi.png", "khac.png", "hoi-nghi.png")]
    data = write_docx(build(blocks, title="t", base_dir=photo_dir))
    document = read(data)
    media = sorted(n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if "media" in n)
    assert media == ["word/media/image1.png", "word/media/image2.png"]
    embeds = [s._inline.graphic.graphicData.pic.blipFill.blip.embed for s in document.inline_shapes]
    assert embeds[0] == embeds[2] != embeds[1]
    assert [s._inline.docPr.id for s in document.inline_shapes] == [1, 2, 3]
    assert [round(s.width.mm) for s in document.inline_shapes] == [165] * 3
    assert "png" in zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml").decode()


# --- dump -----------------------------------------------------------------------------

def test_dump_shows_page_styles_and_body(photo_dir: Path, reference: Path):
    text = dump(write_docx(report()))
    assert "page 210x297 mm" in text
    assert "margins top 20, bottom 20, left 30, right 15" in text
    assert "titlePg" in text and "header default: [Header] {PAGE}" in text
    assert "[Header Party] ĐẢNG CỘNG SẢN VIỆT NAM {ind" in text
    assert "| [Table Head] STT | [Table Head] Chỉ tiêu | [Table Head] Kết quả |" in text
    assert re.search(r"^  Body \(paragraph.*sz 14pt", text, re.M)
    assert "  [Heading 1] I- KẾT QUẢ ĐẠT ĐƯỢC" in text
    assert dump(write_docx(report())) == text
    assert "[Figure] [image 165x124 mm]" in dump(write_docx(article(photo_dir)))
    with_reference = dump(write_docx(report(), DocxOptions(reference_doc=str(reference))))
    assert "left 35" in with_reference and "font Arial (all), sz 13pt" in with_reference


# --- LibreOffice ----------------------------------------------------------------------

@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftoppm")),
                    reason="LibreOffice (soffice) and poppler (pdftoppm) are not on PATH")
def test_libreoffice_renders_the_report(tmp_path: Path):
    source = tmp_path / "bao-cao.docx"
    source.write_bytes(write_docx(report()))
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=120)
    pdf = tmp_path / "bao-cao.pdf"
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))
    assert pages >= 1
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "page")], check=True, capture_output=True, timeout=60)
    (png,) = tmp_path.glob("page-*.png")
    assert png.stat().st_size > 1000
