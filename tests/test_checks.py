"""Consistency checks and bad input: each documented row has a test (docs/kiem-tra.md)."""
import re

import pytest
from typer.testing import CliRunner

from drafter.tools.cli import app
from drafter.messages import MESSAGES

from bad_inputs import BAD_FILES, CHECKS
from conftest import EXAMPLES, ROOT

runner = CliRunner()


def doc_rows(title):
    """(id, severity or code, Vietnamese message) rows of a table in docs/kiem-tra.md."""
    text = (ROOT / "docs" / "kiem-tra.md").read_text(encoding="utf-8")
    section = text.split(f"## {title}")[1].split("\n## ")[0]
    return [tuple(c.strip().strip("`") for c in line.strip("|").split("|"))
            for line in section.splitlines() if line.startswith("| `")]


def run(path, doc="article", strict=False):
    return runner.invoke(app, ["render", str(path), "--doc", doc, "--lang", "vi"] + (["--strict"] if strict else []))


@pytest.mark.parametrize("check_id", sorted(CHECKS))
def test_each_check_fires(write, check_id):
    content, severity = CHECKS[check_id]
    path = write(content)
    result = run(path, doc="report" if check_id == "report-default" else "article")
    lines = [l for l in result.stderr.splitlines() if l.endswith(f"[{check_id}]")]
    assert lines, result.stderr
    if severity == "error":
        assert result.exit_code == 2 and result.stdout == ""
        assert all("cảnh báo" not in l for l in lines)
    else:
        assert result.exit_code == 0 and result.stdout
        assert all(": cảnh báo: " in l for l in lines)
        assert run(path, doc="report" if check_id == "report-default" else "article", strict=True).exit_code == 2


@pytest.mark.parametrize("check_id", sorted(set(CHECKS) - {"report-default"}))
def test_acknowledged_check_is_silent(write, check_id):
    content, _ = CHECKS[check_id]
    path = write(content + f"acknowledge:\n  - {{check: {check_id}, reason: đã kiểm tra với văn phòng}}\n")
    result = run(path, strict=True)
    assert result.exit_code == 0, result.stderr
    assert f"[{check_id}]" not in result.stderr


def test_acknowledgement_needs_a_reason_and_a_known_id(write):
    from conftest import MINIMAL

    result = runner.invoke(app, ["validate", str(write(MINIMAL["dai-hoi"] + "acknowledge: [{check: ratings-sum}]\n")),
                                 "--lang", "en"])
    assert result.exit_code == 2 and "acknowledge[0].reason: required field missing" in result.stderr
    result = runner.invoke(app, ["validate", str(write(MINIMAL["dai-hoi"] + "acknowledge: [{check: nope, reason: x}]\n")),
                                 "--lang", "en"])
    assert result.exit_code == 2 and "acknowledge[0].check: expected one of" in result.stderr


def test_every_check_is_documented_with_its_message():
    rows = {row[0]: row for row in doc_rows("Kiểm tra số liệu")}
    assert sorted(rows) == sorted(CHECKS)
    for check_id, (_, severity) in CHECKS.items():
        assert rows[check_id][1] == {"error": "lỗi", "warning": "cảnh báo"}[severity], check_id


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_each_bad_file_gives_one_clean_line(write, name, tmp_path):
    content, code = BAD_FILES[name]
    path = write(content)
    out = tmp_path / "out" / "bai.docx"
    result = runner.invoke(app, ["render", str(path), "--format", "docx", "-o", str(out), "--lang", "vi"])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(str(path)), lines
    assert "Traceback" not in result.output
    vi = MESSAGES[code][0]
    assert re.sub(r"\{\w+\}", "", vi.split("{")[0]).strip()[:12] in lines[0]
    assert not out.parent.exists() or not any(out.parent.iterdir())


def test_every_bad_input_class_is_documented():
    rows = {row[0]: row for row in doc_rows("Tệp đầu vào hỏng")}
    assert sorted(rows) == sorted(BAD_FILES)
    for name, (_, code) in BAD_FILES.items():
        assert rows[name][1] == code, name


@pytest.mark.parametrize("name, encoding", [("legacy-cp1258", "cp1258"), ("legacy-tcvn3-pasted", "tcvn3"),
                                            ("legacy-vni-pasted", "vni")])
def test_legacy_files_convert_with_the_flag(write, name, encoding):
    from conftest import EXAMPLES

    content, _ = BAD_FILES[name]
    path = write(content)
    converted = runner.invoke(app, ["render", str(path), "--from-encoding", encoding])
    original = runner.invoke(app, ["render", str(EXAMPLES / "vinh-loc-kiem-diem-2023.yaml")])
    assert converted.exit_code == 0, converted.stderr
    assert converted.stdout == original.stdout


def test_issues_returns_errors_and_warnings_and_the_caller_decides():
    from drafter.check.consistency import issues, warnings_or_raise
    from drafter.errors import DrafterError
    from drafter.read.loader import load_text
    from drafter.model.validate import validate

    text = (EXAMPLES / "vinh-loc-kiem-diem-2023.yaml").read_text(encoding="utf-8")
    text = text.replace("targets_met: {value: 18, total: 20}", "targets_met: {value: 21, total: 20}")
    loaded = load_text(text, "x.yaml")
    found = issues(validate(loaded), loaded)  # no raise: every issue is returned
    assert [i.code for i in found if i.severity == "error"] == ["share_over_total"]
    with pytest.raises(DrafterError) as exc:
        warnings_or_raise(found)
    assert [i.code for i in exc.value.issues] == ["share_over_total"]
    clean = load_text((EXAMPLES / "vinh-loc-kiem-diem-2023.yaml").read_text(encoding="utf-8"), "y.yaml")
    assert warnings_or_raise(issues(validate(clean), clean)) == issues(validate(clean), clean)
