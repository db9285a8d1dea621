"""drafter golden: no change, changed text, missing golden, stale golden, --update; and the pytest plugin."""
import shutil

from typer.testing import CliRunner

from drafter.tools import golden
from drafter.tools.cli import app
from drafter.compose.templating import BUILTIN_DIR

from conftest import EXAMPLES

runner = CliRunner()
TEXT = "txt,md,html"


def small_dir(tmp_path, names=("vinh-loc-kiem-diem-2023", "vp-ubnd-tinh-dai-hoi-2020")):
    folder = tmp_path / "su-kien"
    folder.mkdir()
    for name in names:
        shutil.copy(EXAMPLES / f"{name}.yaml", folder)
    assert runner.invoke(app, ["golden", str(folder), "--update", "--format", TEXT]).exit_code == 0
    return folder


def test_no_change_passes(tmp_path):
    folder = small_dir(tmp_path)
    result = runner.invoke(app, ["golden", str(folder), "--format", TEXT])
    assert result.exit_code == 0, result.output
    assert result.output == "Cả 11 tệp chuẩn khớp với kết quả\n"  # one line: what was checked, and that it passed


def test_one_word_changed_in_a_builtin_template_names_the_sentence(tmp_path):
    folder = small_dir(tmp_path)
    office = tmp_path / "office"
    shutil.copytree(BUILTIN_DIR, office)  # an office copy of the built-ins, one word changed
    path = office / "kiem-diem" / "bai.j2"
    path.write_text(path.read_text(encoding="utf-8").replace("nêu khuyết điểm", "nêu rõ khuyết điểm"),
                    encoding="utf-8")
    args = ["golden", str(folder), "--format", TEXT, "--templates", str(office), "--lang", "en"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    changed = [l for l in result.output.splitlines() if l.startswith(("-", "+")) and not l.startswith(("---", "+++"))]
    # one sentence, in the txt, md and html article of the one affected document
    assert len(changed) == 6, changed
    assert all("khuyết điểm" in l for l in changed)
    assert "vp-ubnd-tinh-dai-hoi-2020" not in result.output
    assert "3 file(s) differ from their goldens:" in result.output
    assert runner.invoke(app, args + ["--update"]).exit_code == 0
    assert runner.invoke(app, args).exit_code == 0


def test_missing_golden_fails_unless_update(tmp_path):
    folder = small_dir(tmp_path)
    victim = folder / "vinh-loc-kiem-diem-2023.golden" / "vinh-loc-kiem-diem-2023.md"
    victim.unlink()
    result = runner.invoke(app, ["golden", str(folder), "--format", TEXT, "--lang", "en"])
    assert result.exit_code == 1
    assert f"{victim}: golden file missing (run with --update)" in result.output
    assert runner.invoke(app, ["golden", str(folder), "--format", TEXT, "--update"]).exit_code == 0
    assert victim.exists()


def test_stale_golden_of_a_deleted_example_fails_and_update_removes_it(tmp_path):
    folder = small_dir(tmp_path)
    (folder / "vp-ubnd-tinh-dai-hoi-2020.yaml").unlink()
    result = runner.invoke(app, ["golden", str(folder), "--format", TEXT, "--lang", "en"])
    assert result.exit_code == 1
    assert "vp-ubnd-tinh-dai-hoi-2020.golden: golden has no YAML any more" in result.output
    assert runner.invoke(app, ["golden", str(folder), "--format", TEXT, "--update"]).exit_code == 0
    assert not (folder / "vp-ubnd-tinh-dai-hoi-2020.golden").exists()
    assert runner.invoke(app, ["golden", str(folder), "--format", TEXT]).exit_code == 0


def test_bad_yaml_in_the_folder_is_exit_2(tmp_path):
    folder = small_dir(tmp_path, names=("vinh-loc-kiem-diem-2023",))
    (folder / "hong.yaml").write_text("kind: dai-hoi\n", encoding="utf-8")
    result = runner.invoke(app, ["golden", str(folder), "--format", TEXT, "--lang", "en"])
    assert result.exit_code == 2
    assert "hong.yaml" in result.stderr and "required field missing" in result.stderr


def test_sentences_split_only_at_sentence_ends():
    assert golden.sentences("A b. C d, e. f g.\n") == ["A b.\n", "C d, e. f g.\n"]


def test_pytest_plugin_reports_goldens(tmp_path):
    """Through the pytest11 entry point: an office's own pytest run includes its goldens."""
    import subprocess
    import sys

    folder = small_dir(tmp_path)
    (tmp_path / "test_empty.py").write_text("def test_nothing():\n    assert True\n", encoding="utf-8")
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
               "--drafter-golden", str(folder), "--drafter-formats", TEXT, "test_empty.py"]
    ok = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
    assert ok.returncode == 0 and "4 passed" in ok.stdout, ok.stdout + ok.stderr
    golden_file = folder / "vinh-loc-kiem-diem-2023.golden" / "vinh-loc-kiem-diem-2023.txt"
    golden_file.write_text(golden_file.read_text(encoding="utf-8").replace("Sáng 11/12", "Chiều 11/12"),
                           encoding="utf-8")
    bad = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
    assert bad.returncode == 1, bad.stdout
    assert "1 failed, 3 passed" in bad.stdout
    assert "-Chiều 11/12" in bad.stdout and "+Sáng 11/12" in bad.stdout


def test_fixture_form(drafter_golden, tmp_path):
    folder = small_dir(tmp_path)
    outcome = drafter_golden(folder, formats=("txt", "md", "html"))
    assert outcome.ok


def test_docx_goldens_show_a_changed_margin_and_style(tmp_path):
    import docx
    from docx.shared import Mm, Pt

    folder = small_dir(tmp_path, names=("vinh-loc-kiem-diem-2023",))
    office = tmp_path / "office.docx"

    def reference(left_mm, body_pt):
        document = docx.Document()
        document.sections[0].left_margin = Mm(left_mm)
        document.styles.add_style("Body", 1).font.size = Pt(body_pt)
        document.save(office)

    reference(30, 14)
    args = ["golden", str(folder), "--format", "docx", "--reference-doc", str(office)]
    assert runner.invoke(app, args + ["--update"]).exit_code == 0
    assert runner.invoke(app, args).exit_code == 0  # stable across runs
    reference(35, 13)
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "-  margins top 20, bottom 20, left 30" in result.output or "left 30" in result.output
    assert any(l.startswith("+") and "left 35" in l for l in result.output.splitlines())
    assert any(l.startswith("+") and "Body (paragraph" in l and "13pt" in l for l in result.output.splitlines())


def test_ci_files_of_an_office_repository_are_not_events(tmp_path):
    folder = small_dir(tmp_path)
    (folder / ".github" / "workflows").mkdir(parents=True)
    (folder / ".github" / "workflows" / "drafter.yml").write_text("on: push\n", encoding="utf-8")
    (folder / ".gitlab-ci.yml").write_text("test: {script: [drafter golden .]}\n", encoding="utf-8")
    (folder / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    assert runner.invoke(app, ["golden", str(folder), "--format", TEXT]).exit_code == 0


def test_update_says_which_stale_goldens_it_removed(tmp_path):
    folder = small_dir(tmp_path)
    (folder / "vp-ubnd-tinh-dai-hoi-2020.yaml").unlink()
    result = runner.invoke(app, ["golden", str(folder), "--format", TEXT, "--update", "--lang", "en"])
    assert f"{folder / 'vp-ubnd-tinh-dai-hoi-2020.golden'}: golden without YAML removed" in result.output
