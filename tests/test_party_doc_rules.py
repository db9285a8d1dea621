"""Party documents as a Party-office secretary signs them: the issuing body named the same way in
the header, the number's code and the signature; the opening date; recipients; names in full;
no sentence announcing what does not follow; header lines broken at phrase boundaries."""
import datetime as dt
import re

import pytest

from drafter.compose.words import load as load_words
from drafter.pipeline import Options, render_file

from conftest import MINIMAL


def render(write, text: str, doc: str = "report"):
    return render_file(write(text), Options(doc=doc))


def body_of(text: str) -> str:
    """The report between its title's rule and the signature."""
    return text.split("\n-----\n", 1)[1].split("\nT/M ", 1)[0]


def opening(text: str) -> str:
    """The first paragraph of the body that is not a heading."""
    blocks = [b.strip() for b in body_of(text).split("\n\n") if b.strip()]
    return next(b for b in blocks if not re.match(r"^[IVX]+- ", b))


# ---- the opening date ------------------------------------------------------------------------

@pytest.mark.parametrize("kind", sorted(MINIMAL))
def test_every_report_opens_with_the_party_document_date(write, kind):
    text = MINIMAL[kind] + "time_of_day: chiều\n"
    date = dt.date.fromisoformat(re.search(r"^date: (\S+)$", text, re.M)[1])
    month = f"{date.month:02d}" if date.month < 3 else str(date.month)
    first = opening(render(write, text).data)
    assert first.startswith(f"Chiều ngày {date.day:02d} tháng {month} năm {date.year}, "), first
    assert f"Chiều {date.day}/{date.month}" not in first


# ---- the issuing body: header, code and signature name the same body --------------------------

def header_code_sign_archive(text: str) -> tuple[str, str, str, str]:
    lines = text.split("\n\n")
    issuer = lines[1]
    code = re.search(r"^Số [^-]*-BC/(\S+)$", text, re.M)[1]
    sign = re.search(r"^T/M (.+)$", text, re.M)[1]
    archive = re.findall(r"^- (Lưu .+)\.$", text, re.M)[-1]
    return issuer, code, sign, archive


@pytest.mark.parametrize("kind", sorted(MINIMAL))
def test_a_chi_bo_issues_and_signs_as_the_chi_bo(write, kind):
    text = MINIMAL[kind].replace("Đảng bộ xã An Hòa", "Chi bộ Thôn 3")
    got = header_code_sign_archive(render(write, text).data)
    assert got == ("CHI BỘ THÔN 3", "CB", "CHI BỘ", "Lưu Chi bộ")


def test_a_chi_bo_committee_named_as_the_issuer_signs_for_itself(write):
    text = MINIMAL["ket-nap"] + "report: {issuer: Chi ủy Chi bộ Thôn 3}\n"
    got = header_code_sign_archive(render(write, text).data)
    assert got == ("CHI ỦY CHI BỘ THÔN 3", "CB", "CHI ỦY", "Lưu Chi bộ")
    # the chi bộ's committee named in org.committee issues the same way (and so is printed)
    text = MINIMAL["ket-nap"].replace("{name: Chi bộ Thôn 3}", "{name: Chi bộ Thôn 3, committee: Chi ủy Chi bộ Thôn 3}")
    result = render(write, text)
    assert header_code_sign_archive(result.data) == ("CHI ỦY CHI BỘ THÔN 3", "CB", "CHI ỦY", "Lưu Chi bộ")
    assert not [w for w in result.warnings if w.code == "fact_not_printed"]


@pytest.mark.parametrize("org, expected", [
    ("{name: Đảng bộ huyện Thường Tín, level: dang-bo-cap-tren}",
     ("HUYỆN ỦY THƯỜNG TÍN", "HU", "HUYỆN ỦY", "Lưu Văn phòng Huyện ủy")),
    ("{name: Đảng bộ Thường Tín, place: {kind: huyện, name: Thường Tín}}",
     ("HUYỆN ỦY THƯỜNG TÍN", "HU", "HUYỆN ỦY", "Lưu Văn phòng Huyện ủy")),
    ("{name: Đảng bộ huyện Thường Tín, committee: Huyện ủy Thường Tín}",
     ("HUYỆN ỦY THƯỜNG TÍN", "HU", "HUYỆN ỦY", "Lưu Văn phòng Huyện ủy")),
    ("{name: Đảng bộ tỉnh Phú Thọ}", ("TỈNH ỦY PHÚ THỌ", "TU", "TỈNH ỦY", "Lưu Văn phòng Tỉnh ủy")),
    ("{name: Đảng bộ thành phố Hải Phòng}", ("THÀNH ỦY HẢI PHÒNG", "TU", "THÀNH ỦY", "Lưu Văn phòng Thành ủy")),
    ("{name: Đảng bộ quận Hà Đông}", ("QUẬN ỦY HÀ ĐÔNG", "QU", "QUẬN ỦY", "Lưu Văn phòng Quận ủy")),
    ("{name: Đảng bộ thị xã Điện Bàn}", ("THỊ ỦY ĐIỆN BÀN", "ThU", "THỊ ỦY", "Lưu Văn phòng Thị ủy")),
    ("{name: Đảng bộ Khối các cơ quan tỉnh, committee: Đảng uỷ khối các cơ quan tỉnh}",
     ("ĐẢNG UỶ KHỐI CÁC CƠ QUAN TỈNH", "ĐUK", "ĐẢNG ỦY KHỐI", "Lưu Văn phòng Đảng ủy Khối")),
    ("{name: Đảng bộ xã An Hòa}", ("ĐẢNG ỦY XÃ AN HÒA", "ĐU", "ĐẢNG ỦY", "Lưu Văn phòng Đảng ủy")),
])
def test_a_committee_above_the_grassroots_has_its_own_code_signature_and_office(write, org, expected):
    text = MINIMAL["hoi-nghi-tong-ket"].replace("{name: Đảng bộ xã An Hòa}", org)
    assert header_code_sign_archive(render(write, text).data) == expected


# ---- recipients -----------------------------------------------------------------------------

def recipients(text: str) -> list[str]:
    return re.findall(r"^- (.+)[,.]$", text.split("\nNơi nhận:\n", 1)[1], re.M)


REVIEW = MINIMAL["kiem-diem"].replace("{name: Đảng bộ xã An Hòa}", "{name: Chi bộ Thôn 3}") + """\
higher: {name: Đảng bộ xã An Hòa, committee: Đảng ủy xã An Hòa}
proposals:
  items: [{subject: tập thể Chi bộ, level: tot}]
"""


@pytest.mark.parametrize("to", ["cấp trên", "Đảng ủy cấp trên", "cấp có thẩm quyền"])
def test_a_vague_proposals_to_is_no_recipient(write, to):
    result = render(write, REVIEW + f"  to: {to}\n")
    assert recipients(result.data) == ["Ban Thường vụ Đảng ủy xã An Hòa", "Lưu Chi bộ"]
    assert f"kính đề nghị {to} xem xét." in result.data  # the proposal itself is still said


@pytest.mark.parametrize("to", ["Đảng ủy xã An Hòa", "Đảng bộ xã An Hòa", "Ban Thường vụ Đảng ủy xã An Hòa"])
def test_the_higher_committee_is_a_recipient_once(write, to):
    assert recipients(render(write, REVIEW + f"  to: {to}\n").data) == [
        "Ban Thường vụ Đảng ủy xã An Hòa", "Lưu Chi bộ"]
    given = REVIEW + f"  to: {to}\nreport: {{recipients: [Thường trực Đảng ủy xã An Hòa, Lưu Chi bộ]}}\n"
    expected = ["Thường trực Đảng ủy xã An Hòa", "Lưu Chi bộ"]
    if to.startswith("Ban"):  # another body of the committee: it is sent to as well
        expected.insert(1, to)
    assert recipients(render(write, given).data) == expected


def test_recipients_are_capitalised(write):
    text = REVIEW + "  to: ban Thường vụ Huyện ủy Hiệp Đức\n"
    assert recipients(render(write, text).data) == [
        "Ban Thường vụ Đảng ủy xã An Hòa", "Ban Thường vụ Huyện ủy Hiệp Đức", "Lưu Chi bộ"]
    given = text + "report: {recipients: [thường trực Huyện ủy, Lưu Chi bộ]}\n"
    assert recipients(render(write, given).data)[0] == "Thường trực Huyện ủy"


CONGRESS = MINIMAL["dai-hoi"].replace("{name: Chi bộ Thôn 3}", "{name: Đảng bộ xã An Nghĩa}")


@pytest.mark.parametrize("units, expected", [
    ("cells: 35\n", "Các chi bộ trực thuộc"),
    ("cells: 35\nbase_orgs: 23\n", "Các chi, đảng bộ trực thuộc"),
    ("subunits: 12\n", "Các chi, đảng bộ trực thuộc"),
])
def test_resolution_is_sent_to_the_units_that_carry_it_out(write, units, expected):
    assert expected in recipients(render(write, CONGRESS + units, "resolution").data)


# ---- abbreviations ----------------------------------------------------------------------------

def test_no_listed_abbreviation_survives_in_a_report(write):
    table = load_words().abbreviations
    guests = "".join(f"  - {{name: Nguyễn Văn {chr(65 + i)}, titles: [\"{short} tỉnh\"]}}\n"
                     for i, short in enumerate(table))
    text = MINIMAL["hoi-nghi-tong-ket"].replace("{name: Đảng bộ xã An Hòa}",
                                                "{name: Đảng bộ Viện KSND tỉnh, place: {kind: tỉnh, name: Quảng Ngãi}}")
    text += "guests:\n" + guests + "higher: {name: Đảng bộ Khối các cơ quan TP.HCM}\n"
    result = render(write, text).data
    for short in table:
        assert not re.search(rf"(?<!\w){re.escape(short)}(?!\w)", result), short
    assert result.startswith("ĐẢNG BỘ KHỐI CÁC CƠ QUAN THÀNH PHỐ HỒ CHÍ MINH\n")
    assert "\nĐẢNG ỦY VIỆN KIỂM SÁT NHÂN DÂN TỈNH\n" in result
    assert "Phó Bí thư tỉnh" in result and "đại biểu Quốc hội tỉnh" in result


def test_abbreviations_are_whole_words_never_in_a_name_or_a_document_number(write):
    text = MINIMAL["hoi-nghi-tong-ket"] + """\
guests:
  - {name: H'PCT Niê, titles: [PCT UBND xã, Chủ tịch Hội CCBX]}
basis:
  - {type: Quyết định, number: 123/QĐ-UBND, date: 2025-11-02, issuer: UBND xã An Hòa}
"""
    result = render(write, text).data
    assert "H'PCT Niê, Phó Chủ tịch Ủy ban nhân dân xã, Chủ tịch Hội CCBX" in result
    assert "123/QĐ-UBND" in result and "của Ủy ban nhân dân xã An Hòa" in result


# ---- a sentence that announces content stands only with it -------------------------------------

def test_the_year_end_report_announces_its_results_only_when_they_follow(write):
    bare = render(write, MINIMAL["hoi-nghi-tong-ket"]).data
    assert "như sau:" not in bare and not re.search(r"^[IVX]+- ", bare, re.M)
    full = render(write, MINIMAL["hoi-nghi-tong-ket"] + "assessment: [Đảng bộ hoàn thành các nhiệm vụ chính trị]\n").data
    assert "Đảng ủy xã An Hòa báo cáo kết quả hội nghị như sau:\n\nI- KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025\n" in full
    # a chi bộ reports as the body that signs
    cell = MINIMAL["hoi-nghi-tong-ket"].replace("Đảng bộ xã An Hòa", "Chi bộ Thôn 3") + \
        "speech: {speaker: Lê Văn Minh, points: [tiếp tục nâng cao chất lượng sinh hoạt chi bộ]}\n"
    text = render(write, cell).data
    assert "Chi bộ Thôn 3 báo cáo kết quả hội nghị như sau:\n\nI- Ý KIẾN CHỈ ĐẠO\n" in text


# ---- header lines break at phrase boundaries (DOCX) --------------------------------------------

def docx_header(write, text: str, doc: str = "report"):
    import io

    import docx

    data = render_file(write(text), Options(doc=doc, format="docx")).data
    document = docx.Document(io.BytesIO(data))
    left = document.tables[0].rows[0].cells[0].text.split("\n")
    subtitle = next(p.text for p in document.paragraphs if p.style.name == "Report Subtitle").split("\n")
    places = [p.text for p in document.tables[-1].rows[0].cells[0].paragraphs][1:]
    return left, subtitle, places


QUANG_CHINH = """\
kind: dai-hoi
org: {name: Chi bộ các cơ quan Đảng xã Quảng Chính, level: chi-bo, place: {kind: xã, name: Quảng Chính}}
higher: {name: Đảng bộ xã Quảng Chính, committee: Đảng ủy xã Quảng Chính}
date: 2025-07-25
ordinal: 1
term: 2025-2030
"""


@pytest.mark.parametrize("doc", ["report", "resolution"])
def test_docx_header_lines_keep_a_place_with_its_name_and_cac_with_its_noun(write, doc):
    left, subtitle, places = docx_header(write, QUANG_CHINH, doc)
    for line in left + subtitle:
        assert not re.search(r"(?i)\b(các|và|của)$", line), line
        assert not re.search(r"(?i)\b(xã|xã quảng)$", line.replace("\u00a0", " ")), line
    assert "XÃ QUẢNG CHÍNH" in left and any(line.startswith("xã Quảng Chính") or "xã Quảng Chính" in line
                                            for line in subtitle)
    # a recipient Word breaks by itself keeps the commune's name whole
    assert any("xã\u00a0Quảng\u00a0Chính" in p for p in places), places


@pytest.mark.parametrize("text, room, expected", [
    ("CHI BỘ CÁC CƠ QUAN ĐẢNG XÃ HỮU LIÊN", 205, ["CHI BỘ CÁC CƠ QUAN ĐẢNG", "XÃ HỮU LIÊN"]),
    ("ĐẢNG ỦY XÃ PHƯỚC LONG THỌ", 160, ["ĐẢNG ỦY", "XÃ PHƯỚC LONG THỌ"]),
    ("CHI BỘ TRƯỜNG TIỂU HỌC SỐ 1 MINH LẬP", 183, ["CHI BỘ TRƯỜNG", "TIỂU HỌC SỐ 1 MINH LẬP"]),
    ("Kết quả Đại hội đại biểu Đảng bộ xã Bình Xa lần thứ XXIII, nhiệm kỳ 2020-2025", 265,
     ["Kết quả Đại hội đại biểu Đảng bộ xã Bình Xa", "lần thứ XXIII, nhiệm kỳ 2020-2025"]),
    ("ĐẢNG BỘ XÃ HỘI NGHỊ", 110, ["ĐẢNG BỘ XÃ", "HỘI NGHỊ"]),  # "xã hội" is no commune: any break
])
def test_balanced_lines_break_between_phrases(text, room, expected):
    from drafter.writers.docx.typography import balanced_lines

    got = balanced_lines(text, room, 14, bold=True)
    if text.startswith("ĐẢNG BỘ XÃ HỘI"):
        assert len(got) == 2
    else:
        assert got == expected


def test_docx_a_long_place_and_date_keep_one_line_or_break_after_the_place(write):
    import io

    import docx
    from drafter.writers.docx.typography import fits

    def header(text):
        data = render_file(write(text), Options(doc="report", format="docx")).data
        table = docx.Document(io.BytesIO(data)).tables[0]
        room = table.columns[1].width / 12700 - 2 * 108 / 20  # the cell's margins, in points
        return table.rows[1].cells[1].text, room

    def one_line(date, room):  # measured as the words it holds: a bound space is as wide as a space
        return fits(date.replace("\u00a0", " "), room, 14)

    long_place = MINIMAL["hoi-nghi-tong-ket"].replace(
        "{name: Đảng bộ xã An Hòa}", "{name: Đảng bộ xã Phước Long Thọ, place: {kind: xã, name: Phước Long Thọ}}"
    ).replace("2025-12-20", "2025-01-24")
    date, room = header(long_place)
    assert date.replace("\u00a0", " ") == "Phước Long Thọ, ngày 24 tháng 01 năm 2025" and one_line(date, room)
    # where a narrower left column would break its names badly, the date keeps together after the place
    narrow = long_place.replace("Đảng bộ xã Phước Long Thọ", "Đảng bộ phường Thượng Thanh")
    date, room = header(narrow)
    assert not one_line(date, room) and date == "Phước Long Thọ, ngày\u00a024\u00a0tháng\u00a001\u00a0năm\u00a02025"
