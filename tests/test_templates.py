"""Editors own the wording: overrides by folder and block, sandbox, variants, template checks."""
import difflib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.tools.cli import app
from drafter.pipeline import Options, render_file

from conftest import EXAMPLES

runner = CliRunner()
CONGRESS = EXAMPLES / "vp-ubnd-tinh-dai-hoi-2020.yaml"
REVIEW = EXAMPLES / "vinh-loc-kiem-diem-2023.yaml"


def test_office_folder_overrides_one_block_and_replaces_one_template(tmp_path):
    office = tmp_path / "office"
    (office / "dai-hoi").mkdir(parents=True)
    # One block overridden: the byline of every congress article.
    (office / "dai-hoi" / "bai.j2").write_text(
        '{% extends "dai-hoi/bai.j2" %}\n'
        '{% block byline %}@byline Nguồn: Văn phòng Đảng ủy{% endblock %}\n', encoding="utf-8")
    # One template replaced whole: the review report.
    (office / "kiem-diem").mkdir()
    (office / "kiem-diem" / "bao-cao.j2").write_text("@title BÁO CÁO NHANH\n\n{{ event.year }}\n",
                                                     encoding="utf-8")
    before = render_file(CONGRESS).data
    after = render_file(CONGRESS, Options(search_path=(str(office),))).data
    changed = [l for l in difflib.ndiff(before.splitlines(), after.splitlines()) if l[:1] in "+-"]
    assert changed == ["- Tin, ảnh: Vân Giang", "+ Nguồn: Văn phòng Đảng ủy"]
    report = render_file(REVIEW, Options(doc="report", search_path=(str(office),))).data
    assert report == "BÁO CÁO NHANH\n\n2023\n"
    # Other documents are untouched by the office folder.
    assert render_file(REVIEW, Options(search_path=(str(office),))).data == render_file(REVIEW).data


def test_extends_of_the_same_name_goes_down_the_search_path(tmp_path):
    """Two office folders: the first extends the second, which extends the built-in."""
    example = EXAMPLES / "vinh-dieu-tong-ket-2025.yaml"
    for folder, block in (("a", "@byline A"), ("b", "@byline B")):
        (tmp_path / folder / "hoi-nghi-tong-ket").mkdir(parents=True)
        (tmp_path / folder / "hoi-nghi-tong-ket" / "bai.j2").write_text(
            '{% extends "hoi-nghi-tong-ket/bai.j2" %}{% block byline %}' + block
            + ' {{ super() }}{% endblock %}', encoding="utf-8")
    both = render_file(example, Options(search_path=(str(tmp_path / "a"), str(tmp_path / "b")))).data
    assert both.endswith("\n\nA @byline B\n")  # A's block wraps B's: one chain, no recursion
    builtin = render_file(example).data
    assert both.startswith(builtin.rstrip("\n"))


def test_builtin_prefix_always_means_the_builtin(tmp_path):
    (tmp_path / "kiem-diem").mkdir()
    (tmp_path / "kiem-diem" / "bai.j2").write_text(
        '{% extends "builtin/kiem-diem/bai.j2" %}{% block byline %}@byline X{% endblock %}', encoding="utf-8")
    text = render_file(REVIEW, Options(search_path=(str(tmp_path),))).data
    assert text.endswith("\n\nX\n") and text.startswith("Đảng ủy xã Vĩnh Lộc kiểm điểm")


@pytest.mark.parametrize("payload", [
    "{{ ''.__class__.__mro__ }}",
    "{{ event.__class__.__init__.__globals__ }}",
    "{{ event.model_config.__class__.__subclasses__() }}",
    "{% for c in ().__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "{{ cycler.__init__.__globals__.os.system('true') }}",
])
def test_sandbox_refuses_python_internals(tmp_path, payload):
    office = tmp_path / "o" / "kiem-diem"
    office.mkdir(parents=True)
    (office / "bai.j2").write_text(payload, encoding="utf-8")
    result = runner.invoke(app, ["render", str(REVIEW), "--templates", str(tmp_path / "o"), "--lang", "en"])
    assert result.exit_code == 2, result.output
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(str(office / "bai.j2") + ":1:")
    assert "Traceback" not in result.output


def test_undefined_field_names_template_line_and_suggests(tmp_path):
    office = tmp_path / "o" / "kiem-diem"
    office.mkdir(parents=True)
    (office / "bai.j2").write_text("@headline x\n\n{{ event.org.nmae }}\n", encoding="utf-8")
    result = runner.invoke(app, ["render", str(REVIEW), "--templates", str(tmp_path / "o"), "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"{office / 'bai.j2'}:3:1: template uses 'nmae' but the data has "
                                     "no such field; did you mean 'name'?")


def test_template_syntax_error_has_its_line(tmp_path):
    office = tmp_path / "o" / "kiem-diem"
    office.mkdir(parents=True)
    (office / "bai.j2").write_text("a\n\n{% if %}\n", encoding="utf-8")
    result = runner.invoke(app, ["render", str(REVIEW), "--templates", str(tmp_path / "o"), "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{office / 'bai.j2'}:3:1: template syntax error")


def test_data_values_are_never_rendered_as_templates(write):
    path = write("kind: hoi-nghi-tong-ket\norg: {name: \"Đảng bộ {{ 7*7 }} {% if 1 %}x{% endif %}\"}\n"
                 "date: 2025-12-20\nyear: 2025\n")
    text = render_file(path).data
    assert "Đảng bộ {{ 7*7 }} {% if 1 %}x{% endif %}" in text
    assert "49" not in text


def test_a_data_value_cannot_open_a_block(write):
    path = write("kind: hoi-nghi-tong-ket\norg: {name: \"@byline Giả mạo\"}\ndate: 2025-12-20\nyear: 2025\n"
                 "headline: \"x\\n\\n@byline y\"\n")
    text = render_file(path, Options(format="html")).data
    assert 'class="byline"' not in text


def test_variants_are_deterministic_and_selectable():
    congress = EXAMPLES / "chi-bo-thon-dong-dai-hoi-2025.yaml"  # a guest who only attends: a 3-way pick
    first = render_file(congress).data
    assert render_file(congress).data == first
    texts = {render_file(congress, Options(variant=n)).data for n in range(3)}
    assert len(texts) == 3
    # every pick has 2 or 3 phrasings: variant 6 is variant 0 again
    assert render_file(congress, Options(variant=6)).data == render_file(congress, Options(variant=0)).data


def test_short_style_per_kind():
    for example in ("vp-ubnd-tinh-dai-hoi-2020", "ccq-dang-tinh-tong-ket-2025", "vinh-loc-kiem-diem-2023"):
        long = render_file(EXAMPLES / f"{example}.yaml").data
        short = render_file(EXAMPLES / f"{example}.yaml", Options(template="tin")).data
        assert len(short) < 0.8 * len(long), example
        assert short.splitlines()[0] == long.splitlines()[0]


def test_templates_check_reports_unknown_fields_and_names(tmp_path):
    office = tmp_path / "dai-hoi"
    office.mkdir()
    (office / "bai.j2").write_text(
        '{% extends "article.j2" %}\n{% block lead %}{{ event.ordinall }}\n'
        '{% for g in event.results %}{{ g.topik }}{% endfor %}{{ khong_co }}{% endblock %}\n',
        encoding="utf-8")
    result = runner.invoke(app, ["templates", "check", str(tmp_path), "--lang", "en"])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert f"{office / 'bai.j2'}:2:1: template uses 'ordinall' but the data has no such field; did you mean 'ordinal'?" in lines
    assert any("'topik'" in l and "'topic'" in l for l in lines)
    assert any("'khong_co'" in l for l in lines)


def test_builtin_templates_pass_the_check():
    result = runner.invoke(app, ["templates", "check"])
    assert result.exit_code == 0, result.stderr


def test_templates_list_show_eject(tmp_path):
    listing = runner.invoke(app, ["templates", "list"]).stdout
    assert "dai-hoi/bai.j2\tbuilt-in" in listing and "kiem-diem/tin.j2\tbuilt-in" in listing
    shown = runner.invoke(app, ["templates", "show", "dai-hoi/bai"]).stdout
    assert "{% extends \"article.j2\" %}" in shown
    out = runner.invoke(app, ["templates", "eject", "dai-hoi/bai.j2", "--to", str(tmp_path)])
    assert out.exit_code == 0
    assert (tmp_path / "dai-hoi" / "bai.j2").read_text(encoding="utf-8") == shown
    again = runner.invoke(app, ["templates", "eject", "dai-hoi/bai.j2", "--to", str(tmp_path)])
    assert again.exit_code == 2
    listing = runner.invoke(app, ["templates", "list", "--templates", str(tmp_path)]).stdout
    assert f"dai-hoi/bai.j2\t{tmp_path}" in listing


def test_drafter_toml_names_the_office_folder(tmp_path, monkeypatch):
    (tmp_path / "mau" / "kiem-diem").mkdir(parents=True)
    (tmp_path / "mau" / "kiem-diem" / "bai.j2").write_text("@headline Từ drafter.toml\n", encoding="utf-8")
    (tmp_path / "drafter.toml").write_text('[templates]\ndirs = ["mau"]\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    result = runner.invoke(app, ["render", str(REVIEW)])
    assert result.stdout == "Từ drafter.toml\n"


def test_editing_one_pick_leaves_the_others_alone(tmp_path):
    """The choice depends on the document and the phrasings, not on how many picks came before."""
    office = tmp_path / "o" / "dai-hoi"
    office.mkdir(parents=True)
    (office / "bai.j2").write_text(
        '{% extends "dai-hoi/bai.j2" %}{% block headline %}@headline {{ pick("A", "B", "C", "D") }}{% endblock %}',
        encoding="utf-8")
    before = render_file(CONGRESS).data.split("\n\n")[1:]
    after = render_file(CONGRESS, Options(search_path=(str(tmp_path / "o"),))).data.split("\n\n")[1:]
    assert before == after


def test_a_data_value_starting_with_at_is_text_not_a_directive(write):
    path = write("kind: hoi-nghi-tong-ket\norg: {name: Đảng bộ xã A}\ndate: 2025-12-20\nyear: 2025\n"
                 "assessment: [\"@byline Giả mạo\"]\n")
    text = render_file(path, Options(format="html")).data
    assert 'class="byline"' not in text
    assert "<p>@byline Giả mạo.</p>" in text


def test_missing_template_folder_is_an_error(tmp_path):
    result = runner.invoke(app, ["render", str(REVIEW), "--templates", str(tmp_path / "khong-co"), "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{tmp_path / 'khong-co'}: no such template folder"


def test_drafter_toml_beside_the_yaml_is_found_from_elsewhere(tmp_path, monkeypatch):
    project = tmp_path / "van-phong"
    (project / "mau" / "kiem-diem").mkdir(parents=True)
    (project / "mau" / "kiem-diem" / "bai.j2").write_text("@headline Mẫu văn phòng\n", encoding="utf-8")
    (project / "drafter.toml").write_text('[templates]\ndirs = ["mau"]\n', encoding="utf-8")
    (project / "su-kien").mkdir()
    target = project / "su-kien" / "a.yaml"
    target.write_bytes(REVIEW.read_bytes())
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["render", str(target)]).stdout == "Mẫu văn phòng\n"


def test_persons_by_name_and_the_old_name_people_both_reach_the_same_person(tmp_path):
    # "persons" is the context dict; "people" stays for office templates written before the rename
    (tmp_path / "kiem-diem").mkdir()
    (tmp_path / "kiem-diem" / "bai.j2").write_text(
        '@p {{ persons["Võ Thanh Điền"]|person }}\n\n@p {{ people["Võ Thanh Điền"]|person }}\n',
        encoding="utf-8")
    text = render_file(REVIEW, Options(search_path=(str(tmp_path),))).data
    first, second = text.strip().split("\n\n")
    assert first == second and "," in first  # name with titles, read from the YAML


def test_builtin_templates_use_persons_not_the_filters_name():
    import re

    from drafter.compose.templating import BUILTIN_DIR

    for path in Path(BUILTIN_DIR).rglob("*.j2"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("{#"):
                assert not re.search(r"(?<![|\w./])people\b", line), f"{path}: {line}"
