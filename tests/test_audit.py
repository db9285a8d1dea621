"""The fact audit and the shape rules: clean on every example, and each rule catching a
deliberately broken template or data file."""
import io
import zipfile

import pytest

from conftest import EXAMPLES, MINIMAL
from drafter.errors import DrafterError
from drafter.tools.golden import other_styles
from drafter.pipeline import DEFAULT_STYLE, Options, render_file

from drafter.check.audit import CHECKS as AUDIT
REVIEW = MINIMAL["hoi-nghi-tong-ket"]
LEAD = "@lead Ngày 20/12, Đảng bộ xã An Hòa tổ chức hội nghị tổng kết năm 2025."  # without the venue


def checks_of(issues):
    return {dict(i.args).get("check") for i in issues}


def documents():
    for source in sorted(EXAMPLES.rglob("*.yaml")):
        for doc in DEFAULT_STYLE:
            yield source, doc, None
        for style in other_styles(source):
            yield source, "article", style


@pytest.mark.parametrize("source, doc, style", list(documents()),
                         ids=lambda v: getattr(v, "stem", v))
def test_every_example_document_is_clean(source, doc, style):
    try:
        result = render_file(source, Options(doc=doc, template=style))
    except DrafterError as exc:
        if doc != "article" and "doc_not_for_kind" in {i.code for i in exc.issues}:
            pytest.skip("this document is not written for this kind")
        raise
    found = [w.format("en") for w in result.warnings if dict(w.args).get("check") in AUDIT]
    assert not found, "\n".join(found)


def office(tmp_path, body: str, block: str = "notes", kind: str = "hoi-nghi-tong-ket"):
    """An office folder whose article overrides one block of the built-in one."""
    folder = tmp_path / "office" / kind
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bai.j2").write_text(f'{{% extends "{kind}/bai.j2" %}}\n{{% block {block} %}}\n{body}\n'
                                   f'{{% endblock %}}\n', encoding="utf-8")
    return (str(tmp_path / "office"),)


def render(write, tmp_path, data=REVIEW + "members: 5\ncells: 3\n", body=None, block="notes", **options):
    search = office(tmp_path, body, block) if body is not None else ()
    return render_file(write(data), Options(search_path=search, **options))


def test_a_fact_the_template_drops_is_named_with_its_line_and_the_template(write, tmp_path):
    result = render(write, tmp_path, REVIEW + "venue: hội trường xã\n", LEAD, block="lead")
    [issue] = [w for w in result.warnings if dict(w.args)["check"] == "fact-not-printed"]
    assert (issue.path, issue.line, issue.col) == ("venue", 5, 1)
    assert issue.format().endswith("[fact-not-printed]") and "hoi-nghi-tong-ket/bai.j2" in issue.format()


def test_a_part_dropped_whole_is_one_warning(write, tmp_path):
    data = REVIEW + "speech:\n  speaker: Lê Văn An\n  points: [giữ vững đoàn kết, làm tốt công tác dân vận]\n"
    result = render(write, tmp_path, data, "", block="speech")
    assert [w.path for w in result.warnings if dict(w.args)["check"] == "fact-not-printed"] == ["speech"]


def test_a_document_may_declare_a_fact_out_of_its_scope(write, tmp_path):
    body = '{{ out_of_scope("venue") }}'
    folder = tmp_path / "office" / "hoi-nghi-tong-ket"
    folder.mkdir(parents=True)
    (folder / "bai.j2").write_text('{% extends "hoi-nghi-tong-ket/bai.j2" %}\n{% block lead %}\n'
                                   "@lead Ngày 20/12, Đảng bộ xã An Hòa tổ chức hội nghị tổng kết năm 2025.\n"
                                   "{% endblock %}\n{% block scope %}{{ super() }}" + body + "{% endblock %}\n")
    result = render_file(write(REVIEW + "venue: hội trường xã\n"), Options(search_path=(str(tmp_path / "office"),)))
    assert not result.warnings


def test_an_invented_figure_is_an_error_naming_the_template(write, tmp_path):
    with pytest.raises(DrafterError) as caught:
        render(write, tmp_path, body="Hội nghị thống nhất 7 chỉ tiêu chủ yếu.")
    [issue] = caught.value.issues
    assert dict(issue.args)["check"] == "figure-invented" and dict(issue.args)["number"] == "7"
    assert issue.file.endswith("office/hoi-nghi-tong-ket/bai.j2")


def test_a_count_the_data_does_not_give_is_not_printed(write):
    listed = REVIEW + "targets:\n  items: [giữ vững đoàn kết, kết nạp đảng viên mới]\n"
    text = render_file(write(listed)).data
    assert "các chỉ tiêu" in text and "2 chỉ tiêu" not in text
    counted = render_file(write(listed.replace("targets:\n", "targets:\n  count: 2\n"), "c.yaml")).data
    assert "2 chỉ tiêu" in counted


def test_figures_derived_by_a_declared_rule_are_allowed(write):
    text = render_file(write(MINIMAL["dai-hoi"])).data  # ordinal 12: the previous congress is XI
    assert "lần thứ XI " in text and "năm" not in text.split("XI")[0][-3:]


# check -> (data, office template body, block it replaces): the rows of docs/kiem-tra.md
BROKEN = {
    "fact-not-printed": (REVIEW + "venue: hội trường xã\n", LEAD, "lead"),
    "figure-invented": (None, "Hội nghị thống nhất 7 chỉ tiêu chủ yếu.", "notes"),
    "section-empty": (None, "@heading1 I- MỤC TRỐNG", "notes"),
    "paragraph-unfinished": (None, "Đảng bộ đã làm tốt công tác dân vận", "notes"),
    "sentence-broken": (None, "Đảng bộ làm tốt năm 2025.Bên cạnh đó, còn hạn chế.", "notes"),
    "word-doubled": (None, "Đảng bộ đã đã làm tốt công tác dân vận.", "notes"),
    "sentence-repeated": (None, "Hội nghị diễn ra thành công tốt đẹp. Hội nghị diễn ra thành công tốt đẹp.", "notes"),
    "placeholder": (None, "Đồng chí None phát biểu.", "notes"),
    "form-mixed": (None, "Đảng bộ có {{ event.members|pad }} đảng viên và {{ event.cells }} chi bộ.", "notes"),
}


def broken_issues(write, tmp_path, check):
    data, body, block = BROKEN[check]
    try:
        return render(write, tmp_path, *((data,) if data else ()), body=body, block=block).warnings
    except DrafterError as exc:
        return exc.issues


@pytest.mark.parametrize("check", sorted(BROKEN))
def test_each_rule_is_documented_with_the_message_it_gives(write, tmp_path, check):
    from test_checks import doc_rows

    rows = {row[0]: row for row in doc_rows("Kiểm tra bài soạn")}
    assert sorted(rows) == sorted(AUDIT) == sorted(BROKEN)
    lines = [i.format().replace(str(tmp_path) + "/", "").replace("event.yaml", "su-kien.yaml")
             for i in broken_issues(write, tmp_path, check) if dict(i.args)["check"] == check]
    assert rows[check][2] + f" [{check}]" in lines, lines


@pytest.mark.parametrize("body, check", [
    ("Phát biểu chỉ đạo hội nghị, đồng chí An, .", "sentence-broken"),
    ("Ngày 20/12 và ngày 20-12 hội nghị họp tiếp.", "form-mixed"),
    ("Phát triển kinh tế - xã hội và văn hóa-xã hội.", "form-mixed"),
])
def test_each_shape_rule_catches_a_broken_template(write, tmp_path, body, check):
    result = render(write, tmp_path, body=body)
    assert check in checks_of(result.warnings), [w.format() for w in result.warnings]


def test_a_sentence_glued_after_a_name_is_caught(write, tmp_path):
    body = "Hội nghị do {{ event.org.name }} tổ chức tại {{ event.org.name }}.Đồng chí An phát biểu."
    assert "sentence-broken" in checks_of(render(write, tmp_path, body=body).warnings)


def test_a_party_date_opening_a_sentence_is_not_a_padded_count(write, tmp_path):
    data = REVIEW.replace("2025-12-20", "2025-12-07") + "cells: 3\n"
    body = "{{ event.date|date_long|capfirst }}, hội nghị họp với {{ event.cells }} chi bộ."  # "Ngày 07 …, … 3 chi bộ"
    assert "form-mixed" not in checks_of(render(write, tmp_path, data, body).warnings)


def test_the_last_day_of_a_span_is_not_a_padded_count(write, tmp_path):
    span = REVIEW.replace("2025-12-20", "2025-12-07") + "cells: 3\nend_date: 2025-12-08\n"
    body = "{{ event.date|date_span_long(event.end_date)|capfirst }}, hội nghị họp với {{ event.cells }} chi bộ."
    result = render(write, tmp_path, span, body)
    assert "form-mixed" not in checks_of(result.warnings)  # "Ngày 07 và 08 tháng 12"


def test_a_name_in_a_header_s_capitals_is_still_the_user_s(write):
    data = REVIEW + "higher: {name: Phạm Minh Minh}\n"  # a name may repeat a word: "PHẠM MINH MINH"
    assert "word-doubled" not in checks_of(render_file(write(data), Options(doc="report")).warnings)


def test_a_caption_saying_the_body_s_count_is_said_twice(write):
    data = MINIMAL["dai-hoi"] + "delegates: 120\nphotos:\n  - {caption: Đại hội có 120 đại biểu tham dự}\n"
    assert "sentence-repeated" in checks_of(render_file(write(data)).warnings)
    data = data.replace("Đại hội có 120 đại biểu tham dự", "Quang cảnh Đại hội")
    assert "sentence-repeated" not in checks_of(render_file(write(data, "b.yaml")).warnings)


def test_whitespace_control_cannot_glue_sentences_unnoticed(write, tmp_path):
    body = "{% if true %}Đảng bộ làm tốt năm 2025.{% endif -%}\nBên cạnh đó, còn hạn chế."
    assert "sentence-broken" in checks_of(render(write, tmp_path, body=body).warnings)


def test_broken_data_is_caught_too(write):
    data = REVIEW + "assessment: [Đảng bộ đã đã hoàn thành tốt nhiệm vụ]\n"
    assert "word-doubled" not in checks_of(render_file(write(data)).warnings)  # the user's own prose
    glued = REVIEW + "results:\n  - items: ['kết nạp {value: 5}']\n"
    assert checks_of(render_file(write(glued, "g.yaml")).warnings) == set()


def test_strict_makes_audit_warnings_errors_and_acknowledge_silences_them(write, tmp_path):
    data = REVIEW + "venue: hội trường xã\n"
    with pytest.raises(DrafterError):
        render(write, tmp_path, data, LEAD, block="lead", strict=True)
    known = data + "acknowledge:\n  - {check: fact-not-printed, at: venue, reason: mẫu cơ quan không ghi địa điểm}\n"
    assert not render(write, tmp_path, known, LEAD, block="lead", strict=True).warnings


NAMES = """\
kind: hoi-nghi-tong-ket
org: {name: Đảng bộ xã Hoà Bình}
date: 2025-12-20
year: 2025
chairs:
  - {name: Nguyễn Thị Thuỷ, titles: [Bí thư Đảng uỷ xã Hoà Bình]}
guests:
  - {name: Lê Văn Khoá, titles: [Phó Chủ tịch UBND tỉnh]}
assessment: [Đảng uỷ lãnh đạo hoàn thành tốt nhiệm vụ, phong trào “Thi đua hoà nhập”]
byline: {authors: [Lê Văn Khoá]}
"""


@pytest.mark.parametrize("tone", ["traditional", "modern"])
def test_names_are_printed_as_written_in_every_format(write, tone):
    path = write(NAMES + f"style: {{tone_marks: {tone}}}\n")
    texts = [render_file(path, Options(format=f)).data for f in ("txt", "md", "html")]
    docx = zipfile.ZipFile(io.BytesIO(render_file(path, Options(format="docx")).data))
    body = docx.read("word/document.xml").decode("utf-8")
    meta = docx.read("docProps/core.xml").decode("utf-8")
    for text in texts + [body]:
        for name in ("Nguyễn Thị Thuỷ", "Lê Văn Khoá", "Đảng bộ xã Hoà Bình", "Bí thư Đảng uỷ xã Hoà Bình",
                     "“Thi đua hoà nhập”"):
            assert name in text, (tone, name)
        wording = "Đảng ủy lãnh đạo" if tone == "traditional" else "Đảng uỷ lãnh đạo"
        assert wording in text  # the user's prose still takes the house style
    assert "Lê Văn Khoá" in meta and "Hoà Bình" in meta


def test_golden_reports_the_audit_and_strict_fails_it(tmp_path, write, capsys):
    from typer.testing import CliRunner

    from drafter.tools.cli import app

    office_dir = office(tmp_path, LEAD, block="lead")[0]
    write(REVIEW + "venue: hội trường xã\n")
    runner = CliRunner()
    result = runner.invoke(app, ["golden", str(tmp_path), "--update", "--templates", office_dir])
    assert result.exit_code == 0 and "[fact-not-printed]" in result.output
    strict = runner.invoke(app, ["golden", str(tmp_path), "--strict", "--templates", office_dir])
    assert strict.exit_code == 2 and "[fact-not-printed]" in strict.output


def test_an_aside_said_twice_in_a_row_is_doubled(write, tmp_path):
    body = "Đảng bộ xã (trực thuộc {{ event.org.name }}) (trực thuộc {{ event.org.name }}) làm tốt công tác dân vận."
    assert "word-doubled" in checks_of(render(write, tmp_path, body=body).warnings)
    once = "Đảng bộ xã (trực thuộc {{ event.org.name }}) làm tốt công tác dân vận."
    (tmp_path / "once").mkdir()
    assert "word-doubled" not in checks_of(render(write, tmp_path / "once", body=once).warnings)


@pytest.mark.parametrize("kind", ["dai-hoi", "hoi-nghi-tong-ket"])
def test_a_chair_named_bare_and_titled_among_the_guests_is_titled_in_the_report(write, kind):
    data = MINIMAL[kind] + "chairs: [{name: Nguyễn Văn An}]\nguests: [{name: Nguyễn Văn An, titles: [Bí thư Đảng ủy xã]}]\n"
    result = render_file(write(data), Options(doc="report"))
    assert "đồng chí Nguyễn Văn An, Bí thư Đảng ủy xã" in result.data
    assert "fact-not-printed" not in checks_of(result.warnings)
