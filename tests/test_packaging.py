"""What a non-editable install ships: every package of the source tree, the templates and data."""
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_listed_for_the_wheel():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    source = {".".join(d.relative_to(ROOT).parts) for d in (ROOT / "drafter").rglob("*")
              if d.is_dir() and (d / "__init__.py").is_file()} | {"drafter"}
    assert set(config["packages"]) == source | {"drafter.templates"}
    assert set(config["package-data"]) <= set(config["packages"])
