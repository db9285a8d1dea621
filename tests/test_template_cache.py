"""The compiled-template cache is keyed by the environment, and the sandbox's memo agrees with
Jinja's own rule."""
import jinja2
import pytest
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from drafter.compose import templating
from drafter.model import Person


def _env(kind, folder, cache, **options):
    return kind(loader=jinja2.FileSystemLoader(str(folder)), bytecode_cache=cache, **options)


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "t.j2").write_text("{{ name.upper() }} {{ items|join(', ') }}\n", encoding="utf-8")
    (tmp_path / "attack.j2").write_text("{{ name.__class__.__mro__ }}", encoding="utf-8")
    return tmp_path


def test_jinjas_own_cache_crashes_a_plain_environment_reading_sandboxed_code(folder, tmp_path):
    """Why drafter keys the cache itself: with Jinja's key the second environment fails."""
    cache = jinja2.FileSystemBytecodeCache(str(tmp_path / "jinja-own"))
    (tmp_path / "jinja-own").mkdir()
    _env(SandboxedEnvironment, folder, cache).get_template("t.j2").render(name="a", items=[1])
    with pytest.raises(AttributeError, match="call"):
        _env(jinja2.Environment, folder, cache).get_template("t.j2").render(name="a", items=[1])


def test_a_plain_environment_reading_a_sandboxed_ones_cache_renders(folder, tmp_path):
    (tmp_path / "c").mkdir()
    cache = templating.BytecodeCache(str(tmp_path / "c"))
    sandboxed = _env(templating.Sandbox, folder, cache).get_template("t.j2").render(name="a", items=[1, 2])
    plain = _env(jinja2.Environment, folder, cache).get_template("t.j2").render(name="a", items=[1, 2])
    assert sandboxed == plain == "A 1, 2"
    assert len(list((tmp_path / "c").iterdir())) == 2  # one compiled file per kind of environment


def test_a_sandbox_reading_a_plain_environments_cache_stays_a_sandbox(folder, tmp_path):
    (tmp_path / "c").mkdir()
    cache = templating.BytecodeCache(str(tmp_path / "c"))
    assert "object" in _env(jinja2.Environment, folder, cache).get_template("attack.j2").render(name="a")
    with pytest.raises(SecurityError):
        _env(templating.Sandbox, folder, cache).get_template("attack.j2").render(name="a")


def test_other_whitespace_settings_get_their_own_compiled_code(tmp_path):
    (tmp_path / "w.j2").write_text("{% if x %}\n  yes\n{% endif %}\n", encoding="utf-8")
    (tmp_path / "c").mkdir()
    cache = templating.BytecodeCache(str(tmp_path / "c"))
    trimmed = _env(jinja2.Environment, tmp_path, cache, trim_blocks=True, lstrip_blocks=True)
    loose = _env(jinja2.Environment, tmp_path, cache)
    assert trimmed.get_template("w.j2").render(x=1) == "  yes\n"
    assert loose.get_template("w.j2").render(x=1) == "\n  yes\n"


@pytest.mark.parametrize("obj, attr", [
    ("text", "upper"), ("text", "__class__"), ("text", "_private"), (str, "mro"), (len, "__self__"),
    (lambda: 0, "__globals__"), (lambda: 0, "__name__"), ((i for i in ()), "gi_frame"),
    ("text".upper, "__self__"), (Person(name="A"), "name"), (Person(name="A"), "titles"),
    (Person, "mro"), ([], "append"), ({}, "items"),
])
def test_the_sandbox_memo_gives_jinjas_verdict(obj, attr):
    memo, jinja = templating.Sandbox(), SandboxedEnvironment()
    value = getattr(obj, attr, None)
    for _ in range(2):  # first asked, then remembered
        assert memo.is_safe_attribute(obj, attr, value) == jinja.is_safe_attribute(obj, attr, value)
