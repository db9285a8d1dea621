"""The Party-document rules (docs/van-ban-dang.md), one test each: the BÁO CÁO of every kind
and the congress's NGHỊ QUYẾT, as a Party-office secretary would sign them."""
import io
import re
import zipfile

import pytest
from typer.testing import CliRunner

from drafter.tools.cli import app
from drafter.pipeline import Options, render_file

from conftest import EXAMPLES, MINIMAL

runner = CliRunner()


def report(name: str, doc: str = "report", fmt: str = "txt"):
    return render_file(EXAMPLES / f"{name}.yaml", Options(format=fmt, doc=doc))


def body_of(text: str) -> str:
    """The report between its title's rule and the signature."""
    return text.split("\n-----\n", 1)[1].split("\nT/M ", 1)[0]


def warning(result, path: str):
    found = [w for w in result.warnings if w.path == path]
    assert found, [w.path for w in result.warnings]
    return found[0].format("vi")


# ---- signer and recipients ----------------------------------------------------------------

def test_congress_report_is_signed_by_the_newly_elected_secretary_with_a_warning():
    result = report("vp-ubnd-tinh-dai-hoi-2020")
    assert "T/M ĐẢNG ỦY\n\nBÍ THƯ\n\nTrịnh Hữu Hùng\n" in result.data
    assert "Trịnh Hữu Hùng" in warning(result, "report.signer")


def test_meeting_report_is_signed_by_the_member_who_is_bi_thu_never_by_a_guest():
    assert "BÍ THƯ\n\nĐào Văn Phi\n" in report("vinh-loc-kiem-diem-2023").data
    # ccq: the Bí thư of the Đảng ủy chairs and is also listed among the guests
    assert "BÍ THƯ\n\nBùi Văn Quang\n" in report("ccq-dang-tinh-tong-ket-2025").data


def test_signer_stays_blank_when_the_data_does_not_know_it(write):
    result = render_file(write(MINIMAL["hoi-nghi-tong-ket"]), Options(doc="report"))
    assert "BÍ THƯ\n\n……\n" in result.data
    assert warning(result, "report.signer")


def test_report_given_signer_and_recipients_are_used_as_written():
    result = report("chi-bo-thon-dong-dai-hoi-2025")
    assert "- Ban Thường vụ Đảng ủy xã Tân Phú,\n\n- Lưu Chi bộ.\n" in result.data
    assert not [w for w in result.warnings if w.path in ("report.signer", "report.recipients")]


def test_chi_bo_files_its_own_copy_not_a_committee_office(write):
    cell = MINIMAL["kiem-diem"].replace("Đảng bộ xã An Hòa", "Chi bộ Thôn 3")
    text = render_file(write(cell), Options(doc="report")).data
    assert "- Lưu Chi bộ." in text and "Văn phòng Chi ủy" not in text


def test_recipients_include_the_body_the_report_proposes_to(write):
    result = report("vinh-loc-kiem-diem-2023")
    assert "Nơi nhận:\n\n- Ban Thường vụ Huyện ủy,\n\n- Lưu Văn phòng Đảng ủy.\n" in result.data
    assert "Ban Thường vụ Huyện ủy" in warning(result, "report.recipients")
    given = (EXAMPLES / "vinh-loc-kiem-diem-2023.yaml").read_text("utf-8") + \
        "report:\n  recipients: [Thường trực Huyện ủy, Lưu Văn phòng Đảng ủy]\n"
    result = render_file(write(given), Options(doc="report"))
    assert "- Thường trực Huyện ủy,\n\n- Ban Thường vụ Huyện ủy,\n\n- Lưu Văn phòng Đảng ủy." in result.data
    assert "Ban Thường vụ Huyện ủy" in warning(result, "report.recipients")


# ---- names and wording --------------------------------------------------------------------

def test_issuing_body_is_written_in_full_in_the_header():
    text = report("ccq-dang-tinh-tong-ket-2025").data
    assert "\nĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH\n" in text and "CCQ" not in text
    assert "\nĐẢNG ỦY VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH\n" in report("vp-ubnd-tinh-dai-hoi-2020").data


def test_an_official_short_form_declared_by_the_office_is_kept(write):
    text = (EXAMPLES / "vp-ubnd-tinh-dai-hoi-2020.yaml").read_text("utf-8") + "report:\n  short_forms: [UBND]\n"
    result = render_file(write(text), Options(doc="report")).data
    assert "\nĐẢNG ỦY VĂN PHÒNG UBND TỈNH\n" in result and "Ủy ban nhân dân" not in result


def test_a_header_name_the_office_wrote_itself_is_printed_as_written(write):
    text = (EXAMPLES / "ccq-dang-tinh-tong-ket-2025.yaml").read_text("utf-8") + \
        "report:\n  issuer: Đảng ủy CCQ Đảng tỉnh\n"
    result = render_file(write(text), Options(doc="report")).data
    assert "\nĐẢNG ỦY CCQ ĐẢNG TỈNH\n" in result
    assert "Đảng ủy các cơ quan Đảng tỉnh báo cáo kết quả" in result  # the body still in full


def test_no_abbreviations_in_the_body():
    for name in sorted(p.stem for p in EXAMPLES.glob("*.yaml")):
        body = body_of(report(name).data)
        assert not re.search(r"\b(BTV|BCH|UBKT|CCQ|UBND|HĐND|MTTQ)\b", body), name


def test_body_opens_with_the_full_date_and_year():
    assert body_of(report("ccq-dang-tinh-tong-ket-2025").data).lstrip().startswith(
        "Chiều ngày 08 tháng 01 năm 2026, Đảng bộ các cơ quan Đảng tỉnh đã tổ chức")
    assert "Ngày 10 và 11 tháng 02 năm 2020, Đảng bộ" in report("vp-ubnd-tinh-dai-hoi-2020").data
    assert "Chiều 8/1" not in report("ccq-dang-tinh-tong-ket-2025").data


def test_report_closes_with_the_closing_paragraph():
    for name in sorted(p.stem for p in EXAMPLES.glob("*.yaml")):
        last = body_of(report(name).data).strip().split("\n\n")[-1]
        assert last.startswith("Trên đây là báo cáo kết quả "), (name, last)
    assert body_of(report("vinh-loc-kiem-diem-2023").data).strip().endswith(
        "kính đề nghị Ban Thường vụ Huyện ủy xem xét.")


def test_people_are_called_dong_chi_never_ong_or_by_a_bare_name():
    text = report("vinh-loc-kiem-diem-2023").data
    assert "Ông " not in text and "Đồng chí Võ Thanh Điền, Phó Bí thư" in text
    assert "\nĐồng chí Lâm Quốc Khánh, Tỉnh ủy viên" in report("an-phu-tong-ket-kinh-te-2025").data


def test_chairs_are_not_listed_again_among_those_present():
    text = report("ccq-dang-tinh-tong-ket-2025").data
    assert "chủ trì." in text
    assert "Dự hội nghị có các đồng chí: Bùi Văn Quang" not in text


# ---- sections -----------------------------------------------------------------------------

def test_ratings_table_holds_only_the_numbers_given_and_no_bullets_repeat_it():
    text = report("vinh-loc-kiem-diem-2023").data
    table = [line for line in text.splitlines() if " | " in line]
    assert table[0].split(" | ")[2:] == ["Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ"]
    assert [c.strip() for c in table[1].split("|")] == ["Chi bộ", "", "02", "09"]
    assert not any(re.search(r"\|\s*0\s*(\||$)", line) for line in table)  # no zero nobody counted
    assert "- 02 chi bộ hoàn thành xuất sắc" not in text and "HTXSNV" not in text


def test_first_congress_reports_from_its_founding():
    text = report("phu-van-dai-hoi-2025").data
    assert "II- KẾT QUẢ LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ TỪ KHI THÀNH LẬP ĐẾN NAY" in text
    assert "NHIỆM KỲ QUA" not in text
    assert "II- KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT NHIỆM KỲ QUA" in report("vp-ubnd-tinh-dai-hoi-2020").data


def test_no_appointment_line_without_names():
    text = report("phu-van-dai-hoi-2025").data
    assert "Chỉ định Bí thư" not in text
    assert "- Chỉ định Đoàn đại biểu đi dự Đại hội Đảng bộ phường" in text


@pytest.mark.parametrize("kind", sorted(MINIMAL))
@pytest.mark.parametrize("doc", ["report", "resolution"])
def test_no_empty_section_and_headings_numbered_in_order(write, kind, doc):
    if doc == "resolution" and kind != "dai-hoi":
        return
    blocks = [b for b in render_file(write(MINIMAL[kind]), Options(doc=doc)).data.split("\n\n")]
    headings = [i for i, b in enumerate(blocks) if re.match(r"^[IVX]+- ", b)]
    for i in headings:  # something under each heading before the next one or the signature
        assert not re.match(r"^([IVX]+- |T/M )", blocks[i + 1]), blocks[i:i + 2]
    numerals = [blocks[i].split("-")[0] for i in headings]
    assert numerals == ["I", "II", "III", "IV", "V"][:len(numerals)]


# ---- the resolution -----------------------------------------------------------------------

def test_resolution_has_the_congress_header_title_preamble_articles_and_signature():
    result = report("vp-ubnd-tinh-dai-hoi-2020", "resolution")
    text = result.data
    assert text.startswith("ĐẢNG BỘ KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH\n\n"
                           "ĐẠI HỘI ĐẢNG BỘ VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH\n\n"
                           "LẦN THỨ VIII, NHIỆM KỲ 2020-2025\n\nSố \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0-NQ/ĐH\n")
    assert "\nNGHỊ QUYẾT\n\nĐại hội Đảng bộ Văn phòng Ủy ban nhân dân tỉnh lần thứ VIII, nhiệm kỳ 2020-2025\n" in text
    assert ("Đại hội Đảng bộ Văn phòng Ủy ban nhân dân tỉnh lần thứ VIII, nhiệm kỳ 2020-2025 họp ngày "
            "10 và 11 tháng 02 năm 2020, xem xét kết quả thực hiện Nghị quyết nhiệm kỳ qua") in text
    assert "\nQUYẾT NGHỊ:\n" in text
    clauses = re.findall(r"^Điều (\d+)\. (.*)$", text, re.M)
    assert [n for n, _ in clauses] == ["1", "2", "3", "4"]
    assert clauses[0][1].startswith("Tán thành nội dung đánh giá kết quả thực hiện Nghị quyết")
    assert clauses[1][1].startswith("Thông qua phương hướng, mục tiêu, chỉ tiêu nhiệm kỳ 2020-2025")
    assert clauses[2][1] == "Kết quả bầu cử:"
    assert clauses[3][1].startswith("Giao Ban Chấp hành Đảng bộ Văn phòng Ủy ban nhân dân tỉnh khóa VIII")
    assert "Bầu đồng chí Trịnh Hữu Hùng, Bí thư Đảng ủy khóa VII, tái cử giữ chức Bí thư Đảng ủy." in text
    assert "\nT/M ĐOÀN CHỦ TỊCH\n\n……\n\nNơi nhận:\n" in text  # no chair given: left blank, warned
    assert warning(result, "resolution.signer")
    assert "- Các chi bộ trực thuộc," in text


def test_resolution_is_signed_for_the_presidium_by_the_first_chair_with_a_warning():
    result = report("chi-bo-thon-dong-dai-hoi-2025", "resolution")
    assert "\nT/M ĐOÀN CHỦ TỊCH\n\nNguyễn Văn Hải\n" in result.data
    assert "BÍ THƯ" not in result.data.split("T/M ĐOÀN CHỦ TỊCH")[1]
    assert "Nguyễn Văn Hải" in warning(result, "resolution.signer")


def test_resolution_signer_and_number_as_the_data_says(write):
    text = (EXAMPLES / "chi-bo-thon-dong-dai-hoi-2025.yaml").read_text("utf-8") + """\
resolution:
  number: 1
  signer: {name: Lê Thị Mai}
"""
    result = render_file(write(text), Options(doc="resolution"))
    assert "Số 01-NQ/ĐH" in result.data and "T/M ĐOÀN CHỦ TỊCH\n\nLê Thị Mai\n" in result.data
    assert not [w for w in result.warnings if w.path in ("resolution.signer", "resolution.number")]


def test_resolution_prints_no_article_without_data(write):
    text = render_file(write(MINIMAL["dai-hoi"]), Options(doc="resolution")).data
    clauses = re.findall(r"^Điều \d+\. (.*)$", text, re.M)
    assert len(clauses) == 1 and clauses[0].startswith("Giao Chi ủy Chi bộ Thôn 3")
    assert "Tán thành" not in text and "Kết quả bầu cử" not in text and "xem xét" not in text


def test_first_congress_resolution_reviews_from_the_founding():
    text = report("phu-van-dai-hoi-2025", "resolution").data
    assert "Điều 1. Tán thành nội dung đánh giá kết quả lãnh đạo thực hiện nhiệm vụ từ khi thành lập đến nay:" in text
    assert "Điều 3. Kết quả chỉ định cấp ủy:" in text and "Chỉ định Bí thư" not in text


@pytest.mark.parametrize("fmt", ["txt", "md", "html", "docx"])
def test_resolution_renders_in_every_format(fmt):
    data = report("vp-ubnd-tinh-dai-hoi-2020", "resolution", fmt).data
    if fmt == "docx":
        data = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
        data = data.replace("\u00a0", " ")
    assert "NGHỊ QUYẾT" in data and "QUYẾT NGHỊ:" in data and "T/M ĐOÀN CHỦ TỊCH" in data
    assert "Điều" in data


def test_resolution_for_a_meeting_is_refused_with_exit_2():
    result = runner.invoke(app, ["render", str(EXAMPLES / "vinh-loc-kiem-diem-2023.yaml"), "--doc", "resolution"])
    assert result.exit_code == 2
    assert "vinh-loc-kiem-diem-2023.yaml:3:1: kind: --doc resolution chỉ soạn cho loại hoạt động dai-hoi" \
        in result.stderr and "Traceback" not in result.stderr
    en = runner.invoke(app, ["render", str(EXAMPLES / "vinh-loc-kiem-diem-2023.yaml"), "--doc", "resolution",
                             "--lang", "en"])
    assert en.exit_code == 2 and "is drafted for dai-hoi only" in en.stderr


def test_batch_names_the_resolution_file(tmp_path):
    result = runner.invoke(app, ["render", str(EXAMPLES / "phu-van-dai-hoi-2025.yaml"), "--format", "txt,md",
                                 "--doc", "resolution", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "phu-van-dai-hoi-2025-nghi-quyet.md", "phu-van-dai-hoi-2025-nghi-quyet.txt"]


# ---- layout (DOCX) ------------------------------------------------------------------------

def document_xml(name: str, doc: str = "report") -> str:
    data = report(name, doc, "docx").data
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")


def test_docx_terms_dates_and_ordinals_cannot_break():
    xml = document_xml("vp-ubnd-tinh-dai-hoi-2020")
    assert "2020</w:t><w:noBreakHyphen/><w:t>2025" in xml and "2020-2025" not in xml
    assert "lần\u00a0thứ\u00a0VIII" in xml and "lần thứ VIII" not in xml
    assert "Ngày\u00a010 và 11 tháng\u00a002 năm\u00a02020" in xml


def test_docx_table_rows_do_not_split_and_the_header_row_repeats():
    xml = document_xml("vinh-loc-kiem-diem-2023")
    rows = re.findall(r"<w:tr>(.*?)</w:tr>", xml)
    table_rows = [r for r in rows if "TableText" in r or "TableHead" in r]
    assert table_rows and all("<w:cantSplit/>" in r for r in table_rows)
    assert "<w:tblHeader/>" in table_rows[0]


def test_docx_lead_in_lines_and_the_last_paragraph_keep_with_the_next():
    xml = document_xml("vp-ubnd-tinh-dai-hoi-2020")
    for text in ("Đại hội xác định các chỉ tiêu:", "Trên đây là báo cáo kết quả"):
        para = [p for p in re.findall(r"<w:p>(.*?)</w:p>", xml) if text in p]
        assert para and "<w:keepNext/>" in para[0], text


def test_docx_header_lines_are_balanced_not_a_word_alone():
    xml = document_xml("vp-ubnd-tinh-dai-hoi-2020")
    assert "ĐẢNG BỘ KHỐI CÁC CƠ QUAN</w:t><w:br/><w:t>VÀ DOANH NGHIỆP TỈNH" in xml
    assert "ĐẢNG ỦY VĂN PHÒNG</w:t><w:br/><w:t>ỦY BAN NHÂN DÂN TỈNH" in xml
