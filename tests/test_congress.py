"""The congress (dai-hoi): its article, report and resolution say only what the data says.
Cases from testers' real articles (findings h1, h4), cut down to the fields that matter."""
import pytest

from drafter.pipeline import Options, render_file

from conftest import MINIMAL

CONGRESS = MINIMAL["dai-hoi"]
COMMUNE = CONGRESS.replace("Chi bộ Thôn 3", "Đảng bộ xã An Nghĩa")
DOCS = ("article", "report", "resolution")


def render(write, text, doc="article", **options):
    return render_file(write(text, f"{doc}.yaml"), Options(doc=doc, **options)).data


def test_every_document_says_the_members_bound(write):
    # h1#1: the resolution printed "gần 4.000" as an exact "4.000"
    text = COMMUNE + "delegates: 195\nmembers: 4000\nmembers_bound: nearly\n"
    for doc in DOCS:
        out = render(write, text, doc)
        assert "gần 4.000 đảng viên" in out, doc
        assert out.count("4.000") == out.count("gần 4.000"), doc


def test_a_new_units_resolution_says_the_members_bound_at_its_founding(write):
    text = CONGRESS + "founded: 2025-07-01\nmembers: 2700\nmembers_bound: over\nassessment: [Chi bộ hoàn thành tốt nhiệm vụ]\n"
    out = render(write, text, "resolution")
    assert "được thành lập ngày 01/7/2025 với trên 2.700 đảng viên." in out


def test_cells_and_base_orgs_are_said_side_by_side(write):
    # h1#5: "1.807 đảng viên trong 35 chi bộ trực thuộc sinh hoạt tại 23 chi, đảng bộ cơ sở"
    text = COMMUNE + "delegates: 165\nmembers: 1807\nbase_orgs: 23\ncells: 35\n"
    side_by_side = "1.807 đảng viên, sinh hoạt tại 23 chi, đảng bộ cơ sở và 35 chi bộ trực thuộc."
    article = render(write, text)
    assert ("165 đại biểu đại diện cho 1.807 đảng viên sinh hoạt tại 23 chi, đảng bộ cơ sở và 35 chi bộ"
            " trực thuộc.") in article
    assert "trong 35 chi bộ" not in article
    report = render(write, text, "report")
    assert "Đảng bộ xã An Nghĩa có " + side_by_side in report
    for out in (article, report):
        assert out.count("23 chi, đảng bộ cơ sở") == 1 and out.count("35 chi bộ") == 1
    no_delegates = render(write, text.replace("delegates: 165\n", ""))
    assert "Đảng bộ có " + side_by_side in no_delegates
    assert no_delegates.count("23 chi, đảng bộ cơ sở") == 1


GUESTS = """\
guests:
  - {name: Bùi Minh Châu, titles: [Ủy viên Ban Chấp hành Trung ương Đảng]}
  - {name: Trần Duy Đông, titles: [Phó Bí thư Tỉnh ủy]}
"""


@pytest.mark.parametrize("variant", [0, 1, 2])
def test_guests_without_a_role_only_attend(write, variant):
    # h1#4: every phrasing said "chỉ đạo", a role the data does not give
    out = render(write, COMMUNE + GUESTS, variant=variant)
    assert "chỉ đạo" not in out
    assert ("Dự Đại hội có các đồng chí: Bùi Minh Châu", "Về dự Đại hội có các đồng chí: Bùi Minh Châu",
            "Tham dự Đại hội có các đồng chí: Bùi Minh Châu")[variant] in out
    report = render(write, COMMUNE + GUESTS, "report")
    assert "chỉ đạo" not in report and "Dự Đại hội có các đồng chí: Bùi Minh Châu" in report


def test_guests_who_directed_say_so(write):
    text = COMMUNE + GUESTS.replace("Phó Bí thư Tỉnh ủy]}", "Phó Bí thư Tỉnh ủy], attending: dự và chỉ đạo}")
    for doc in ("article", "report"):
        out = render(write, text, doc)
        assert "Dự và chỉ đạo Đại hội có đồng chí Trần Duy Đông, Phó Bí thư Tỉnh ủy." in out, doc
        assert "Đại hội có đồng chí Bùi Minh Châu, Ủy viên Ban Chấp hành Trung ương Đảng." in out, doc


PAST = "assessment: [Đảng bộ hoàn thành tốt nhiệm vụ chính trị]\n"


@pytest.mark.parametrize("extra, past", [
    ("", "kết quả lãnh đạo thực hiện nhiệm vụ thời gian qua"),
    ("merged_from: [xã Phú Thành, xã Phú Nghĩa]\n", "kết quả lãnh đạo thực hiện nhiệm vụ nhiệm kỳ qua"),
    ("founded: 2025-07-01\n", "kết quả lãnh đạo thực hiện nhiệm vụ từ khi thành lập đến nay"),
    ("founded_by: {type: Quyết định, number: 10-QĐ/TU, date: 2025-06-26, issuer: Tỉnh ủy}\n",
     "kết quả lãnh đạo thực hiện nhiệm vụ từ khi thành lập đến nay"),
])
def test_a_first_congress_reports_from_the_founding_only_when_the_data_gives_it(write, extra, past):
    # h1#3, h4 F-14: ordinal 1 alone said "từ khi thành lập đến nay"
    text = COMMUNE.replace("ordinal: 12", "ordinal: 1") + PAST + extra
    report = render(write, text, "report")
    assert "II- " + past.upper() in report
    resolution = render(write, text, "resolution")
    assert f"xem xét {past}." in resolution and f"Tán thành nội dung đánh giá {past}:" in resolution
    assert "2020" not in report + resolution  # the past term's years are not in the data


def test_a_later_congress_reviews_its_past_resolution(write):
    report = render(write, COMMUNE + PAST, "report")
    assert "II- KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT NHIỆM KỲ QUA" in report


ELECTED = """\
elections:
  committee_size: 3
  officers: [{name: Nguyễn Thị Mai Hoa, role: Bí thư Chi bộ}]
"""


def test_the_election_sentence_never_says_bau_cu_bau(write):
    # h1#10: "Đại hội tiến hành bầu cử bầu Chi ủy …"
    out = render(write, CONGRESS + ELECTED)
    assert "Đại hội đã bầu Chi ủy Chi bộ Thôn 3 khóa XII, nhiệm kỳ 2025-2027 gồm 3 đồng chí;" in out
    assert "bầu cử bầu" not in out
    unanimous = render(write, CONGRESS + ELECTED.replace("elections:\n", "elections:\n  unanimous: true\n"))
    assert "Đại hội tiến hành bầu cử, với số phiếu nhất trí cao bầu Chi ủy" in unanimous




def test_direction_points_open_their_paragraph_with_a_capital(write):
    # h1#16, h4 F-11: "tăng cường xây dựng Đảng bộ …" began a paragraph of the report and resolution
    text = COMMUNE + "direction: ['tăng cường xây dựng Đảng bộ trong sạch, vững mạnh', đẩy mạnh chuyển đổi số]\n"
    for doc in ("report", "resolution"):
        out = render(write, text, doc)
        assert "\nTăng cường xây dựng Đảng bộ trong sạch, vững mạnh. Đẩy mạnh chuyển đổi số.\n" in out, doc


def test_the_articles_direction_after_its_colon(write):
    out = render(write, COMMUNE + "direction: [tăng cường xây dựng Đảng bộ, đẩy mạnh chuyển đổi số]\n")
    assert ("Nhiệm kỳ 2025-2027, Đảng bộ xã An Nghĩa xác định phương hướng lãnh đạo: tăng cường xây dựng"
            " Đảng bộ; đẩy mạnh chuyển đổi số.") in out
    sentences = render(write, COMMUNE + "direction: [Tăng cường xây dựng Đảng bộ, Đẩy mạnh chuyển đổi số]\n")
    assert "lãnh đạo: Tăng cường xây dựng Đảng bộ. Đẩy mạnh chuyển đổi số." in sentences  # as the YAML writes them
    # h4 F-11: "xác định phương hướng lãnh đạo: Đề ra phương hướng, …"
    named = render(write, COMMUNE + "direction: ['đề ra phương hướng, mục tiêu, nhiệm vụ, giải pháp cho nhiệm kỳ 2025-2027']\n")
    assert "Đại hội thống nhất đề ra phương hướng, mục tiêu, nhiệm vụ, giải pháp cho nhiệm kỳ 2025-2027." in named
    assert named.count("phương hướng") == 1


APPOINTED = """\
elections:
  method: chỉ định
  officers: [{role: Bí thư}, {role: Phó Bí thư}]
"""


def test_appointed_offices_are_in_every_document(write):
    # h4 F-9: "Bí thư, Phó Bí thư" in the article only
    text = CONGRESS + APPOINTED
    assert "về việc chỉ định Chi ủy, Bí thư, Phó Bí thư Chi bộ Thôn 3 nhiệm kỳ 2025-2027." in render(write, text)
    for doc in ("report", "resolution"):
        out = render(write, text, doc)
        assert "- Công bố Quyết định chỉ định Chi ủy, Bí thư, Phó Bí thư Chi bộ Thôn 3 nhiệm kỳ 2025-2027." in out, doc
    named = render(write, text.replace("{role: Bí thư}", "{role: Bí thư, name: Lê Văn Hùng}"), "report")
    assert "chỉ định Chi ủy, Phó Bí thư Chi bộ Thôn 3" in named  # a named one has a line of its own
    assert "- Chỉ định đồng chí Lê Văn Hùng giữ chức Bí thư." in named


SPEECH = """\
guests: [{name: Đỗ Đình Cường, titles: [Bí thư Đảng ủy xã], attending: dự và chỉ đạo}]
speech:
  speaker: Đỗ Đình Cường
  points: [vai trò hạt nhân lãnh đạo của Chi bộ trong việc thực hiện các nhiệm vụ chính trị]
  requests: [Chi bộ tiếp tục đổi mới phương thức lãnh đạo]
"""


def test_the_reports_directing_points_keep_the_speechs_verb(write):
    # h4 F-10: "- Vai trò hạt nhân …", a bullet without a verb
    out = render(write, CONGRESS + SPEECH, "report")
    assert ("Đồng chí Đỗ Đình Cường, Bí thư Đảng ủy xã đã phát biểu chỉ đạo, nhấn mạnh:\n\n"
            "- Vai trò hạt nhân lãnh đạo của Chi bộ trong việc thực hiện các nhiệm vụ chính trị.\n\n"
            "- Đề nghị Chi bộ tiếp tục đổi mới phương thức lãnh đạo.") in out
    acknowledged = render(write, CONGRESS + SPEECH.replace("  points:", "  acknowledged: [những kết quả Chi bộ đạt được]\n  points:"), "report")
    assert "phát biểu chỉ đạo, ghi nhận những kết quả Chi bộ đạt được và nhấn mạnh:\n" in acknowledged


def test_a_speech_that_does_not_direct_is_not_called_directing(write):
    text = CONGRESS + SPEECH.replace("  points:", "  directive: false\n  points:").replace("vai trò", "cho biết vai trò")
    out = render(write, text, "report")
    assert "PHÁT BIỂU TẠI ĐẠI HỘI" in out and "phát biểu chỉ đạo" not in out
    assert "Đồng chí Đỗ Đình Cường, Bí thư Đảng ủy xã đã phát biểu tại Đại hội.\n\n- Cho biết vai trò" in out


def test_an_officer_is_named_with_the_titles_given(write):
    # h1#14: "Đồng chí Nguyễn Thị Mai Hoa – Hiệu trưởng nhà trường được tín nhiệm bầu giữ chức Bí thư Chi bộ"
    text = CONGRESS + ELECTED.replace("{name: Nguyễn Thị Mai Hoa,", "{name: Nguyễn Thị Mai Hoa, titles: [Hiệu trưởng nhà trường],")
    said = "đồng chí Nguyễn Thị Mai Hoa, Hiệu trưởng nhà trường, giữ chức Bí thư Chi bộ"
    assert "bầu " + said in render(write, text)
    for doc in ("report", "resolution"):
        assert "- Bầu " + said + "." in render(write, text, doc), doc


def test_an_officers_titles_need_the_name(write):
    from drafter.errors import DrafterError
    with pytest.raises(DrafterError) as info:
        render(write, CONGRESS + APPOINTED.replace("{role: Bí thư}", "{role: Bí thư, titles: [Hiệu trưởng]}"))
    assert "officer_titles_need_name" in {i.code for i in info.value.issues}


RANKED = """\
guests:
  - {name: Nguyễn Ngọc Lâm, rank: Thượng tướng, titles: [Thứ trưởng Bộ Công an], attending: dự và chỉ đạo}
speech: {speaker: Nguyễn Ngọc Lâm, points: [xây dựng lực lượng trong sạch, vững mạnh]}
"""


def test_a_rank_is_said_before_the_name_in_place_of_dong_chi(write):
    # h1#13: "Thượng tướng Nguyễn Ngọc Lâm, Thứ trưởng Bộ Công an", as the press and Party portals write it
    text = COMMUNE + RANKED
    article = render(write, text)
    assert "Dự và chỉ đạo Đại hội có Thượng tướng Nguyễn Ngọc Lâm, Thứ trưởng Bộ Công an." in article
    assert "Phát biểu chỉ đạo Đại hội, Thượng tướng Nguyễn Ngọc Lâm nhấn mạnh:" in article
    report = render(write, text, "report")
    assert "Dự và chỉ đạo Đại hội có Thượng tướng Nguyễn Ngọc Lâm, Thứ trưởng Bộ Công an." in report
    assert "\nThượng tướng Nguyễn Ngọc Lâm, Thứ trưởng Bộ Công an đã phát biểu chỉ đạo" in report
    for out in (article, report):
        assert "đồng chí Thượng tướng" not in out.lower()
    two = RANKED.replace(", attending: dự và chỉ đạo}", "}").replace(
        "speech:", "  - {name: Trần Duy Đông, titles: [Phó Bí thư Tỉnh ủy]}\nspeech:")
    several = render(write, COMMUNE + two)
    assert ("Đại hội có các đồng chí: Thượng tướng Nguyễn Ngọc Lâm, Thứ trưởng Bộ Công an; Trần Duy Đông,"
            " Phó Bí thư Tỉnh ủy.") in several


ORGANISED = CONGRESS + """\
organiser: Ban Thường vụ Đảng ủy xã Bát Trang
higher: {name: Đảng bộ xã Bát Trang}
"""


def test_an_organiser_takes_one_parenthesis(write):
    # h1#8: "… (Chi bộ X) (trực thuộc …)" in the lead, "(Chi bộ X (trực thuộc …))" in the report
    said = "Ban Thường vụ Đảng ủy xã Bát Trang (Chi bộ Thôn 3, trực thuộc Đảng bộ xã Bát Trang) "
    assert "Ngày 20/5, " + said + "tổ chức đại hội lần thứ XII" in render(write, ORGANISED)
    assert said + "đã tổ chức đại hội lần thứ XII" in render(write, ORGANISED, "report")
    alone = render(write, ORGANISED.replace("higher: {name: Đảng bộ xã Bát Trang}\n", ""))
    assert "Ban Thường vụ Đảng ủy xã Bát Trang (Chi bộ Thôn 3) tổ chức" in alone


def test_the_groups_after_guests_who_attend_do_not_repeat_their_opening(write):
    text = COMMUNE + GUESTS + "attendee_groups: ['lãnh đạo các ban, ngành của xã']\n"
    for doc in ("article", "report"):
        out = render(write, text, doc, variant=0)
        assert "Bí thư Tỉnh ủy. Cùng dự Đại hội có lãnh đạo các ban, ngành của xã." in out, doc


def test_the_resolution_says_the_theme(write):
    # h1#17: the theme was in the article and the report only
    text = COMMUNE + "theme: Đoàn kết, đổi mới, phát triển\n"
    for doc in DOCS:
        assert "Chủ đề của Đại hội: “Đoàn kết, đổi mới, phát triển”." in render(write, text, doc), doc
