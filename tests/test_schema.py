"""`drafter schema` is generated from the model, and every example validates against it."""
import datetime as dt
import json

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from drafter.cli import app

from conftest import EXAMPLES, ROOT

runner = CliRunner()


def as_json(value):
    """YAML dates are strings to an editor's JSON Schema tooling."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value


@pytest.fixture(scope="module")
def schema():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    return json.loads(result.stdout)


def shape(schema):
    """What the model decides (models, fields, required fields, descriptions, allowed values),
    not how a pydantic version spells types: the committed file must match it."""
    def fields(definition):
        return {name: (prop.get("description"), json.dumps(prop.get("enum") or prop.get("const")))
                for name, prop in definition.get("properties", {}).items()}
    return {name: (sorted(d.get("required", [])), fields(d)) for name, d in schema["$defs"].items()}


def test_committed_schema_file_is_current(schema):
    committed = json.loads((ROOT / "schema" / "drafter.schema.json").read_text(encoding="utf-8"))
    assert shape(committed) == shape(schema), "run: drafter schema > schema/drafter.schema.json"


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_examples_validate_against_the_schema(schema, example):
    text = example.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/drafter.schema.json\n")
    jsonschema.Draft202012Validator(schema).validate(as_json(yaml.safe_load(text)))


def test_schema_rejects_what_the_model_rejects(schema):
    validator = jsonschema.Draft202012Validator(schema)
    good = {"kind": "dai-hoi", "org": {"name": "Chi bộ A"}, "date": "2025-01-01", "ordinal": 1,
            "term": "2025-2027"}
    validator.validate(good)
    for bad in ({**good, "bogus": 1}, {**good, "kind": "hoi-thao"}, {**good, "org": {"nam": "x"}},
                {k: v for k, v in good.items() if k != "term"}):
        assert not validator.is_valid(bad), bad


def test_schema_describes_fields_in_vietnamese(schema):
    text = json.dumps(schema, ensure_ascii=False)
    assert "Họ và tên" in text and "Số đảng viên" in text


@pytest.mark.parametrize("kind", ["dai-hoi", "hoi-nghi-tong-ket", "kiem-diem"])
def test_new_skeleton_asks_for_exactly_the_required_fields(kind, tmp_path):
    target = tmp_path / "moi.yaml"
    assert runner.invoke(app, ["new", kind, "-o", str(target)]).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert f"\nkind: {kind}\n" in text and "# Họ và tên" in text
    result = runner.invoke(app, ["validate", str(target), "--lang", "en"])
    assert result.exit_code == 2
    fields = sorted(line.split(": ")[1] for line in result.stderr.strip().splitlines())
    required = {"dai-hoi": ["date", "org.name", "term.end", "term.start"],
                "hoi-nghi-tong-ket": ["date", "org.name", "year"],
                "kiem-diem": ["date", "org.name", "year"]}[kind]
    assert fields == required
    assert all(line.endswith("no value given") for line in result.stderr.strip().splitlines())
    # Filled in, it validates; and `new` never overwrites.
    filled = (text.replace("\n  name:\n", "\n  name: Chi bộ A\n", 1).replace("\ndate:\n", "\ndate: 2025-03-01\n")
              .replace("\nordinal:\n", "\nordinal: 3\n").replace("\nyear:\n", "\nyear: 2025\n")
              .replace("\n  start:\n", "\n  start: 2025\n").replace("\n  end:\n", "\n  end: 2027\n"))
    target.write_text(filled, encoding="utf-8")
    assert runner.invoke(app, ["validate", str(target)]).exit_code == 0
    assert runner.invoke(app, ["new", kind, "-o", str(target)]).exit_code == 2
    assert target.read_text(encoding="utf-8") == filled
