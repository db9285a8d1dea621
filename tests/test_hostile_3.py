"""Issue 14, medium and low: files outside their folder, project files, internal errors turned
into messages, the cache, Markdown, goldens, and the small leaks (modes, ESC, DTDs)."""
import os
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.compose.blocks import Photo
from drafter.tools.cli import app
from drafter.compose.document import build
from drafter.errors import DrafterError
from drafter.pipeline import Options, render_file

from conftest import EXAMPLES, MINIMAL

runner = CliRunner()
CONGRESS = MINIMAL["dai-hoi"]
YEAR_END = MINIMAL["hoi-nghi-tong-ket"]


def en(*args):
    return runner.invoke(app, [*map(str, args), "--lang", "en"])


# ---- files outside their folder --------------------------------------------------------------


def test_a_linked_office_template_is_never_rendered(tmp_path, write):
    office = tmp_path / "mau"
    (office / "hoi-nghi-tong-ket").mkdir(parents=True)
    (office / "hoi-nghi-tong-ket" / "bai.j2").symlink_to("/etc/passwd")
    (office / "hoi-nghi-tong-ket" / "tin.j2").write_text('{% include "x.j2" %}\n', encoding="utf-8")
    (office / "x.j2").symlink_to("/etc/hostname")
    path = write(YEAR_END)
    for extra in ([], ["--template", "tin"]):
        result = en("render", path, "--templates", office, *extra)
        assert result.exit_code == 2
        assert "links to a file outside the template folder" in result.stderr
        assert "root:" not in result.output
    shown = en("templates", "show", "hoi-nghi-tong-ket/bai", "--templates", office)
    assert shown.exit_code == 2 and "root:" not in shown.output
    checked = en("templates", "check", office)
    assert checked.exit_code == 2 and checked.stderr.count("outside the template folder") == 2


def test_the_docx_writer_embeds_images_from_inside_the_folder_only(tmp_path):
    from drafter.writers.docx import write_docx

    (tmp_path / "yaml").mkdir()
    (tmp_path / "yaml" / "anh.png").symlink_to("/etc/passwd")
    for name in ("../../etc/passwd", "/etc/passwd", "anh.png"):
        photo = Photo(caption="Toàn cảnh", file=name)  # as a template could build it
        doc = build([photo], title="t", base_dir=tmp_path / "yaml")
        with pytest.raises(DrafterError) as caught:
            write_docx(doc)
        assert caught.value.issues[0].code == "image_outside", name


def test_a_linked_photo_is_refused_by_the_checks(tmp_path):
    (tmp_path / "anh.png").symlink_to("/etc/passwd")
    path = tmp_path / "x.yaml"
    path.write_text(CONGRESS + "photos: [{caption: Toàn cảnh, file: anh.png}]\n", encoding="utf-8")
    result = en("render", path, "--format", "docx", "-o", tmp_path / "x.docx")
    assert result.exit_code == 2 and "photos[0].file: image 'anh.png' is outside" in result.stderr


# ---- drafter.toml -------------------------------------------------------------------------------


def _project(folder: Path, text='[templates]\ndirs = ["mau"]\n'):
    (folder / "mau" / "hoi-nghi-tong-ket").mkdir(parents=True, exist_ok=True)
    (folder / "mau" / "hoi-nghi-tong-ket" / "bai.j2").write_text("@headline Mẫu lạ\n", encoding="utf-8")
    (folder / "drafter.toml").write_text(text, encoding="utf-8")


def test_drafter_toml_above_the_project_root_is_not_used(tmp_path, monkeypatch):
    _project(tmp_path)
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "x.yaml").write_text(YEAR_END, encoding="utf-8")
    monkeypatch.chdir(repo)
    result = en("render", repo / "x.yaml")
    assert result.exit_code == 0 and "Mẫu lạ" not in result.stdout
    assert "drafter.toml" not in result.stderr


def test_drafter_toml_in_a_shared_folder_is_not_used(tmp_path, monkeypatch):
    shared = tmp_path / "tmp"
    shared.mkdir()
    _project(shared)
    shared.chmod(0o1777)
    (shared / "me").mkdir()
    (shared / "me" / "x.yaml").write_text(YEAR_END, encoding="utf-8")
    monkeypatch.chdir(shared / "me")
    result = en("render", shared / "me" / "x.yaml")
    assert result.exit_code == 0 and "Mẫu lạ" not in result.stdout


def test_the_drafter_toml_in_use_is_named(tmp_path, monkeypatch):
    _project(tmp_path)
    (tmp_path / "x.yaml").write_text(YEAR_END, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = en("render", tmp_path / "x.yaml")
    assert result.stdout == "Mẫu lạ\n"
    assert result.stderr.splitlines()[0] == f"drafter: using the template folders named in {tmp_path / 'drafter.toml'}"


@pytest.mark.parametrize("text, message", [
    ('templates = ["mau"]\n', ': templates: expected a [templates] table'),
    ('[templates]\ndirs = "mau"\n', ': templates.dirs: expected a list of folder names'),
    ('[templates\n', ':1:11: TOML syntax error: '),
])
def test_a_bad_drafter_toml_gets_a_toml_message(tmp_path, monkeypatch, text, message):
    _project(tmp_path, text)
    (tmp_path / "x.yaml").write_text(YEAR_END, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = en("render", tmp_path / "x.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{tmp_path / 'drafter.toml'}{message}"), result.stderr
    assert "YAML" not in result.stderr



def test_a_drafter_toml_not_in_utf8_is_refused_with_its_line(tmp_path, monkeypatch):
    _project(tmp_path)
    (tmp_path / "drafter.toml").write_bytes(b'[templates]\n# th\xf0 m\xf5c\ndirs = ["mau"]\n')  # saved as cp1258
    (tmp_path / "x.yaml").write_text(YEAR_END, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = en("render", tmp_path / "x.yaml")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"{tmp_path / 'drafter.toml'}:2:1: a TOML file must be UTF-8 text: save it again as UTF-8\n"

# ---- internal errors that are bad input ---------------------------------------------------------


def test_batch_output_that_is_a_file_or_unwritable(tmp_path):
    afile = tmp_path / "ket-qua"
    afile.write_text("x", encoding="utf-8")
    result = en("render", EXAMPLES, "-o", afile, "--format", "txt")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{afile}: -o must be a folder for a batch (this is a file)"
    result = en("render", EXAMPLES, "-o", "/proc/drafter-ket-qua", "--format", "txt")
    assert result.exit_code == 2 and result.stderr.startswith("/proc/drafter-ket-qua: cannot write file")


def test_closed_stdout_is_one_line(tmp_path):
    code = "import sys, os; os.close(1); from drafter.tools.cli import main; sys.argv = sys.argv[1:]; main()"
    proc = subprocess.run([sys.executable, "-c", code, "drafter", "render",
                           str(EXAMPLES / "vp-ubnd-tinh-dai-hoi-2020.yaml"), "--lang", "en"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.startswith("stdout: cannot print: standard output is closed"), proc.stderr


def test_golden_update_deletes_only_its_own_folders(tmp_path):
    d = tmp_path / "g"
    d.mkdir()
    (d / "a.yaml").write_bytes((EXAMPLES / "vinh-loc-kiem-diem-2023.yaml").read_bytes())
    (d / "old.golden").mkdir()
    (d / "old.golden" / "old.txt").write_text("x", encoding="utf-8")
    (d / "old.golden" / "old.report.docx.sha256").write_text("x", encoding="utf-8")
    (d / "anh.golden").mkdir()
    (d / "anh.golden" / "photo.jpg").write_bytes(b"jpg")
    (d / ".archive" / "x.golden").mkdir(parents=True)
    (d / ".archive" / "x.golden" / "x.txt").write_text("x", encoding="utf-8")
    (d / "link.golden").symlink_to(tmp_path)
    (d / "k.yaml").write_text("kind: [x]\n", encoding="utf-8")  # a bad file does not stop the run
    result = en("golden", d, "--update", "--format", "txt")
    assert result.exit_code == 2 and "k.yaml:1:1: kind:" in result.stderr
    assert not (d / "old.golden").exists()
    assert (d / "anh.golden" / "photo.jpg").exists() and (d / ".archive" / "x.golden" / "x.txt").exists()
    assert (d / "link.golden").is_symlink() and (d / "a.golden" / "a.txt").exists()


def test_golden_never_writes_through_a_link(tmp_path):
    d, elsewhere = tmp_path / "g", tmp_path / "elsewhere"
    d.mkdir()
    elsewhere.mkdir()
    (d / "a.yaml").write_bytes((EXAMPLES / "vinh-loc-kiem-diem-2023.yaml").read_bytes())
    (d / "a.golden").symlink_to(elsewhere)
    result = en("golden", d, "--update", "--format", "txt")
    assert result.exit_code == 2 and "a golden must be a real folder" in result.stderr
    assert list(elsewhere.iterdir()) == []


def test_huge_ordinal_is_refused_at_once(write):
    started = time.monotonic()
    result = en("render", write(CONGRESS.replace("ordinal: 12", "ordinal: 1000000000000")))
    assert result.exit_code == 2 and "ordinal: value must be at most 9999" in result.stderr
    assert time.monotonic() - started < 3


# ---- the cache: never breaks a render, does not grow per install --------------------------------


def _fresh_cache(monkeypatch, folder):
    from drafter import cache
    from drafter.compose import templating

    monkeypatch.setenv("DRAFTER_CACHE", str(folder))
    cache.cache_dir.cache_clear()
    templating.environment.cache_clear()


def test_a_full_disk_under_the_cache_never_breaks_a_render(tmp_path, monkeypatch, write):
    import jinja2.bccache

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    _fresh_cache(monkeypatch, tmp_path / "cache")
    monkeypatch.setattr(jinja2.bccache.Bucket, "write_bytecode", full)
    monkeypatch.setattr(jinja2.bccache.Bucket, "load_bytecode", full)
    try:
        assert render_file(write(YEAR_END)).data.startswith("Đảng bộ xã An Hòa")
    finally:
        _fresh_cache(monkeypatch, tmp_path / "cache2")


def test_the_cache_key_depends_on_the_sandboxs_bounds():
    """Code compiled without the bounded operators must never be loaded by the bounded sandbox."""
    from drafter.compose.templating import _compiled_as, environment

    bounded = environment(())

    class Unbounded(type(bounded)):
        intercepted_binops = frozenset()

    Unbounded.__qualname__ = type(bounded).__qualname__  # even under the same name
    assert "'**'" in _compiled_as(bounded)
    assert _compiled_as(bounded) != _compiled_as(Unbounded(loader=bounded.loader))


def test_old_places_indexes_are_pruned(tmp_path, monkeypatch):
    from drafter.check import places

    _fresh_cache(monkeypatch, tmp_path / "cache")
    try:
        data = places._data_path()
        if data is None:
            pytest.skip("place data not installed")
        folder = places._cache_file(data).parent
        old = folder / "places-1-1.json"
        old.write_text("{}", encoding="utf-8")
        places._store_index(data, places._Index([], []))
        assert not old.exists() and places._cache_file(data).exists()
    finally:
        _fresh_cache(monkeypatch, tmp_path / "cache2")


# ---- Markdown -----------------------------------------------------------------------------------


def test_markdown_shows_values_as_typed(write):
    from markdown_it import MarkdownIt

    path = write(YEAR_END + 'assessment: ["~~~ mã nguồn", "&lt;b&gt; không đậm", "a ~~gạch~~ b"]\n'
                 "photos: [{caption: Toàn cảnh, file: anh hoi nghi.png}]\n")
    (path.parent / "anh hoi nghi.png").write_bytes(b"png")
    md = render_file(path, Options(format="md")).data
    html = MarkdownIt("commonmark").enable("strikethrough").render(md)
    assert "<pre" not in html and "<code" not in html and "<s>" not in html and "<del>" not in html
    assert "&amp;lt;b&amp;gt; không đậm" in html  # shows "&lt;b&gt;", as typed
    assert 'src="anh%20hoi%20nghi.png"' in html
    assert "Đảng bộ xã An Hòa" in html  # the rest of the article is not swallowed


# ---- consistency checks of the issue, beyond the registry ---------------------------------------


def test_a_part_without_unit_is_compared_with_its_whole(write):
    path = write(YEAR_END + "results:\n  - items:\n      - {text: kết nạp, value: 90, unit: đảng viên, "
                            "of_which: [{text: nữ, value: 95}]}\n")
    result = en("render", path)
    assert result.exit_code == 2 and "of_which[0]: the \"of which\" part (95) is above its whole (90)" in result.stderr


def test_a_direction_override_in_a_name_is_warned(write):
    result = en("render", write(YEAR_END + 'chairs: ["Bùi Văn \\u202eQuang"]\n'))
    assert result.exit_code == 0
    assert "warning: chairs[0]: contains the invisible character U+202E" in result.stderr
    assert "\u202e" not in result.stderr  # the name in the message is shown escaped


# ---- low: modes, ESC in messages, DTDs ------------------------------------------------------------


def test_output_keeps_a_files_mode_and_honours_umask(tmp_path, write):
    private = tmp_path / "bai.txt"
    private.write_text("cũ", encoding="utf-8")
    private.chmod(0o600)
    source = write(YEAR_END)
    assert en("render", source, "-o", private).exit_code == 0
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    old = os.umask(0o077)
    try:
        assert en("render", source, "-o", tmp_path / "moi.txt").exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "moi.txt").stat().st_mode) == 0o600


def test_escape_sequences_in_messages_are_shown_escaped(write):
    result = en("validate", write(CONGRESS + '"\\e[31mđỏ": 1\n'))
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr and "\\x1b[31mđỏ" in result.stderr


def test_a_reference_doc_with_a_dtd_is_refused(tmp_path, write):
    made = tmp_path / "ref.docx"
    assert en("render", EXAMPLES / "vp-ubnd-tinh-dai-hoi-2020.yaml", "--format", "docx", "-o", made).exit_code == 0
    hostile = tmp_path / "ref-dtd.docx"
    with zipfile.ZipFile(made) as zin, zipfile.ZipFile(hostile, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/styles.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE w:styles [<!ENTITY x "X">]>', 1)
            zout.writestr(info, data)
    out = tmp_path / "bai.docx"
    result = en("render", write(YEAR_END), "--format", "docx", "--reference-doc", hostile, "-o", out)
    assert result.exit_code == 2 and "declares a DTD or entity in word/styles.xml" in result.stderr
    assert not out.exists()


def test_every_environment_class_is_documented_with_a_test():
    """docs/kiem-tra.md, "Môi trường, mẫu và hàng loạt": each row's message exists and its test is real."""
    import re

    from drafter.messages import MESSAGES

    from conftest import ROOT

    text = (ROOT / "docs" / "kiem-tra.md").read_text(encoding="utf-8")
    section = text.split("## Môi trường, mẫu và hàng loạt")[1].split("\n## ")[0]
    rows = [[c.strip().strip("`") for c in line.strip("|").split("|")]
            for line in section.splitlines() if line.startswith("| `")]
    assert len(rows) >= 10
    sources = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("test_hostile_*.py"))
    for name, code, message, test in rows:
        assert code in MESSAGES, name
        vi = re.sub(r"\{\w+\}", "", MESSAGES[code][0].split("{")[0]).strip()[:12]
        assert vi in message, name
        assert re.search(rf"^def {re.escape(test)}\(", sources, re.M), test


def test_a_template_cannot_embed_a_file_from_outside_through_its_state(tmp_path):
    office = tmp_path / "mau" / "hoi-nghi-tong-ket"
    office.mkdir(parents=True)
    (office / "bai.j2").write_text(
        "@headline Tin\n\n{% set _ = _state.objects.append(event.photos[0].model_copy("
        "update={'file': '/etc/passwd'})) %}@photo 0\n", encoding="utf-8")
    (tmp_path / "anh.png").write_bytes((EXAMPLES / "anh" / "an-phu-toan-canh.png").read_bytes())
    source = tmp_path / "x.yaml"
    source.write_text(YEAR_END + "photos: [{caption: Toàn cảnh, file: anh.png}]\n", encoding="utf-8")
    for fmt, extra in (("docx", []), ("html", []), ("html", ["--embed"])):
        out = tmp_path / "out" / f"x.{fmt}"
        result = en("render", source, "--templates", tmp_path / "mau", "--format", fmt, "-o", out, *extra)
        # the writers get photos the template's photos() made, never a data-model object
        assert result.exit_code == 2 and "'@photo 0'" in result.stderr, result.stderr
        assert not out.parent.exists() or list(out.parent.iterdir()) == []  # nothing copied, nothing written
