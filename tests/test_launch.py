"""launch.py's one-file render without typer is cli.render: same options, output, files, codes."""
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
import typer.main

from drafter.tools import launch
from drafter.tools.cli import app

from conftest import EXAMPLES, ROOT

EXAMPLE = EXAMPLES / "vinh-loc-kiem-diem-2023.yaml"


def _render_command():
    group = typer.main.get_command(app)
    return group.commands["render"]


def test_the_options_read_without_typer_are_those_cli_render_declares():
    declared = {}
    for param in _render_command().params:
        for name in (*param.opts, *param.secondary_opts):
            if name.startswith("-") and name != "--help":
                declared[name] = param
    assert set(launch.OPTIONS) | launch.TYPER_ONLY == set(declared), "a new render option: add it to launch.py"
    for name, (field, takes_value) in launch.OPTIONS.items():
        param = declared[name]
        assert param.name == field
        assert takes_value == (not param.is_flag)
        assert (field in launch.REPEATABLE) == bool(param.multiple)


def test_defaults_are_cli_renders():
    defaults = {p.name: p.default for p in _render_command().params}
    parsed = launch.parse(["render", str(EXAMPLE)])
    for field in ("format", "doc", "strict", "template", "variant", "from_encoding", "lang", "output",
                  "reference_doc", "embed", "fragment"):
        assert parsed[field] == defaults[field], field
    assert parsed["templates"] == list(defaults["templates"] or [])


@pytest.mark.parametrize("args", [
    [], ["validate", "x.yaml"], ["render"], ["render", "--help"], ["render", "a.yaml", "b.yaml"],
    ["render", str(EXAMPLES)], ["render", "x.yaml", "--jobs", "2"], ["render", "x.yaml", "-f", "docx,html"],
    ["render", "x.yaml", "-f", "html"], ["render", "x.yaml", "--variant", "-1"],
    ["render", "x.yaml", "--variant", "abc"], ["render", "x.yaml", "--variant", "٣"], ["render", "x.yaml", "-f"],
    ["render", "x.yaml", "--format="], ["render", "x.yaml", "--unknown"], ["render", "x.yaml", "-ftxt"],
    ["render", "x.yaml", "--format", "txt", "--format", "md"], ["render", "x.yaml", "--doc", "memo"],
    ["render", "x.yaml", "--strict=yes"], ["render", "x.yaml", "-o", str(EXAMPLES)], ["render", "--", "x.yaml"],
    ["--lang", "en", "render", "x.yaml"], ["render", "-", "x.yaml"], ["render", "x.yaml", "-o", "ra/"],
    ["render", "x.yaml", "-f", "pdf", "-o", "x.pdf"], ["--version"],
])
def test_anything_unusual_goes_to_typer(args):
    assert launch.parse(args) is None


def _run(argv, cwd, fast: bool):
    entry = ["-m", "drafter"] if fast else ["-c", "from drafter.tools.cli import main; main()"]
    env = {**os.environ, "DRAFTER_CACHE": str(cwd / ".cache")}
    env.pop("DRAFTER_DEBUG", None)
    done = subprocess.run([sys.executable, *entry, *argv], cwd=cwd, env=env, capture_output=True, timeout=120)
    files = {p.name: p.read_bytes() for p in sorted(cwd.iterdir()) if p.is_file()}
    return done.returncode, done.stdout, done.stderr, files


CASES = [
    ["render", "in.yaml"],
    ["render", "in.yaml", "--format", "md", "--lang", "en"],
    ["render", "in.yaml", "-f", "docx", "-o", "out.docx"],
    ["render", "in.yaml", "--format=docx", "--doc=report", "-o", "r.docx"],
    ["render", "in.yaml", "--doc", "report", "-o", "r.txt"],
    ["render", "in.yaml", "--doc", "report", "--strict"],
    ["render", "in.yaml", "--variant", "1", "--template", "tin"],
    ["render", "missing.yaml"],
    ["render", "broken.yaml", "--lang", "en"],
    ["render", "in.yaml", "--format", "docx"],
    ["render", "in.yaml", "--templates", "no-such-folder"],
    ["render", "in.yaml", "-o", "in.yaml"],
    ["render", "in.yaml", "--from-encoding", "tcvn3"],
    ["render", "in.yaml", "-f", "docx", "--reference-doc", "none.docx", "-o", "x.docx"],
    ["render", "in.yaml", "--doc", "resolution", "--fragment", "--embed"],
    ["render", "in.yaml", "--doc", "report", "-o", "bao-cao.md", "-f", "md", "--lang", "en"],
]


@pytest.mark.parametrize("argv", CASES, ids=[" ".join(c[1:]) for c in CASES])
def test_one_file_renders_as_the_typer_cli_does(argv, tmp_path):
    assert launch.parse(argv) is not None  # the fast path does take it
    runs = {}
    for fast in (True, False):
        folder = tmp_path / ("fast" if fast else "typer")
        folder.mkdir()
        shutil.copy(EXAMPLE, folder / "in.yaml")
        shutil.copytree(EXAMPLES / "anh", folder / "anh")
        (folder / "broken.yaml").write_text("kind: kiem-diem\nname: [unclosed\n", encoding="utf-8")
        runs[fast] = folder
    with ThreadPoolExecutor(2) as pool:
        fast, slow = pool.map(lambda f: _run(argv, runs[f], f), (True, False))
    assert fast[0] == slow[0]
    assert fast[1] == slow[1]
    assert fast[2].replace(b"/fast/", b"/typer/") == slow[2]
    assert fast[3] == slow[3]


def test_no_plugin_lookup_when_pydantic_plugins_are_all_disabled():
    code = ("import os, sys; os.environ['PYDANTIC_DISABLE_PLUGINS'] = '__all__'\n"
            "from drafter.tools import launch; launch._without_plugin_lookup()\n"
            "import pydantic\n"
            "class M(pydantic.BaseModel):\n    x: int\n"
            "from pydantic.plugin._loader import get_plugins\n"
            "print(M(x='1').x, tuple(get_plugins()), 'importlib.metadata' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.split() == ["1", "()", "False"]
