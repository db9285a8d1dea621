"""Each event kind renders from its minimal form and with every optional part, in every text format."""
import pytest

from drafter.pipeline import Options, render_file

from conftest import MINIMAL


@pytest.mark.parametrize("kind", sorted(MINIMAL))
@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
@pytest.mark.parametrize("doc", ["article", "report"])
def test_minimal_file_renders(write, kind, fmt, doc):
    result = render_file(write(MINIMAL[kind]), Options(format=fmt, doc=doc))
    assert result.data.strip()
    assert "None" not in result.data


def test_minimal_congress_article_reads_right(write):
    text = render_file(write(MINIMAL["dai-hoi"])).data
    assert text.splitlines()[0] == "Đại hội Chi bộ Thôn 3 lần thứ XII, nhiệm kỳ 2025-2027"
    assert "Ngày 20/5, Chi bộ Thôn 3 tổ chức đại hội lần thứ XII, nhiệm kỳ 2025-2027." in text
    assert "Nghị quyết Đại hội lần thứ XI" in text


def test_minimal_review_report_is_signed_for_the_right_body(write):
    cell = MINIMAL["kiem-diem"].replace("Đảng bộ xã An Hòa", "Chi bộ Thôn 3")
    result = render_file(write(cell), Options(doc="report"))
    assert "T/M CHI BỘ" in result.data
    assert "Số \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0-BC/CB" in result.data
    assert "\nCHI BỘ THÔN 3\n" in result.data and "CHI ỦY" not in result.data  # the body that signs
    assert {w.path for w in result.warnings} == {"report.higher", "report.number", "report.place",
                                                 "report.signer", "report.recipients"}


def test_delegate_congress_with_elections(write):
    text = MINIMAL["dai-hoi"].replace("Chi bộ Thôn 3", "Đảng bộ xã An Hòa") + """\
delegates: 150
members: 1200
time_of_day: sáng
venue: Hội trường UBND xã
elections:
  committee_size: 3
  committee_members: [Lê Văn A, Trần Thị B, Ngô Văn C]
  officers:
    - {name: Lê Văn A, role: Bí thư Đảng ủy xã}
    - {name: Trần Thị B, role: Phó Bí thư Đảng ủy xã}
  delegation: {count: 12, congress: Đại hội đại biểu Đảng bộ tỉnh lần thứ I}
targets:
  count: 2
  tasks: 6
  breakthroughs: 3
  items:
    - {text: Thu nhập bình quân đạt, value: 75, unit: triệu đồng/người/năm}
    - {text: Tổng thu ngân sách trên địa bàn đạt, value: 120, unit: tỷ đồng}
"""
    article = render_file(write(text)).data
    assert "Đại hội đại biểu Đảng bộ xã An Hòa lần thứ XII" in article
    assert "Về dự Đại hội có 150 đại biểu đại diện cho 1.200 đảng viên" in article
    assert "Sáng 20/5, tại Hội trường UBND xã, " in article
    assert "gồm 3 đồng chí: Lê Văn A, Trần Thị B và Ngô Văn C" in article
    assert "bầu đồng chí Trần Thị B giữ chức Phó Bí thư Đảng ủy xã" in article
    assert "với 2 chỉ tiêu, 6 nhiệm vụ trọng tâm, 3 khâu đột phá" in article
    assert "(1) Thu nhập bình quân đạt 75 triệu đồng/người/năm." in article
    assert "bầu Đoàn đại biểu gồm 12 đồng chí đi dự Đại hội đại biểu Đảng bộ tỉnh lần thứ I" in article
    report = render_file(write(text, "r.yaml"), Options(doc="report")).data
    assert "III- KẾT QUẢ BẦU CỬ" in report  # no past-term data: that section is not written
    assert "NHIỆM KỲ QUA" not in report
    assert "Bầu đồng chí Lê Văn A giữ chức Bí thư Đảng ủy xã." in report
