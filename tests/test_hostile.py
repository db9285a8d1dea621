"""Messy and hostile input: a mutation corpus and property-based tests.

Every outcome is either a rendered document or a clean DrafterError (one line per problem);
never a traceback, never a file left behind in the output folder.
"""
import os
import re

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from drafter.tools.cli import app
from drafter.errors import DrafterError
from drafter.read.loader import load_text
from drafter.pipeline import Options, render_file

from conftest import EXAMPLES

runner = CliRunner()
SOURCES = sorted(EXAMPLES.glob("*.yaml"))


def _first(pattern, text, repl):
    new, n = re.subn(pattern, repl, text, count=1, flags=re.M)
    assert n == 1, pattern
    return new


MUTATIONS = {
    "no-kind": lambda t: _first(r"^kind: .*\n", t, ""),
    "unknown-kind": lambda t: _first(r"^kind: .*$", t, "kind: hoi-thao"),
    "duplicate-date": lambda t: _first(r"^(date: .*)$", t, r"\1\n\1"),
    "bad-date": lambda t: _first(r"^date: .*$", t, "date: 2025-13-45"),
    "tab": lambda t: _first(r"^org:\n", t, "org:\n\tshort: x\n"),
    "unknown-key": lambda t: t + "bogus_field: 1\n",
    "misspelt-nested": lambda t: _first(r"^(  )name:", t, r"\1nmae:"),
    "org-not-mapping": lambda t: _first(r"^org:\n((?:  .*\n)+)", t, "org: 5\n"),
    "unclosed-flow": lambda t: t + "extra: {a: [1, 2\n",
}


def corpus():
    return [pytest.param(src, name, id=f"{src.stem}-{name}") for src in SOURCES for name in MUTATIONS]


def test_corpus_is_big_enough():
    assert len(corpus()) >= 50


@pytest.mark.parametrize("source, mutation", corpus())
def test_mutation_is_refused_cleanly(tmp_path, source, mutation):
    broken = tmp_path / source.name
    broken.write_text(MUTATIONS[mutation](source.read_text(encoding="utf-8")), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    result = runner.invoke(app, ["render", str(broken), "--format", "docx", "-o", str(out / "bai.docx")])
    assert result.exit_code == 2, (mutation, result.output)
    lines = result.stderr.strip().splitlines()
    assert lines and all(re.match(rf"{re.escape(str(broken))}(:\d+:\d+)?: \S", l) for l in lines), lines
    assert "Traceback" not in result.output
    assert list(out.iterdir()) == []


def _outcome(text: str, fmt: str = "txt"):
    """Load, validate and render TEXT; return 'ok' or 'error' (anything else fails the test)."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            render_file(path, Options(format=fmt))
            return "ok"
        except DrafterError as exc:
            assert exc.issues and all("\n" not in i.format() for i in exc.issues)
            return "error"


@settings(max_examples=int(os.environ.get("DRAFTER_FUZZ", 150)), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_random_text_never_crashes(text):
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return  # lone surrogates cannot be in a file
    _outcome(text)


@settings(max_examples=int(os.environ.get("DRAFTER_FUZZ", 150)), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SOURCES), st.data())
def test_mutated_examples_never_crash(source, data):
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    for _ in range(data.draw(st.integers(1, 4))):
        action = data.draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "cut"]))
        i = data.draw(st.integers(0, len(lines) - 1))
        if action == "delete" and len(lines) > 1:
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "insert":
            lines.insert(i, data.draw(st.text(alphabet=" :-[]{}&*!|>#'\"\tabcđ0123456789\n", max_size=20)))
        elif action == "cut":
            cut = data.draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:cut]
    _outcome("".join(lines), data.draw(st.sampled_from(["txt", "html"])))


scalars = st.one_of(st.none(), st.booleans(), st.integers(-10, 3000), st.floats(allow_nan=False, width=32),
                    st.text(max_size=20), st.dates().map(str))


@settings(max_examples=int(os.environ.get("DRAFTER_FUZZ", 150)), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SOURCES), st.data())
def test_random_values_in_real_structure_never_crash(source, data):
    """Keep the real shape of an example, put random values at random places."""
    tree = yaml.safe_load(source.read_text(encoding="utf-8"))

    def paths(node, here=()):
        yield here
        if isinstance(node, dict):
            for k, v in node.items():
                yield from paths(v, here + (k,))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                yield from paths(v, here + (i,))

    for _ in range(data.draw(st.integers(1, 3))):
        target = data.draw(st.sampled_from([p for p in paths(tree) if p]))
        node = tree
        for part in target[:-1]:
            node = node[part]
        node[target[-1]] = data.draw(scalars)
    _outcome(yaml.safe_dump(tree, allow_unicode=True))


def test_load_text_of_every_example_is_stable():
    for source in SOURCES:
        text = source.read_text(encoding="utf-8")
        assert load_text(text).data == load_text(text).data
