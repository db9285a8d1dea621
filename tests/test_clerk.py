"""Package B: what a hurried clerk types (findings h4 F-1, F-2, F-3, F-15, F-16, F-17; h3 #6, #12).
What is unambiguous is accepted (with a warning when a name was changed); the rest is explained."""
import datetime as dt
import re

import pytest
from typer.testing import CliRunner

from drafter.model.clerk import honorific_of, split_person
from drafter.tools.cli import app

from conftest import MINIMAL

runner = CliRunner()
KET_NAP = """\
kind: ket-nap
org: {name: Chi bộ các cơ quan Đảng xã Hữu Liên}
date: 2025-10-03
chairs:
  - name: Đỗ Văn Thuần
    titles: [Bí thư Chi bộ]
new_members: [Hoàng Văn Nguyên, Lộc Duy Quang]
presenter: Đỗ Văn Thuần
"""
CONGRESS = MINIMAL["dai-hoi"]


def validate(write, content, *args):
    path = write(content)
    result = runner.invoke(app, ["validate", str(path), "--lang", "vi", *args])
    return path, result


def render(write, content, *args):
    path = write(content)
    result = runner.invoke(app, ["render", str(path), "--lang", "vi", *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout, result.stderr


# ---- 1. "đồng chí" before a name --------------------------------------------------------------


@pytest.mark.parametrize("typed, expected", [
    ("đồng chí Đỗ Văn Thuần", ("đồng chí", "Đỗ Văn Thuần")),
    ("Đồng chí Đỗ Văn Thuần", ("đồng chí", "Đỗ Văn Thuần")),
    ("đ/c Đỗ Văn Thuần", ("đồng chí", "Đỗ Văn Thuần")),
    ("ông Võ Thanh Điền", ("ông", "Võ Thanh Điền")),
    ("bà Lê Trang", ("bà", "Lê Trang")),
    ("Bà Nguyễn Thị Thanh Hà", ("bà", "Nguyễn Thị Thanh Hà")),
    ("Ông Ích Khiêm", (None, "Ông Ích Khiêm")),  # Ông is also a surname
    ("bà con nhân dân", (None, "bà con nhân dân")),
    ("Đỗ Văn Thuần", (None, "Đỗ Văn Thuần")),
])
def test_honorific_of(typed, expected):
    assert honorific_of(typed) == expected


@pytest.mark.parametrize("field, content", [
    ("chairs[0].name", KET_NAP.replace("  - name: Đỗ Văn Thuần", "  - name: đồng chí Đỗ Văn Thuần")),
    ("new_members[0]", KET_NAP.replace("[Hoàng Văn Nguyên,", "[đồng chí Hoàng Văn Nguyên,")),
    ("presenter", KET_NAP.replace("presenter: Đỗ Văn Thuần", "presenter: Đồng chí Đỗ Văn Thuần")),
])
def test_honorific_before_a_name_is_printed_once(write, field, content):
    out, err = render(write, content)
    assert "đồng chí đồng chí" not in out.lower()
    assert "Đồng chí Đỗ Văn Thuần đọc và trao quyết định kết nạp đảng viên cho 2 đồng chí Hoàng Văn Nguyên và Lộc Duy " \
           "Quang" in out
    assert f": cảnh báo: {field}: đã bỏ 'đồng chí' trước tên" in err and "[name-honorific]" in err


def test_honorific_warning_has_its_line_and_english(write):
    content = KET_NAP.replace("  - name: Đỗ Văn Thuần", "  - name: đồng chí Đỗ Văn Thuần")
    path, result = validate(write, content, "--lang", "en")
    assert result.exit_code == 0
    assert f"{path}:5:5: warning: chairs[0].name: dropped 'đồng chí' before the name: the name is 'Đỗ Văn Thuần'" \
           in result.stderr


def test_officer_named_with_honorific_signs_the_report(write):
    content = CONGRESS + "elections:\n  method: chỉ định\n  officers:\n    - role: Bí thư\n      name: đồng chí Lê Văn Hùng\n"
    out, err = render(write, content, "--doc", "report")
    assert "Chỉ định đồng chí Lê Văn Hùng giữ chức Bí thư." in out
    assert "\nLê Văn Hùng" in out and "đồng chí đồng chí" not in out
    assert "elections.officers[0].name: đã bỏ 'đồng chí'" in err


def test_ong_ba_become_the_honorific(write):
    content = KET_NAP.replace("  - name: Đỗ Văn Thuần", "  - name: ông Đỗ Văn Thuần")
    out, _ = render(write, content)
    assert "Ông Đỗ Văn Thuần đọc và trao quyết định" in out
    assert not re.search(r"\b[Ôô]ng [Ôô]ng\b", out)


def test_speaker_with_honorific_is_the_person_declared(write):
    content = KET_NAP + "speech: {speaker: đồng chí Đỗ Văn Thuần, points: [phát huy vai trò tiên phong]}\n"
    _, result = validate(write, content)
    assert "speech.speaker: đã bỏ 'đồng chí' trước tên: tên là 'Đỗ Văn Thuần'" in result.stderr
    assert "person-unknown" not in result.stderr  # it used to suggest adding "đồng chí" to the chair


# ---- 2. a person on one line -----------------------------------------------------------------


@pytest.mark.parametrize("typed, expected", [
    ("Đỗ Văn Thuần - Bí thư Chi bộ", ("Đỗ Văn Thuần", ["Bí thư Chi bộ"])),
    ("Lê Trang – Phó Bí thư Thường trực Đảng ủy", ("Lê Trang", ["Phó Bí thư Thường trực Đảng ủy"])),
    ("Lô Văn Thao, Phó Bí thư Huyện ủy, Chủ tịch HĐND huyện",
     ("Lô Văn Thao", ["Phó Bí thư Huyện ủy", "Chủ tịch HĐND huyện"])),
    ("Bùi Văn Quang", None),
])
def test_split_person(typed, expected):
    assert split_person(typed) == expected


def test_person_on_one_line_is_name_and_titles(write):
    content = KET_NAP.replace("  - name: Đỗ Văn Thuần\n    titles: [Bí thư Chi bộ]\n",
                              "  - đồng chí Đỗ Văn Thuần - Bí thư Chi bộ\n")
    content += "guests:\n  - đồng chí Lê Trang – Phó Bí thư Thường trực Đảng ủy\n"
    out, err = render(write, content)
    assert "Buổi lễ do đồng chí Đỗ Văn Thuần, Bí thư Chi bộ chủ trì." in out
    assert "đồng chí Lê Trang, Phó Bí thư Thường trực Đảng ủy" in out
    assert "Đồng chí Đỗ Văn Thuần đọc và trao" in out
    assert "chairs[0]: đã hiểu là họ tên 'Đỗ Văn Thuần', chức vụ 'Bí thư Chi bộ'; nên viết " \
           "{name: Đỗ Văn Thuần, titles: [Bí thư Chi bộ]} [person-split]" in err
    assert "guests[0]: đã hiểu là họ tên 'Lê Trang'" in err


def test_person_on_one_line_keeps_the_report_signer(write):
    content = KET_NAP.replace("  - name: Đỗ Văn Thuần\n    titles: [Bí thư Chi bộ]\n",
                              "  - đồng chí Đỗ Văn Thuần - Bí thư Chi bộ\n")
    out, _ = render(write, content, "--doc", "report")
    assert "BÍ THƯ\n\nĐỗ Văn Thuần\n" in out


# ---- 3. presenters checked against the people listed ------------------------------------------


def test_presenter_typo_is_warned_with_the_suggestion(write):
    path, result = validate(write, KET_NAP.replace("presenter: Đỗ Văn Thuần", "presenter: Đỗ văn Thuần"))
    assert f"{path}:8:1: cảnh báo: presenter: 'Đỗ văn Thuần' không có trong danh sách chủ trì/khách mời/người trình " \
           f"bày; có phải ý bạn là 'Đỗ Văn Thuần'? [person-unknown]" in result.stderr


def test_presenters_of_a_study_meeting_are_checked(write):
    content = ("kind: quan-triet\norg: {name: Đảng bộ xã Hà Đông}\ndate: 2025-05-20\n"
               "documents: [{type: Nghị quyết, number: 57-NQ/TW}]\npresenters: [Đoàn Thị Mỹ Phúc]\n")
    _, result = validate(write, content)
    assert "presenters[0]: 'Đoàn Thị Mỹ Phúc' không có trong danh sách" in result.stderr


def test_badge_presenters_checked_body_is_not_a_person(write):
    badges = ("kind: trao-huy-hieu\norg: {name: Đảng bộ xã Lục Dạ}\ndate: 2022-07-04\n"
              "guests: [Lô Văn Thao, Kha Thị Tím]\n")
    _, result = validate(write, badges + "badges:\n  total: 1\n  presenter: Lô Văn Thao, Kha Thị Tím\n")
    assert "badges.presenter: 'Lô Văn Thao, Kha Thị Tím' là nhiều người" in result.stderr
    _, result = validate(write, badges + "badges:\n  tiers: [{years: 65, count: 1, presenter: Lô Văn Thảo}]\n")
    assert "badges.tiers[0].presenter: 'Lô Văn Thảo' không có trong danh sách" in result.stderr
    assert "'Lô Văn Thao'?" in result.stderr
    _, result = validate(write, badges + "badges: {total: 1, presenter: Đoàn công tác của huyện}\n")
    assert "person-unknown" not in result.stderr  # a body, not a name


# ---- 4. forms accepted ------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["03/10/2025", "3/10/2025", "3-10-2025", "03.10.2025", "ngày 03 tháng 10 năm 2025"])
def test_vietnamese_date_is_accepted(write, typed):
    iso = render(write, KET_NAP, "--doc", "report")
    assert render(write, KET_NAP.replace("date: 2025-10-03", f"date: {typed}"), "--doc", "report") == iso
    assert "ngày 03 tháng 10 năm 2025" in iso[0]  # the date line of the report


def test_vietnamese_date_in_other_date_fields(write):
    from drafter.model.validate import validate as model_validate
    from drafter.read.loader import load_text

    event = model_validate(load_text(KET_NAP + "published: 05/10/2025\ndecisions: [{type: Quyết định, date: 1/10/2025}]\n"))
    assert event.published.date == dt.date(2025, 10, 5)
    assert event.decisions[0].date == dt.date(2025, 10, 1)


@pytest.mark.parametrize("typed, printed", [("XV", "lần thứ XV"), ("I", "lần thứ I"), ("Nhất", "lần thứ I"),
                                            ("lần thứ nhất", "lần thứ I"), ("lần thứ XII", "lần thứ XII")])
def test_ordinal_as_the_article_writes_it(write, typed, printed):
    out, _ = render(write, CONGRESS.replace("ordinal: 12", f"ordinal: {typed}"))
    assert printed in out


def test_members_bound_in_vietnamese(write):
    out, _ = render(write, CONGRESS + "members: 30\nmembers_bound: hơn\n")
    assert "hơn 30 đảng viên" in out


def test_time_of_day_ignores_case(write):
    out, _ = render(write, CONGRESS + "time_of_day: Sáng\n")
    assert out.count("Sáng 20/5") == 1


def test_attendance_as_a_share(write):
    out, _ = render(write, MINIMAL["kiem-diem"] + "attendance: 09/09\n")
    assert "9/9" in out


@pytest.mark.parametrize("written", ["Thứ 2", "thứ 2", "T2", "Thứ hai"])
def test_weekday_in_digits(write, written):
    content = CONGRESS.replace("date: 2025-05-20", "date: 2025-07-28") + \
        f"published: {{date: 2025-07-28, weekday: \"{written}\"}}\n"
    _, result = validate(write, content)
    assert result.exit_code == 0, result.stderr


def test_sunday_as_cn(write):
    content = CONGRESS.replace("date: 2025-05-20", "date: 2025-07-27") + \
        "published: {date: 2025-07-27, weekday: CN}\n"
    assert validate(write, content)[1].exit_code == 0
    _, result = validate(write, content.replace("2025-07-27", "2025-07-28"))
    assert "published.weekday: ghi 'CN' nhưng ngày đó là Thứ hai [weekday]" in result.stderr


# ---- 4. messages that say what to write -------------------------------------------------------


YEAR_END = MINIMAL["hoi-nghi-tong-ket"]
MESSAGES = {
    "members words": (CONGRESS + "members: hơn 30\n", "members: viết members: 30 và members_bound: more (hơn)"),
    "members plus": (CONGRESS + "members: 30+\n", "members: viết members: 30 và members_bound: more (hơn)"),
    "percent in value": (YEAR_END + "results:\n  - items: [{value: 30%, after: hoàn thành}]\n",
                         "results[0].items[0].value: viết value: 30, unit: \"%\""),
    "percent in attendance": (MINIMAL["kiem-diem"] + "attendance: {present: 9, total: 9, percent: \"100%\"}\n",
                              "attendance.percent: viết percent: 100 (số phần trăm, không kèm dấu %)"),
    "count with words": ("kind: trao-huy-hieu\norg: {name: Đảng bộ xã An Hòa}\ndate: 2025-09-02\n"
                         "badges: {total: 4 đồng chí}\n", "badges.total: chỉ ghi con số: viết total: 4"),
    "published text": (CONGRESS + "published: hôm qua\n", "published: viết published: {date: 2022-07-05} (ngày đăng bài)"),
    "attendance text": (MINIMAL["kiem-diem"] + "attendance: đầy đủ\n",
                        "attendance: viết attendance: {present: 9, total: 9} (số có mặt, tổng số)"),
    "officer line": (CONGRESS + "elections:\n  officers:\n    - Bí thư Chi bộ: Lê Văn Hùng\n",
                     "elections.officers[0].Bí thư Chi bộ: chức vụ và họ tên ghi ở hai trường: viết "
                     "'- {role: Bí thư Chi bộ, name: Lê Văn Hùng}'"),
    "badges sum": ("kind: trao-huy-hieu\norg: {name: Đảng bộ xã An Hòa}\ndate: 2025-09-02\n"
                   "badges:\n  total: 5\n  tiers: [{years: 65, count: 1}, {years: 55, count: 2}, {years: 50, count: 1}]\n",
                   "badges: các mốc cộng lại 4, khác tổng số 5 (total)"),
    "date with time of day": (CONGRESS.replace("2025-05-20", "sáng 3/10"),
                              "date: buổi ghi riêng ở time_of_day: sáng; ngày viết đủ năm: date: NNNN-10-03"),
    "date without year": (CONGRESS.replace("2025-05-20", "3/10"),
                          "date: thiếu năm: viết date: NNNN-10-03 (NNNN là năm)"),
    "impossible d/m/y": (CONGRESS.replace("2025-05-20", "31/02/2025"),
                         "date: không có ngày 31/02/2025 (tháng 2 năm 2025 có 28 ngày)"),
    "ordinal words": (CONGRESS.replace("ordinal: 12", "ordinal: mười hai"),
                      "ordinal: viết số: ordinal: 15 hoặc XV (bài tự in lần thứ XV)"),
}


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_message_says_what_to_write(write, name):
    content, message = MESSAGES[name]
    path, result = validate(write, content)
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert line.split(": ", 1)[1] == message, line


def test_flow_style_comma_in_braces_still_explained(write):
    # inside {…} a stray key is the comma's doing: the old message stays
    path, result = validate(write, YEAR_END + "results:\n  - items: [{value: 1, after: cán bộ, công chức}]\n")
    assert "không phải tên trường: chữ có dấu phẩy trong {…} cần đặt trong dấu nháy" in result.stderr


# ---- 5. commas in a flow list -----------------------------------------------------------------


def test_flow_list_split_by_commas_is_warned(write):
    content = MINIMAL["kiem-diem"] + "attendee_groups: [cán bộ, công chức, đảng viên chưa tham gia học tập trực tuyến]\n"
    path, result = validate(write, content)
    assert f"{path}:5:19: cảnh báo: attendee_groups[0]: dấu phẩy trong […] tách thành các mục riêng: 'cán bộ'; " \
           "'công chức'; 'đảng viên chưa tham gia học tập trực tuyến'" in result.stderr
    assert "[list-split]" in result.stderr


@pytest.mark.parametrize("written", [
    'attendee_groups: ["cán bộ, công chức, đảng viên chưa tham gia học tập trực tuyến"]',
    "attendee_groups: [các đồng chí Ủy viên Ban Chấp hành, Bí thư các chi bộ trực thuộc]",
    "attendee_groups:\n  - cán bộ\n  - công chức",
    "agenda: [chào cờ, giới thiệu đại biểu]",  # short steps are what an agenda is
])
def test_lists_that_are_not_split(write, written):
    _, result = validate(write, MINIMAL["kiem-diem"] + written + "\n")
    assert "list-split" not in result.stderr


def test_split_warning_can_be_acknowledged(write):
    content = MINIMAL["kiem-diem"] + "attendee_groups: [cán bộ, công chức]\n" + \
        "acknowledge: [{check: list-split, reason: hai nhóm riêng}]\n"
    _, result = validate(write, content)
    assert "list-split" not in result.stderr and result.exit_code == 0


def test_percent_in_a_count_is_not_told_to_drop_the_sign(write):
    content = MINIMAL["kiem-diem"] + "ratings:\n  - {subject: đảng viên, total: 9, levels: {tot: 100%}}\n"
    _, result = validate(write, content)
    assert "ratings[0].levels.tot: cần một số nguyên" in result.stderr


def test_reference_with_titles_is_the_declared_person(write):
    content = KET_NAP.replace("presenter: Đỗ Văn Thuần", "presenter: đồng chí Đỗ Văn Thuần - Bí thư Chi bộ")
    out, err = render(write, content)
    assert "Đồng chí Đỗ Văn Thuần đọc và trao quyết định" in out and " - Bí thư" not in out
    assert "presenter: đã hiểu là 'Đỗ Văn Thuần' (chức vụ in theo người đã khai ở chairs/guests)" in err


@pytest.mark.parametrize("typed", ["nhiệm kỳ 2025-2027", "Nhiệm kỳ 2025 - 2027", "2025/2027"])
def test_term_as_the_article_writes_it(write, typed):
    out, _ = render(write, CONGRESS.replace("term: 2025-2027", f"term: {typed}"))
    assert "nhiệm kỳ 2025-2027" in out


def test_text_with_colon_in_a_block_item_is_not_blamed_on_a_comma(write):
    _, result = validate(write, CONGRESS + "chairs:\n  - Nguyễn Văn A: Bí thư\n")
    assert "chairs[0].Nguyễn Văn A: 'Nguyễn Văn A' không phải tên trường: chữ có ': ' cần đặt trong dấu nháy" \
           in result.stderr
    assert "dấu phẩy" not in result.stderr
