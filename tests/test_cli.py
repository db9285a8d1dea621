"""The command line: exit codes, one line per problem, nothing half-written."""
import os

from typer.testing import CliRunner

from drafter.tools.cli import app

from conftest import EXAMPLES, MINIMAL

runner = CliRunner()
EXAMPLE = EXAMPLES / "vinh-loc-kiem-diem-2023.yaml"


def test_validate_examples_ok():
    result = runner.invoke(app, ["validate", *map(str, sorted(EXAMPLES.glob("*.yaml")))])
    assert result.exit_code == 0, result.output


def test_validate_reports_every_file(write):
    bad1 = write("kind: dai-hoi\n", "a.yaml")
    bad2 = write(MINIMAL["kiem-diem"] + "yeaar: 2\n", "b.yaml")
    result = runner.invoke(app, ["validate", str(bad1), str(bad2), "--lang", "en"])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert any(l.startswith(f"{bad1}:") and "term: required field missing" in l for l in lines)
    assert f"{bad2}:5:1: yeaar: unknown field; did you mean 'year'?" in lines
    assert "Traceback" not in result.output


def test_messages_in_vietnamese_by_default_and_english_from_lang(write, monkeypatch):
    bad = write("kind: dai-hoi\nkind: kiem-diem\n")
    monkeypatch.delenv("LANG", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    vi = runner.invoke(app, ["validate", str(bad)])
    assert vi.stderr.strip() == f"{bad}:2:1: kind: trường 'kind' bị khai báo lại (lần đầu ở dòng 1)"
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    en = runner.invoke(app, ["validate", str(bad)])
    assert en.stderr.strip() == f"{bad}:2:1: kind: duplicate field 'kind' (first at line 1)"


def test_render_to_stdout_each_text_format():
    for fmt, marker in (("txt", "Tin, ảnh: Phương Trình"), ("md", "**Tin, ảnh: Phương Trình**"),
                        ("html", '<p class="byline"><strong>Tin, ảnh: Phương Trình</strong></p>')):
        result = runner.invoke(app, ["render", str(EXAMPLE), "--format", fmt])
        assert result.exit_code == 0, result.output
        assert marker in result.stdout


def test_render_writes_file_atomically(tmp_path):
    out = tmp_path / "deep" / "bai.txt"
    result = runner.invoke(app, ["render", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("Đảng ủy xã Vĩnh Lộc kiểm điểm")
    assert sorted(os.listdir(out.parent)) == ["bai.txt"]


def test_bad_input_leaves_existing_output_untouched(write, tmp_path):
    out = tmp_path / "bai.txt"
    out.write_text("bản cũ", encoding="utf-8")
    bad = write("kind: dai-hoi\norg: [\n")
    result = runner.invoke(app, ["render", str(bad), "-o", str(out)])
    assert result.exit_code == 2
    assert out.read_text(encoding="utf-8") == "bản cũ"
    assert sorted(os.listdir(tmp_path)) == ["bai.txt", "event.yaml"]


def test_render_refuses_to_overwrite_its_input(tmp_path):
    target = tmp_path / "in.yaml"
    target.write_bytes(EXAMPLE.read_bytes())
    result = runner.invoke(app, ["render", str(target), "-o", str(target), "--lang", "en"])
    assert result.exit_code == 2
    assert "refusing to overwrite an input file" in result.stderr
    assert target.read_bytes() == EXAMPLE.read_bytes()


def test_unknown_format_and_doc(write):
    result = runner.invoke(app, ["render", str(EXAMPLE), "--format", "odt", "--lang", "en"])
    assert result.exit_code == 2 and "unsupported format 'odt'" in result.stderr
    result = runner.invoke(app, ["render", str(EXAMPLE), "--doc", "minutes", "--lang", "en"])
    assert result.exit_code == 2 and "expected one of: article, report" in result.stderr


def test_report_warns_about_defaults_but_renders():
    result = runner.invoke(app, ["render", str(EXAMPLE), "--doc", "report", "--lang", "en"])
    assert result.exit_code == 0
    assert "BÁO CÁO" in result.stdout
    warnings = result.stderr.strip().splitlines()
    assert any("report.signer" in w and "warning" in w for w in warnings)
    assert any("report.number" in w for w in warnings)


def test_missing_file():
    result = runner.invoke(app, ["render", "nope.yaml", "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "nope.yaml: file not found"


def test_schema_is_json():
    import json

    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    assert "dai-hoi" in json.dumps(schema)
