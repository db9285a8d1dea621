"""The 24 real events of the genre (examples/genre/, one per fact sheet of issue 12): each has its
file, and the articles are written by the templates, not copied from long strings in the data."""
import statistics
import unicodedata
from pathlib import Path

import pytest
import yaml

from drafter.pipeline import Options, render_file

from conftest import EXAMPLES, MINIMAL

GENRE = EXAMPLES / "genre"
SHEETS = ["01_chi-bo-iii-httc-dai-hoi-2025", "02_chi-bo-thon-trieu-xuyen-2-dai-hoi-diem-2025",
          "03_chi-bo-thcs-doan-ket-dai-hoi-2022", "04_xa-binh-xa-dai-hoi-diem-2020",
          "05_phuong-thuan-giao-dai-hoi-diem-2020", "06_xa-phuoc-long-tho-dai-hoi-diem-2025",
          "07_xa-dai-dong-dai-hoi-2025", "08_phuong-mong-duong-dai-hoi-2025",
          "09_dang-bo-co-quan-dang-tinh-phu-tho-dai-hoi-2025", "10_tinh-lao-cai-dai-hoi-2025",
          "11_xa-thach-son-tong-ket-2023", "12_phuong-phuc-la-tong-ket-2023", "13_xa-vinh-phu-tong-ket-2025",
          "14_dang-bo-khoi-quang-ngai-tong-ket-2021", "15_xa-dien-quang-so-ket-6-thang-2022",
          "16_phuong-thuong-thanh-xep-loai-2020", "17_chi-bo-th-so1-minh-lap-kiem-diem-2021",
          "18_chi-bo-mn-hoa-thuy-tien-kiem-diem-2024", "19_xa-viet-hung-huy-hieu-2023",
          "20_phuong-an-dong-huy-hieu-2026", "21_chi-bo-mn-dinh-hiep-ket-nap-2024",
          "22_chi-bo-mn-xuan-my-ket-nap-2021", "23_xa-son-tay-ha-hoi-nghi-bch-2025",
          "24_xa-ha-dong-quan-triet-2025"]
LONG = 12  # words: a data string longer than this is prose the article may copy
MEDIAN_LIMIT = 0.40


def long_strings(value) -> list[str]:
    """Every string in the YAML with more than LONG words."""
    if isinstance(value, dict):
        return [s for v in value.values() for s in long_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in long_strings(v)]
    if isinstance(value, str) and len(value.split()) > LONG:
        return [unicodedata.normalize("NFC", " ".join(value.split()))]
    return []


def copied_share(article: str, strings: list[str]) -> float:
    """Share of the article's characters that lie inside a copy of one of the strings
    (first letter in either case: a template may capitalise the start of a sentence)."""
    text = unicodedata.normalize("NFC", " ".join(article.split()))
    covered = [False] * len(text)
    for s in strings:
        for form in {s, s[:1].upper() + s[1:], s[:1].lower() + s[1:]}:
            start = text.find(form)
            while start != -1:
                covered[start:start + len(form)] = [True] * len(form)
                start = text.find(form, start + 1)
    return sum(covered) / len(text)


def share_of(name: str) -> float:
    source = GENRE / f"{name}.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    return copied_share(render_file(source).data, long_strings(data))


def test_every_sheet_has_its_example():
    assert sorted(p.stem for p in GENRE.glob("*.yaml")) == SHEETS
    sheets = Path(__file__).resolve().parents[2] / "shared" / "genre"
    if sheets.is_dir():  # beside the repository on the project's machines; not shipped with it
        assert sorted(p.stem for p in sheets.glob("[0-9]*.txt")) == SHEETS


def test_articles_are_written_not_copied_from_long_data_strings():
    shares = {name: share_of(name) for name in SHEETS}
    median = statistics.median(shares.values())
    worst = sorted(shares.items(), key=lambda kv: -kv[1])[:3]
    assert median <= MEDIAN_LIMIT, f"median copied share {median:.0%}; most copied: {worst}"


def test_the_measure_counts_a_copied_string():
    prose = "một hai ba bốn năm sáu bảy tám chín mười mười một mười hai mười ba"
    assert long_strings({"a": [prose, "ngắn"]}) == [prose]
    assert copied_share(f"Mở đầu. {prose[:1].upper()}{prose[1:]}.", [prose]) > 0.8
    assert copied_share("Một câu khác hẳn.", [prose]) == 0


CONGRESS = MINIMAL["dai-hoi"]


def article(write, text, **options):
    return render_file(write(text), Options(**options)).data


def test_an_ordinal_nobody_gave_is_not_printed(write):
    text = CONGRESS.replace("ordinal: 12\n", "")
    for doc in ("article", "report", "resolution"):
        out = article(write, text, doc=doc)
        assert "lần thứ" not in out and "khóa" not in out, doc
    assert article(write, text).splitlines()[0] == "Đại hội Chi bộ Thôn 3 nhiệm kỳ 2025-2027"


def test_more_than_ranges_and_examples(write):
    text = CONGRESS.replace("Chi bộ Thôn 3", "Đảng bộ xã An Hòa") + """\
delegates: 177
members: 1200
members_bound: more
subunits: 56
results:
  - items:
      - {text: nông nghiệp phát triển với các mô hình, examples: [nuôi cá lồng, gà đặc sản, rau sạch]}
targets:
  partial: true
  items:
    - {text: kết nạp, value: 180, to: 200, unit: đảng viên}
    - {text: thu nhập đạt, value: 60, unit: triệu đồng, horizon: 2030}
"""
    out = article(write, text)
    assert "177 đại biểu đại diện cho hơn 1.200 đảng viên sinh hoạt tại 56 chi, đảng bộ trực thuộc" in out
    assert "với các mô hình như nuôi cá lồng, gà đặc sản và rau sạch" in out
    assert "Kết nạp từ 180 đến 200 đảng viên" in out
    assert "Đến năm 2030, thu nhập đạt 60 triệu đồng" in out
    assert "2 chỉ tiêu" not in out and "3 mô hình" not in out  # a list given in part is never counted


def test_a_delegate_congress_without_its_count(write):
    out = article(write, CONGRESS.replace("Chi bộ Thôn 3", "Đảng bộ xã An Hòa") + "delegate_congress: true\n")
    assert "tổ chức đại hội đại biểu lần thứ XII" in out and "đại biểu đại diện" not in out


def test_the_parent_unit_and_the_district_are_in_the_lead(write):
    text = CONGRESS + ("org: {name: Chi bộ Thôn 3, place: {kind: xã, name: An Hòa, district: huyện Hàm Yên,"
                       " province: Tuyên Quang}}\nhigher: {name: Đảng bộ xã An Hòa}\n")
    out = article(write, text.replace("org: {name: Chi bộ Thôn 3}\n", ""))
    assert "Chi bộ Thôn 3 (trực thuộc Đảng bộ xã An Hòa, huyện Hàm Yên, Tuyên Quang) tổ chức đại hội" in out


def test_a_meeting_known_only_by_its_year(write):
    text = MINIMAL["kiem-diem"].replace("date: 2025-12-22", "date: 2025-12-31\ndate_precision: year")
    assert "Năm 2025, Đảng bộ xã An Hòa tổ chức hội nghị" in article(write, text)
    report = render_file(write(text, "r.yaml"), Options(doc="report"))
    assert "ngày …… tháng …… năm 2025" in report.data and "31" not in report.data
    assert "report.date" in {w.path for w in report.warnings}


def test_guests_by_their_role_attendance_and_an_outlet(write):
    text = MINIMAL["hoi-nghi-tong-ket"] + """\
guests:
  - {name: Đặng Văn Hùng, titles: [Phó Bí thư Đảng ủy xã], attending: dự và giám sát}
attendance: {present: 17, total: 17}
byline: {outlet: Báo Tuyên Quang}
"""
    out = article(write, text)
    assert "Dự và giám sát hội nghị có đồng chí Đặng Văn Hùng, Phó Bí thư Đảng ủy xã." in out
    assert "Hội nghị có 17/17 đảng viên tham dự." in out
    assert out.rstrip().endswith("Theo Báo Tuyên Quang")


def test_badges_by_tier_add_up(write):
    text = MINIMAL["trao-huy-hieu"].replace("badges: {total: 5}", """\
badges:
  total: 5
  on_behalf: Ban Thường vụ Huyện ủy
  presenter: Lê Văn A
  tiers: [{years: 30, count: 3}, {years: 50, count: 2, recipients: [{name: Trần Thị B, born: 1950}]}]
guests: [{name: Lê Văn A, titles: [Phó Bí thư Huyện ủy]}]""")
    out = article(write, text)
    assert ("Thừa ủy quyền của Ban Thường vụ Huyện ủy, đồng chí Lê Văn A trao Huy hiệu 30 năm tuổi Đảng cho"
            " 3 đồng chí; Huy hiệu 50 năm tuổi Đảng cho 2 đồng chí, trong đó có đồng chí Trần Thị B"
            " (sinh năm 1950).") in out
    from drafter.errors import DrafterError
    with pytest.raises(DrafterError) as info:
        render_file(write(text.replace("total: 5", "total: 6"), "bad.yaml"))
    assert "badges_sum" in {i.code for i in info.value.issues}


def test_an_admission_counts_the_named_new_members(write):
    text = MINIMAL["ket-nap"].replace("[Lê Thị Hoa]", "[Lê Thị Hoa, Trần Văn Nam]") + """\
decisions:
  - {type: Quyết định, number: 1748-QĐ/HU, date: 2024-07-31, issuer: Ban Thường vụ Huyện ủy}
  - {type: Quyết định, number: 1749-QĐ/HU, date: 2024-07-31, issuer: Ban Thường vụ Huyện ủy}
oath: true
mentors_assigned: true
probation_months: 12
members_after: 26
"""
    out = article(write, text)
    assert "lễ kết nạp đảng viên mới cho 2 quần chúng ưu tú: Lê Thị Hoa và Trần Văn Nam" in out
    assert "Quyết định số 1748-QĐ/HU và số 1749-QĐ/HU ngày 31/7/2024 của Ban Thường vụ Huyện ủy" in out
    assert "trong thời gian dự bị 12 tháng" in out and "có 26 đảng viên" in out


@pytest.mark.parametrize("kind, required", [
    ("so-ket", ["date", "org.name", "period.months", "period.year"]),
    ("trao-huy-hieu", ["badges", "date", "org.name"]),
    ("ket-nap", ["date", "new_members", "org.name"]),
    ("hoi-nghi-bch", ["date", "org.name"]),
    ("quan-triet", ["date", "documents[0].type", "org.name"]),
])
def test_new_kinds_have_a_skeleton_asking_for_their_required_fields(kind, required, tmp_path):
    from typer.testing import CliRunner

    from drafter.tools.cli import app
    runner = CliRunner()
    target = tmp_path / "moi.yaml"
    assert runner.invoke(app, ["new", kind, "-o", str(target)]).exit_code == 0
    assert f"\nkind: {kind}\n" in target.read_text(encoding="utf-8")
    result = runner.invoke(app, ["validate", str(target), "--lang", "en"])
    assert result.exit_code == 2
    assert sorted(line.split(": ")[1] for line in result.stderr.strip().splitlines()) == required


@pytest.mark.parametrize("kind", ["hoi-nghi-tong-ket", "kiem-diem", "so-ket"])
def test_the_units_size_is_said_once_in_the_article_and_the_report(write, kind):
    text = MINIMAL[kind] + "members: 612\ncells: 24\n"
    for doc in ("article", "report"):
        out = article(write, text, doc=doc)
        assert out.count("612 đảng viên") == 1 and out.count("24 chi bộ") == 1, (doc, out)


def test_a_new_units_report_says_its_members_at_its_founding_only(write):
    text = CONGRESS + "founded: 2025-07-01\nmembers: 36\ncells: 3\n"
    out = article(write, text, doc="report")
    assert out.count("36 đảng viên") == 1 and out.count("3 chi bộ") == 1
    assert "được thành lập ngày 01/7/2025 với 36 đảng viên, sinh hoạt tại 3 chi bộ trực thuộc." in out


def test_a_report_names_each_guest_once_with_the_role_the_data_gives(write):
    text = CONGRESS + """\
guests:
  - {name: Trần Văn Bình, titles: [Phó Bí thư Đảng ủy xã], attending: "dự, chỉ đạo và phát biểu"}
  - {name: Lê Thị Cúc, titles: [Đảng ủy viên], attending: dự}
  - {name: Phạm Văn Dũng, titles: [Chủ tịch Hội Nông dân xã]}
"""
    out = article(write, text, doc="report")
    assert "Dự Đại hội có đồng chí Phạm Văn Dũng, Chủ tịch Hội Nông dân xã." in out  # no role: no "chỉ đạo"
    assert "Dự, chỉ đạo và phát biểu Đại hội có đồng chí Trần Văn Bình, Phó Bí thư Đảng ủy xã." in out
    assert "Dự Đại hội có đồng chí Lê Thị Cúc, Đảng ủy viên." in out
    for name in ("Trần Văn Bình", "Lê Thị Cúc", "Phạm Văn Dũng"):
        assert out.count(name) == 1, name
