"""The worked examples of docs/sua-cau-chu.md are run as written: their office templates are put in
mau/, their command is run, and the document holds the paragraphs the guide shows (issue 11)."""
import re
import shlex
import unicodedata

import pytest
from typer.testing import CliRunner

from drafter.tools.cli import app

from conftest import ROOT

runner = CliRunner()
GUIDE = ROOT / "docs" / "sua-cau-chu.md"
FILE = re.compile(r"^`(mau/[^`]+\.j2)`:\n\n```django\n(.*?)\n```", re.S | re.M)
TEXT = re.compile(r"^```text\n(.*?)\n```", re.S | re.M)
COMMAND = re.compile(r"^Lệnh: `(drafter [^`]+)`", re.M)
WITHOUT = re.compile(r"^Với `(examples/[^`]+\.yaml)` \(không có `(\w+)`\), câu mới không được in", re.M)


def worked_examples() -> list:
    text = GUIDE.read_text(encoding="utf-8").split("\n## Ví dụ làm thật\n", 1)[1]
    found = []
    for part in text.split("\n### ")[1:]:
        title = part.splitlines()[0]
        found.append(pytest.param(dict(FILE.findall(part)), COMMAND.findall(part), TEXT.findall(part),
                                  WITHOUT.findall(part), id=title))
    return found


def run(command: str, tmp_path, monkeypatch) -> str:
    words = shlex.split(command)
    assert words[:2] == ["drafter", "render"], command
    # absolute paths: the template cache is kept per search path, and each test has its own mau/
    args = [str(ROOT / w) if w.startswith("examples/") else str(tmp_path / w) if w == "mau" else w
            for w in words[2:]]
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["render", *args])
    assert result.exit_code == 0 and result.stderr == "", result.stderr  # a clean document, no warning
    return result.stdout


def test_the_guide_has_the_three_worked_examples():
    assert [p.id for p in worked_examples()] == [
        "Đổi một câu", "Thêm một câu cần một dữ kiện", "Sửa một đoạn cho mọi loại bài"]


@pytest.mark.parametrize("files, commands, shown, without", worked_examples())
def test_worked_example_renders_as_the_guide_shows(files, commands, shown, without, tmp_path, monkeypatch):
    assert files and len(commands) == 1 and shown
    for name, source in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(source + "\n", encoding="utf-8")
    check = runner.invoke(app, ["templates", "check", str(tmp_path / "mau")])
    assert check.exit_code == 0 and check.stderr == f"Các mẫu không có lỗi ({tmp_path / 'mau'})\n", check.stderr
    out = run(commands[0], tmp_path, monkeypatch)
    paragraphs = out.rstrip("\n").split("\n\n")
    for text in shown:
        assert unicodedata.is_normalized("NFC", text)
        assert text in paragraphs, out
    for other, field in without:  # a file without the fact: the office template changes nothing
        assert f"\n{field}:" not in "\n" + (ROOT / other).read_text(encoding="utf-8")
        changed = commands[0].replace(commands[0].split()[2], other)
        assert run(changed, tmp_path, monkeypatch) == run(changed.replace(" --templates mau", ""), tmp_path,
                                                          monkeypatch)


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def test_links_into_the_guide_find_their_section():
    anchors = {slug(h) for h in re.findall(r"^#+ (.+)$", GUIDE.read_text(encoding="utf-8"), re.M)}
    broken = []
    for page in [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]:
        text = page.read_text(encoding="utf-8")
        own = re.findall(r"\]\(#([^)]+)\)", text) if page == GUIDE else []
        for anchor in re.findall(r"sua-cau-chu\.md#([^)\s]+)\)", text) + own:
            if anchor not in anchors:
                broken.append(f"{page.name}: #{anchor}")
    assert not broken
