"""templates/words.yaml: the genre's words Python assembles, overridden key by key by an
office's words.yaml on the search path; its worked example in docs/tu-ngu.md is run here."""
import re
import shutil
import unicodedata

import pytest
import yaml
from typer.testing import CliRunner

from drafter.tools import batch
from drafter.compose import words
from drafter.tools.cli import app
from drafter.errors import DrafterError
from drafter.pipeline import Options, render_file
from drafter.compose.templating import BUILTIN_DIR

from conftest import EXAMPLES, MINIMAL, ROOT

runner = CliRunner()
VINH_LOC = EXAMPLES / "vinh-loc-kiem-diem-2023.yaml"


def office(tmp_path, text: str, name: str = "mau"):
    folder = tmp_path / name
    folder.mkdir(exist_ok=True)
    (folder / "words.yaml").write_text(text, encoding="utf-8")
    return str(folder)


def report_txt(*search_path: str, source=VINH_LOC) -> str:
    return render_file(source, Options(doc="report", search_path=search_path)).data


# ---- the built-in file ----------------------------------------------------------------------


def test_builtin_words_are_nfc_and_every_key_is_commented_for_editors():
    text = (BUILTIN_DIR / "words.yaml").read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text
    words.load()  # valid as shipped
    top = [line for line in text.splitlines() if re.match(r"^[a-z_]+:", line)]
    lines = text.splitlines()
    for line in top:  # each group has a comment above it
        assert lines[lines.index(line) - 1].startswith("#"), line


def test_builtin_words_hold_what_python_printed_before():
    w = words.load()
    assert w.rating("xuat-sac") == "hoàn thành xuất sắc nhiệm vụ"
    assert w.bound("min", "95%") == "từ 95% trở lên"
    assert w.file_suffix("report") == "-bao-cao" and w.file_suffix("article") == ""


# ---- an office overrides one key ------------------------------------------------------------


def test_an_office_overrides_one_key_and_the_rest_falls_back(tmp_path):
    mau = office(tmp_path, "report:\n  archive:\n    body: Lưu VT\n")
    text = report_txt(mau)
    assert text.rstrip().endswith("- Lưu VT.")
    assert "- Ban Thường vụ Huyện ủy," in text  # report.higher_standing still the built-in
    assert text.replace("Lưu VT", "Lưu Văn phòng Đảng ủy") == report_txt()


def test_the_first_folder_wins_as_with_templates(tmp_path):
    first = office(tmp_path, "report:\n  archive:\n    body: Lưu VT\n", "first")
    second = office(tmp_path, "report:\n  archive:\n    body: Lưu hồ sơ\n  cells: Các chi bộ\n", "second")
    merged = words.load((first, second))
    assert merged.report.archive.body == "Lưu VT"
    assert merged.report.cells == "Các chi bộ"  # from the second, the first says nothing of it


def test_the_organisation_words_name_the_committee(tmp_path):
    mau = office(tmp_path, "organisation:\n  body_committee: Cấp ủy {rest}\n")
    source = tmp_path / "tong-ket.yaml"
    source.write_text(MINIMAL["hoi-nghi-tong-ket"], encoding="utf-8")
    text = render_file(source, Options(doc="report", search_path=(mau,))).data
    assert "CẤP ỦY XÃ AN HÒA" in text and "ĐẢNG ỦY XÃ AN HÒA" not in text
    assert "ĐẢNG ỦY XÃ AN HÒA" in render_file(source, Options(doc="report")).data


def test_an_office_abbreviation_is_spelled_out_in_a_party_document(tmp_path):
    mau = office(tmp_path, "abbreviations:\n  VT: Văn thư\nreport:\n  archive:\n    body: Lưu VT\n")
    assert report_txt(mau).rstrip().endswith("- Lưu Văn thư.")


def test_a_default_of_the_model_comes_from_the_words(tmp_path):
    mau = office(tmp_path, "defaults:\n  kiem_diem_scope: tập thể và cá nhân\n")
    source = tmp_path / "kd.yaml"
    source.write_text(MINIMAL["kiem-diem"], encoding="utf-8")
    builtin = render_file(source, Options()).data
    own = render_file(source, Options(search_path=(mau,))).data
    assert "xếp loại chất lượng năm 2025" in builtin  # built in: no scope the YAML did not give
    assert own == builtin.replace("nhằm kiểm điểm, đánh giá, xếp loại chất lượng năm",
                                  "nhằm kiểm điểm, đánh giá, xếp loại chất lượng tập thể và cá nhân năm")


def test_marks_come_from_the_words_not_the_writer(tmp_path):
    mau = office(tmp_path, 'marks:\n  rule: "* * *"\n  item: "+ "\n')
    source = EXAMPLES / "vp-ubnd-tinh-dai-hoi-2020.yaml"
    builtin, own = report_txt(source=source), report_txt(mau, source=source)
    assert "\n-----\n" in builtin and "\n* * *\n" in own
    body = builtin.split("Nơi nhận:")[0]  # the recipients' dashes are the template's own
    items = [line for line in body.splitlines() if line.startswith("- ")]
    assert len(items) > 3 and all("+ " + line[2:] in own.splitlines() for line in items)


def test_the_docx_writer_takes_the_header_star_from_the_words(tmp_path):
    from drafter.writers.docx.readback import dump

    mau = office(tmp_path, 'marks:\n  issuer: "***"\n')
    docx = render_file(VINH_LOC, Options(format="docx", doc="report", search_path=(mau,))).data
    builtin = render_file(VINH_LOC, Options(format="docx", doc="report")).data
    assert "***" in dump(docx) and "***" not in dump(builtin)


def test_batch_file_names_follow_the_words(tmp_path):
    mau = office(tmp_path, "file_names:\n  report: bc\n")
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(VINH_LOC, folder)
    result = runner.invoke(app, ["render", str(folder), "-o", str(tmp_path / "out"), "--format", "txt",
                                 "--doc", "report", "--templates", mau])
    assert result.exit_code == 0, result.output
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["vinh-loc-kiem-diem-2023-bc.txt"]
    assert batch.stems([tmp_path / "..yaml"], "khong-ten") == ["khong-ten"]


def test_a_words_file_of_comments_only_changes_nothing(tmp_path):
    assert report_txt(office(tmp_path, "# chưa đổi gì\n")) == report_txt()


# ---- loaded once, checked -------------------------------------------------------------------


def test_loaded_once_per_search_path_and_again_when_the_file_changes(tmp_path, monkeypatch):
    mau = office(tmp_path, "clause: Khoản {n}.\n")
    assert words.load((mau,)) is words.load((mau,))
    import os

    path = tmp_path / "mau" / "words.yaml"
    path.write_text("clause: Mục {n}.\n", encoding="utf-8")
    os.utime(path, ns=(1, 1))
    assert words.load((mau,)).clause == "Mục {n}."


@pytest.mark.parametrize("text, where, message", [
    ("report:\n  archiv:\n    body: Lưu VT\n", "2:3: report.archiv",
     "khóa không có trong words.yaml (có: type_code, on_behalf, issuer_code, higher_standing, cells, archive, "
     "archive_word, issuers, cells_and_bodies, vague_recipients); có phải ý bạn là 'archive'?"),
    ("ratings:\n  tot: 3\n", "2:3: ratings.tot", "cần một chuỗi chữ"),
    ("bounds:\n  over: trên\n", "2:3: bounds.over", "cần đúng các chỗ điền {n}, không thêm không bớt"),
    ("ratings:\n  tot: tốt {n}\n", "2:3: ratings.tot", "từ này không có chỗ điền: bỏ phần trong dấu { }"),
    ("clause: Điều {n\n", "1:1: clause", "cần đúng các chỗ điền {n}, không thêm không bớt"),
    ("marks: x\n", "1:1: marks", "cần các cặp 'trường: giá trị'"),
    ("file_names:\n  report: Báo cáo\n", "2:3: file_names.report", "cần chữ thường không dấu, số và dấu '-', ví dụ bao-cao"),
])
def test_a_wrong_words_file_is_refused_with_file_line_and_key(tmp_path, monkeypatch, text, where, message):
    office(tmp_path, text)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["render", str(VINH_LOC), "--templates", "mau"])
    assert result.exit_code == 2
    assert f"mau/words.yaml:{where}: {message}" in result.output.splitlines()


def test_a_wrong_words_file_leaves_the_output_untouched(tmp_path):
    mau = office(tmp_path, "bounds:\n  over: trên\n")
    target = tmp_path / "bai.txt"
    target.write_text("bản cũ", encoding="utf-8")
    result = runner.invoke(app, ["render", str(VINH_LOC), "--templates", mau, "-o", str(target)])
    assert result.exit_code == 2 and target.read_text(encoding="utf-8") == "bản cũ"


def test_a_words_file_linked_from_outside_the_folder_is_refused(tmp_path):
    (tmp_path / "elsewhere.yaml").write_text("clause: X {n}\n", encoding="utf-8")
    (tmp_path / "mau").mkdir()
    (tmp_path / "mau" / "words.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    with pytest.raises(DrafterError) as caught:
        words.load((str(tmp_path / "mau"),))
    assert caught.value.issues[0].code == "template_outside"


# ---- the worked example of docs/tu-ngu.md ---------------------------------------------------

DOC = (ROOT / "docs" / "tu-ngu.md").read_text(encoding="utf-8")
EXAMPLE = re.compile(r"```yaml\n# (\S+)\n(.*?)```\s*(?:```bash\n(.*?)\n```\s*)?(?:[^`]*?)```text\n(.*?)```", re.S)


def test_the_worked_examples_of_the_guide_run_as_written(tmp_path, monkeypatch):
    found = EXAMPLE.findall(DOC)
    assert len(found) == 2
    command = found[0][2].split()
    assert command[0] == "drafter"
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").mkdir()
    shutil.copy(VINH_LOC, tmp_path / "examples")
    for file, content, _, expected in found:
        yaml.safe_load(content)  # the block is YAML as shown
        (tmp_path / file).parent.mkdir(exist_ok=True)
        (tmp_path / file).write_text(content, encoding="utf-8")
        result = runner.invoke(app, command[1:])
        shown = (result.stdout if result.exit_code == 0 else result.stderr).rstrip("\n")
        assert shown.endswith(expected.rstrip("\n")), shown


def test_templates_check_reports_a_wrong_words_file(tmp_path, monkeypatch):
    office(tmp_path, "bounds:\n  over: trên\n")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["templates", "check", "mau"])
    assert result.exit_code == 2
    assert "mau/words.yaml:2:3: bounds.over: cần đúng các chỗ điền {n}, không thêm không bớt" in result.output
    office(tmp_path, "bounds:\n  over: trên {n}\n")
    assert runner.invoke(app, ["templates", "check", "mau"]).exit_code == 0


def test_an_office_clause_label_is_numbered_and_not_taken_for_an_invented_figure(tmp_path):
    mau = office(tmp_path, 'clause: "Khoản {n}:"\n')
    out = render_file(EXAMPLES / "vp-ubnd-tinh-dai-hoi-2020.yaml", Options(doc="resolution", search_path=(mau,)))
    assert "\nKhoản 1: " in out.data and "Điều 1." not in out.data
    assert not [w for w in out.warnings if w.code == "figure-invented" or "figure-invented" in str(w.args)]


def test_the_words_file_is_listed_shown_and_ejected_like_a_template(tmp_path):
    listing = runner.invoke(app, ["templates", "list"]).stdout.splitlines()
    assert "words.yaml\tbuilt-in" in listing
    shown = runner.invoke(app, ["templates", "show", "words.yaml"])
    assert shown.exit_code == 0 and shown.stdout == (BUILTIN_DIR / "words.yaml").read_text(encoding="utf-8")
    result = runner.invoke(app, ["templates", "eject", "words.yaml", "--to", str(tmp_path / "mau")])
    assert result.exit_code == 0, result.output
    assert words.load((str(tmp_path / "mau"),)) == words.load()
    mau = office(tmp_path, "clause: Khoản {n}.\n")
    assert f"words.yaml\t{mau}" in runner.invoke(app, ["templates", "list", "--templates", mau]).stdout


@pytest.mark.parametrize("text, where", [
    ('ratings:\n  tot: ""\n', "2:3: ratings.tot"),
    ('abbreviations:\n  BTV: ""\n', "2:3: abbreviations.BTV"),
])
def test_an_empty_word_is_refused_but_an_empty_mark_is_allowed(tmp_path, text, where):
    with pytest.raises(DrafterError) as caught:
        words.load((office(tmp_path, text),))
    issue = caught.value.issues[0]
    assert (issue.code, f"{issue.line}:{issue.col}: {issue.path}") == ("words_empty", where)
    assert words.load((office(tmp_path, 'marks:\n  item: ""\n', "other"),)).marks.item == ""


@pytest.mark.parametrize("pattern", ["trên {n:>999999999}", "trên {n.__class__}", "trên {n!r}", "trên {0}"])
def test_a_slot_is_a_name_only(tmp_path, pattern):
    with pytest.raises(DrafterError) as caught:
        words.load((office(tmp_path, f'bounds:\n  over: "{pattern}"\n'),))
    assert caught.value.issues[0].code == "words_slots"


def test_the_words_file_ships_with_the_templates():
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert "words.yaml" in config["package-data"]["drafter.templates"]
