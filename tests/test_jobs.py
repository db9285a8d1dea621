"""jobs.render and jobs.validate: the work of `drafter render FILE` and `drafter validate FILES…`,
called by cli.py and launch.py's fast path alike."""
import shutil

import pytest

from drafter.tools import jobs
from drafter.tools.catalog import eject_to_office
from drafter.errors import DrafterError
from drafter.tools.skeleton import create

from conftest import EXAMPLES

REVIEW = EXAMPLES / "vinh-loc-kiem-diem-2023.yaml"


def _project(root):
    (root / "mau").mkdir(parents=True)
    (root / "drafter.toml").write_text('[templates]\ndirs = ["mau"]\n', encoding="utf-8")
    for name in ("a.yaml", "b.yaml"):
        shutil.copy(REVIEW, root / name)
    return root


def test_validate_says_warnings_as_they_come_and_the_project_once(tmp_path, monkeypatch):
    root = _project(tmp_path / "office")
    monkeypatch.chdir(root)
    said = []
    assert jobs.validate([root / "a.yaml", root / "b.yaml"], "report", lang="en", say=said.append) is None
    notices = [line for line in said if line.startswith("drafter: using")]
    assert notices == [f"drafter: using the template folders named in {(root / 'drafter.toml').resolve()}"]
    a = [line for line in said if line.startswith(f"{root / 'a.yaml'}:") and "[report-default]" in line]
    b = [line for line in said if line.startswith(f"{root / 'b.yaml'}:") and "[report-default]" in line]
    assert a and len(a) == len(b) and said.index(a[-1]) < said.index(b[0])  # file by file


def test_validate_reports_every_files_problems_at_once(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.yaml").write_text("kind: dai-hoi\n", encoding="utf-8")
    (tmp_path / "y.yaml").write_text("kind: [\n", encoding="utf-8")
    with pytest.raises(DrafterError) as exc:
        jobs.validate([tmp_path / "x.yaml", REVIEW, tmp_path / "y.yaml"], say=lambda line: None)
    assert {i.file for i in exc.value.issues} == {str(tmp_path / "x.yaml"), str(tmp_path / "y.yaml")}
    with pytest.raises(DrafterError) as exc:  # a wrong --doc: once, before any file
        jobs.validate([REVIEW, REVIEW], "memo", say=lambda line: None)
    assert [(i.file, i.code) for i in exc.value.issues] == [("--doc", "expected_one_of")]


def test_render_writes_the_file_and_says_so(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    said = []
    result = jobs.render(REVIEW, tmp_path / "bai.md", lang="en", say=said.append, format="md")
    assert (tmp_path / "bai.md").read_text(encoding="utf-8") == result.data and result.data.startswith("# ")
    assert said == [f"Wrote {tmp_path / 'bai.md'}"]
    with pytest.raises(DrafterError) as exc:
        jobs.render(REVIEW, None, format="docx", say=said.append)
    assert exc.value.issues[0].code == "binary_to_stdout"
    with pytest.raises(DrafterError) as exc:
        jobs.render(REVIEW, None, variant=-1, say=said.append)
    assert (exc.value.issues[0].file, exc.value.issues[0].code) == ("--variant", "too_small")


def test_new_and_eject_write_once_and_never_over_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert create("kiem-diem", tmp_path / "moi.yaml") is True
    assert "kind: kiem-diem" in (tmp_path / "moi.yaml").read_text(encoding="utf-8")
    with pytest.raises(DrafterError) as exc:
        create("kiem-diem", tmp_path / "moi.yaml")
    assert exc.value.issues[0].code == "eject_exists"
    with pytest.raises(DrafterError) as exc:
        create("kiem-dim")
    assert dict(exc.value.issues[0].args)["suggest"] == "kiem-diem"
    target, created = eject_to_office("kiem-diem/bai")
    assert created == tmp_path / "drafter.toml" and target == tmp_path / "mau-van-phong" / "kiem-diem" / "bai.j2"
    again, created = eject_to_office("kiem-diem/tin")
    assert created is None and again.parent == target.parent
