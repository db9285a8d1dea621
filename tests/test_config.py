"""The library owns configuration: drafter.toml found and read, the search path, and one golden
check that `drafter golden` and `pytest --drafter-golden` both run."""
import dataclasses
import os
import re
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from drafter.tools import config, golden
from drafter.tools.cli import app
from drafter.errors import DrafterError

from conftest import EXAMPLES

runner = CliRunner()
REVIEW = "vinh-loc-kiem-diem-2023"


def _office(root):
    """An office: drafter.toml naming its template folder, one article template overridden."""
    (root / "mau" / "kiem-diem").mkdir(parents=True)
    (root / "mau" / "kiem-diem" / "bai.j2").write_text(
        '{% extends "builtin/kiem-diem/bai.j2" %}{% block byline %}@byline Văn phòng Đảng ủy{% endblock %}\n',
        encoding="utf-8")
    (root / "drafter.toml").write_text('[templates]\ndirs = ["mau"]\n', encoding="utf-8")
    (root / "bai-viet").mkdir()
    shutil.copy(EXAMPLES / f"{REVIEW}.yaml", root / "bai-viet")
    return root


def test_load_without_a_project_file_is_the_templates_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mau").mkdir()
    found = config.load([tmp_path / "mau"], near=tmp_path)
    assert found == config.Config(search_path=(str(tmp_path / "mau"),), lang=found.lang)
    assert found.project is None and found.notice() is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.search_path = ()


def test_load_reads_the_drafter_toml_of_the_working_folder_else_of_near(tmp_path, monkeypatch):
    office = _office(tmp_path / "office")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    near = config.load((), near=office / "bai-viet", lang="en")
    assert near.project == (office / "drafter.toml").resolve()
    assert near.search_path == (str((office / "mau").resolve()),)
    assert near.notice() == f"drafter: using the template folders named in {near.project}"
    assert config.load(()).project is None  # nothing above the working folder
    monkeypatch.chdir(office / "bai-viet")
    said = []
    here = config.load([office / "mau" / "kiem-diem"], say=said.append)  # --templates first
    assert here.search_path == (str(office / "mau" / "kiem-diem"), str((office / "mau").resolve()))
    assert said == [here.notice()]


@pytest.mark.parametrize("text, code, line", [
    ("[templates\n", "toml_syntax", 1),
    ('[templates]\ndirs = ["mau",\n', "toml_syntax", 2),  # at end of document: its last line
    ('templates = ["mau"]\n', "toml_table", None),
    ('[templates]\ndirs = "mau"\n', "toml_dirs", None),
    ('[templates]\ndirs = ["khong-co"]\n', "templates_missing", None),
])
def test_a_bad_drafter_toml_is_a_toml_error_with_its_line(tmp_path, monkeypatch, text, code, line):
    (tmp_path / "mau").mkdir()
    (tmp_path / "drafter.toml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DrafterError) as exc:
        config.load(())
    [issue] = exc.value.issues
    assert (issue.file, issue.code, issue.line) == (str(tmp_path / "drafter.toml"), code, line)
    assert "YAML" not in exc.value.format("en") and "YAML" not in exc.value.format("vi")
    assert ("TOML" in exc.value.format("en")) == (code == "toml_syntax")


def test_a_drafter_toml_not_in_utf8_names_the_line(tmp_path, monkeypatch):
    (tmp_path / "drafter.toml").write_bytes(b'[templates]\n# th\xf0 m\xf5c\n')  # cp1258, not UTF-8
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DrafterError) as exc:
        config.load(())
    assert exc.value.format("en") == f"{tmp_path / 'drafter.toml'}:2:1: a TOML file must be UTF-8 text: save it again as UTF-8"


def test_formats_are_parsed_and_each_needs_a_writer():
    assert config.parse_formats("docx, html") == ("docx", "html")
    assert config.parse_formats(()) == ()
    with pytest.raises(DrafterError) as exc:
        config.parse_formats("txt,odt")
    assert exc.value.issues[0].code == "unknown_format"


def _cli_changed(folder, cwd):
    # a process each, as an office runs them (a process compiles a template once)
    done = subprocess.run([sys.executable, "-m", "drafter", "golden", str(folder), "--format", "txt"],
                          capture_output=True, text=True, cwd=cwd)
    return done.returncode, sorted(re.findall(r"^--- (.+) \(golden\)$", done.stdout, re.M))


def _pytest_changed(folder, cwd):
    # -rN: no short summary, which on CI (CI set) repeats each failure's whole message
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rN", "-p", "no:cacheprovider", "--drafter-golden",
                           str(folder), "--drafter-formats", "txt"], capture_output=True, text=True, cwd=cwd)
    return done.returncode, sorted(re.findall(r"^--- (.+) \(golden\)$", done.stdout, re.M))


@pytest.mark.parametrize("where", ["office", "elsewhere"])
def test_drafter_golden_and_pytest_drafter_golden_agree_with_an_office_drafter_toml(tmp_path, monkeypatch, where):
    office = _office(tmp_path / "office")
    cwd = office if where == "office" else tmp_path
    folder = office / "bai-viet"
    monkeypatch.chdir(cwd)
    assert runner.invoke(app, ["golden", str(folder), "--format", "txt", "--update"]).exit_code == 0
    article = folder / f"{REVIEW}.golden" / f"{REVIEW}.txt"
    assert "Văn phòng Đảng ủy" in article.read_text(encoding="utf-8")  # made with the office's template
    assert _cli_changed(folder, cwd) == (0, [])
    assert _pytest_changed(folder, cwd) == (0, [])
    template = office / "mau" / "kiem-diem" / "bai.j2"
    template.write_text(template.read_text(encoding="utf-8").replace("Văn phòng", "Ban Tuyên giáo"), encoding="utf-8")
    changed = _cli_changed(folder, cwd)
    assert changed == (1, sorted([str(article), str(article.with_suffix(".tin.txt"))]))  # "tin" extends it
    assert _pytest_changed(folder, cwd) == changed


def test_golden_check_reports_each_file_stale_goldens_and_warnings(tmp_path):
    folder = tmp_path / "su-kien"
    folder.mkdir()
    shutil.copy(EXAMPLES / f"{REVIEW}.yaml", folder)
    txt = config.Config(formats=("txt",))
    first = golden.check(folder, txt, update=True)
    assert [f.source.name for f in first.files] == [f"{REVIEW}.yaml"] and first.compared == len(first.updated) > 0
    assert golden.check(folder, txt).ok
    (folder / f"{REVIEW}.yaml").rename(folder / "moi.yaml")
    moved = golden.check(folder, txt)
    assert moved.stale == [folder / f"{REVIEW}.golden"] and moved.missing and moved.exit_code(False) == 1
    assert moved.files[0].problems("en")[0] == f"{moved.missing[0]}: golden file missing (run with --update)\n"
    (folder / "hong.yaml").write_text("kind: dai-hoi\n", encoding="utf-8")
    broken = golden.check(folder, txt)
    assert [f.source.name for f in broken.files if f.error] == ["hong.yaml"] and broken.exit_code(False) == 2


def test_pytest_drafter_golden_with_a_bad_drafter_toml_fails_with_the_toml_message(tmp_path):
    office = _office(tmp_path / "office")
    (office / "drafter.toml").write_text("[templates\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--drafter-golden",
                           "bai-viet", "--drafter-formats", "txt"], capture_output=True, text=True, cwd=office,
                          env={**os.environ, "LANG": "en_US.UTF-8", "DRAFTER_LANG": "en"})
    assert done.returncode == 1 and "1 failed" in done.stdout, done.stdout + done.stderr
    assert f"{office / 'drafter.toml'}:1:11: TOML syntax error: " in done.stdout
    assert "Traceback" not in done.stdout + done.stderr and "INTERNALERROR" not in done.stdout
