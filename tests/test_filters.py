"""Each date and number form the seed articles use, produced by the filters."""
import datetime as dt
from decimal import Decimal

import pytest

from drafter.compose import filters as f
from drafter.model import Count, Figure, Person, Rating


@pytest.mark.parametrize("day, form, expected", [
    (dt.date(2023, 12, 11), f.day_month, "11/12"),            # "Sáng 11/12" (seed 002)
    (dt.date(2026, 1, 8), f.day_month, "8/1"),                # "Chiều 8/1" (seed 001)
    (dt.date(2026, 1, 7), f.date_padded, "07/01/2026"),       # "ngày 07/01/2026" (seed 000)
    (dt.date(2025, 7, 18), f.date_short, "18/7/2025"),        # "Ngày 18/7/2025" (seed 003)
    (dt.date(2025, 7, 1), f.date_party, "01/7/2025"),         # "thành lập ngày 01/7/2025" (seed 003)
    (dt.date(2026, 1, 7), f.date_long, "ngày 07 tháng 01 năm 2026"),
    (dt.date(2018, 4, 3), f.date_long, "ngày 03 tháng 4 năm 2018"),   # months > 2 unpadded
    (dt.date(2018, 2, 20), f.date_long, "ngày 20 tháng 02 năm 2018"),
    (dt.date(2025, 7, 18), f.weekday, "Thứ sáu"),
    (dt.date(2026, 1, 4), f.weekday, "Chủ nhật"),
])
def test_date_forms(day, form, expected):
    assert form(day) == expected


def test_day_month_with_dash():
    assert f.day_month(dt.date(2025, 7, 18), "-") == "18-7"        # "Chiều 18-7"


def test_date_span():
    assert f.date_span(dt.date(2020, 2, 10), dt.date(2020, 2, 11)) == "10 và 11-2"  # seed 004
    assert f.date_span(dt.date(2020, 2, 10), dt.date(2020, 2, 12)) == "10 đến 12-2"
    assert f.date_span(dt.date(2020, 1, 31), dt.date(2020, 2, 1), "/") == "31/1 và 1/2"
    assert f.date_span(dt.date(2020, 2, 10)) == "10-2"


def test_stamp():
    assert f.stamp(dt.date(2025, 7, 18), "12:03", with_weekday=True) == "Thứ sáu - 18/07/2025 12:03"
    assert f.stamp(dt.date(2020, 2, 11), "15:31") == "11/02/2020 15:31"


@pytest.mark.parametrize("value, expected", [
    (2619, "2.619"), (Decimal("94.1"), "94,1"), (1234567, "1.234.567"), (0, "0"), (Decimal("17.40"), "17,4"),
])
def test_number(value, expected):
    assert f.number(value) == expected


def test_percent_share_plan():
    assert f.percent(Decimal("94.1")) == "94,1%"
    assert f.percent(100) == "100%"
    assert f.share(18, 20) == "18/20"
    assert f.share(200, 255) == "200/255"
    assert f.plan_percent(118, 100) == "đạt 118% kế hoạch"
    assert f.plan_percent(59, 50) == "đạt 118% kế hoạch"
    assert f.plan_percent(1, 3) == "đạt 33,3% kế hoạch"


def test_padding_and_counts():
    assert f.pad(1) == "01" and f.pad(8) == "08" and f.pad(12) == "12"
    assert f.count(1, "tập thể", padded=True) == "01 tập thể"
    assert f.count(6, "chỉ tiêu", padded=True) == "06 chỉ tiêu"
    assert f.count(6, "chỉ tiêu") == "6 chỉ tiêu"
    assert f.count(2619, "đồng chí", padded=True) == "2.619 đồng chí"
    assert f.count(Decimal("94.1"), "%", padded=True) == "94,1%"


def test_money():
    assert f.money(1_500_000_000) == "1,5 tỷ đồng"
    assert f.money(250_000_000) == "250 triệu đồng"
    assert f.money(2_619_000_000_000) == "2.619 tỷ đồng"
    assert f.money(500_000) == "500.000 đồng"


@pytest.mark.parametrize("n, expected", [(1, "I"), (4, "IV"), (8, "VIII"), (9, "IX"), (14, "XIV"), (40, "XL"), (1990, "MCMXC")])
def test_roman(n, expected):
    assert f.roman(n) == expected


def test_roman_rejects_zero():
    with pytest.raises(ValueError):
        f.roman(0)


def test_lists():
    assert f.join_vi(["a", "b", "c"]) == "a, b và c"
    assert f.join_vi(["a", "b"]) == "a và b"
    assert f.join_vi(["a"]) == "a"
    assert f.join_vi([]) == ""
    assert f.join_vi(["a", "b"], "; ") == "a; b"
    assert f.numbered(["phấn đấu kết nạp 01 đảng viên", "Có 100% …"]) == \
        "(1) Phấn đấu kết nạp 01 đảng viên. (2) Có 100% …"


def test_people():
    quang = Person(name="Bùi Văn Quang", titles=["Phó Bí thư Thường trực Tỉnh ủy", "Bí thư Đảng ủy CCQ Đảng tỉnh"])
    huyen = Person(name="Nguyễn Thị Thanh Huyền", titles=["Ủy viên BTV Tỉnh ủy"])
    assert f.person(quang) == "Bùi Văn Quang, Phó Bí thư Thường trực Tỉnh ủy, Bí thư Đảng ủy CCQ Đảng tỉnh"
    assert f.person(quang, "dash") == "Bùi Văn Quang - Phó Bí thư Thường trực Tỉnh ủy, Bí thư Đảng ủy CCQ Đảng tỉnh"
    assert f.person(quang, "title") == "Phó Bí thư Thường trực Tỉnh ủy Bùi Văn Quang"
    assert f.person(quang, "name", honorific=True) == "đồng chí Bùi Văn Quang"
    assert f.people([quang, huyen]) == (
        "Bùi Văn Quang, Phó Bí thư Thường trực Tỉnh ủy, Bí thư Đảng ủy CCQ Đảng tỉnh; "
        "Nguyễn Thị Thanh Huyền, Ủy viên BTV Tỉnh ủy")
    assert f.people([Person(name="A"), Person(name="B"), Person(name="C")]) == "A, B và C"


def test_figures():
    assert f.figure(Figure(text="đổi thẻ đảng viên cho", value=2619, unit="đồng chí")) == \
        "đổi thẻ đảng viên cho 2.619 đồng chí"
    assert f.figure(Figure(text="Tỷ lệ … đạt", value=95, unit="%", bound="min")) == "Tỷ lệ … đạt từ 95% trở lên"
    both = Figure(text="kiểm tra đối với", value=2, unit="tổ chức Đảng", also=[Count(value=4, unit="đảng viên")])
    assert f.figure(both) == "kiểm tra đối với 2 tổ chức Đảng và 4 đảng viên"
    share = Figure(text="đạt và vượt", value=18, total=20, unit="chỉ tiêu")
    assert f.figure(share) == "đạt và vượt 18/20 chỉ tiêu"
    part = Figure(value=Decimal("94.1"), unit="%", after="đảng viên hoàn thành tốt nhiệm vụ",
                  of_which=[Figure(value=Decimal("17.4"), unit="%", after="hoàn thành xuất sắc")])
    assert f.figure(part) == "94,1% đảng viên hoàn thành tốt nhiệm vụ, trong đó 17,4% hoàn thành xuất sắc"
    assert f.figure(Figure(text="kết nạp", value=1, unit="đảng viên"), padded=True) == "kết nạp 01 đảng viên"
    assert f.figure(Figure(text="Kết nạp", value=5, bound="least", pad=True, unit="đảng viên mới")) == \
        "Kết nạp ít nhất 05 đảng viên mới"


def test_rating_phrase():
    cells = Rating(subject="chi bộ", levels={"tot": 9, "xuat-sac": 2})
    assert f.rating_phrase(cells, padded=True) == \
        "02 chi bộ hoàn thành xuất sắc nhiệm vụ, 09 chi bộ hoàn thành tốt nhiệm vụ"
    members = Rating(subject="đảng viên", total=39, levels={"xuat-sac": 39})
    assert f.rating_phrase(members) == "39/39 đảng viên hoàn thành xuất sắc nhiệm vụ"


def test_sentence_helpers():
    assert f.full_stop("xong") == "xong." and f.full_stop("xong.") == "xong."
    assert f.capfirst("sáng") == "Sáng" and f.sentence_case("Thứ Sáu") == "Thứ sáu"


def test_every_filter_is_a_documented_function():
    for name, fn in f.FILTERS.items():
        assert fn.__doc__, name


def test_tone_mark_house_style():
    from drafter.compose.orthography import tone_style

    text = "Đảng uỷ, hoà bình, Thuỷ, khoẻ, HOÀ; quý, quỳ, hoàng, xuyến, khuỷu, thuở"
    assert tone_style(text, "traditional") == "Đảng ủy, hòa bình, Thủy, khỏe, HÒA; quý, quỳ, hoàng, xuyến, khuỷu, thuở"
    assert tone_style(tone_style(text, "traditional"), "modern") == (
        "Đảng uỷ, hoà bình, Thuỷ, khoẻ, HOÀ; quý, quỳ, hoàng, xuyến, khuỷu, thuở")
    assert tone_style(text, "keep") == text


def test_one_house_style_through_the_document(write):
    from drafter.pipeline import render_file

    path = write("kind: hoi-nghi-tong-ket\norg: {name: Đảng bộ xã Hoà Bình}\ndate: 2025-12-20\nyear: 2025\n"
                 "assessment: [Đảng uỷ lãnh đạo hoàn thành tốt]\n")
    text = render_file(path).data
    # the wording and the prose take the house style; the name stays as the user wrote it
    assert "Đảng bộ xã Hoà Bình" in text and "Hòa Bình" not in text and "Đảng ủy lãnh đạo" in text
    modern = write("kind: hoi-nghi-tong-ket\norg: {name: Đảng bộ xã Hòa Bình}\ndate: 2025-12-20\nyear: 2025\n"
                   "style: {tone_marks: modern}\n", "m.yaml")
    assert "Đảng bộ xã Hòa Bình" in render_file(modern).data  # modern style, name untouched


def test_distinct_keeps_the_first_of_entries_printed_alike():
    a, b = Person(name="Lê Văn An", honorific="ông"), Person(name="Lê Văn An")
    assert f.distinct([a, b, Person(name="Lê Văn Bình")], "name") == [a, Person(name="Lê Văn Bình")]
    assert f.distinct([a, b], "honorific", "name") == [a, b]  # told apart by what is printed
