"""Batch rendering: many inputs, several formats, parallel workers, bad files skipped."""
import hashlib
import shutil

from typer.testing import CliRunner

from drafter.tools import batch
from drafter.tools.cli import app

from conftest import EXAMPLES

runner = CliRunner()


def inputs(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES, folder, ignore=shutil.ignore_patterns("*.golden", "genre"))
    shutil.copy(EXAMPLES / "vinh-loc-kiem-diem-2023.yaml", folder / "Đại hội Chi bộ 3.yaml")
    (folder / "sub").mkdir()
    shutil.copy(EXAMPLES / "vinh-loc-kiem-diem-2023.yaml", folder / "sub" / "vinh-loc-kiem-diem-2023.yaml")
    (folder / "hong.yaml").write_text("kind: dai-hoi\n", encoding="utf-8")
    return folder


def digests(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_batch_renders_every_file_and_skips_the_bad_one(tmp_path):
    folder = inputs(tmp_path)
    out = tmp_path / "out"
    result = runner.invoke(app, ["render", str(folder), "-o", str(out), "--format", "docx,html", "--jobs", "2",
                                 "--lang", "en"])
    assert result.exit_code == 1
    names = sorted(p.name for p in out.iterdir())
    assert "dai-hoi-chi-bo-3.docx" in names and "dai-hoi-chi-bo-3.html" in names
    # the same name twice (examples/ and sub/) does not collide
    assert "vinh-loc-kiem-diem-2023.docx" in names and "vinh-loc-kiem-diem-2023-2.docx" in names
    assert not [n for n in names if n.startswith("hong")]
    assert (out / "anh" / "an-phu-toan-canh.png").is_file()  # the HTML page's image, beside it
    names.remove("anh")
    assert len(names) == 2 * 9  # 7 examples, the renamed copy, the copy in sub/
    lines = result.stderr.strip().splitlines()
    assert any(l.startswith(str(folder / "hong.yaml")) and "required field missing" in l for l in lines)
    assert lines[-1].startswith("rendered 9 document(s) (18 files), 1 failed, in ")


def test_one_worker_and_two_give_the_same_bytes(tmp_path):
    folder = inputs(tmp_path)
    (folder / "hong.yaml").unlink()
    for jobs in ("1", "2"):
        assert runner.invoke(app, ["render", str(folder), "-o", str(tmp_path / jobs), "--format", "docx,txt",
                                   "--jobs", jobs]).exit_code == 0
    assert digests(tmp_path / "1") == digests(tmp_path / "2")


def test_no_progress_bar_when_piped(tmp_path):
    result = runner.invoke(app, ["render", str(EXAMPLES / "vinh-loc-kiem-diem-2023.yaml"),
                                 str(EXAMPLES / "phu-van-dai-hoi-2025.yaml"), "-o", str(tmp_path), "--lang", "en"])
    assert result.exit_code == 0
    assert result.stderr.strip().splitlines()[-1].startswith("rendered 2 document(s) (2 files), 0 failed")
    assert "Rendering" not in result.output and "\r" not in result.output


def test_batch_needs_an_output_folder():
    result = runner.invoke(app, ["render", str(EXAMPLES), "--lang", "en"])
    assert result.exit_code == 2 and "need -o FOLDER" in result.stderr


def test_report_names_and_inputs_never_overwritten(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(EXAMPLES / "vinh-loc-kiem-diem-2023.yaml", folder)
    result = runner.invoke(app, ["render", str(folder), "-o", str(folder), "--format", "txt,html", "--doc", "report"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == [
        "vinh-loc-kiem-diem-2023-bao-cao.html", "vinh-loc-kiem-diem-2023-bao-cao.txt", "vinh-loc-kiem-diem-2023.yaml"]


def test_slugs_are_unique_and_safe():
    from pathlib import Path

    names = batch.stems([Path("a/Đại hội.yaml"), Path("b/Đại hội.yaml"), Path("../../x/..yaml"), Path("Đại-hội-2.yaml")])
    assert names == ["dai-hoi", "dai-hoi-2", "tai-lieu", "dai-hoi-2-2"]
    assert all("/" not in n and n for n in names)


def test_one_file_into_an_existing_folder(tmp_path):
    result = runner.invoke(app, ["render", str(EXAMPLES / "vinh-loc-kiem-diem-2023.yaml"), "-o", str(tmp_path),
                                 "--format", "docx"])
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["vinh-loc-kiem-diem-2023.docx"]


def test_empty_format_list_is_a_clean_error(tmp_path):
    for args in ([str(EXAMPLES / "vinh-loc-kiem-diem-2023.yaml")],
                 [str(EXAMPLES / "vinh-loc-kiem-diem-2023.yaml"), str(EXAMPLES / "phu-van-dai-hoi-2025.yaml")]):
        result = runner.invoke(app, ["render", *args, "-o", str(tmp_path / "o"), "--format", ",", "--lang", "en"])
        assert result.exit_code == 2, result.output
        assert "unsupported format ','" in result.stderr
