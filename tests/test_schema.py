"""`drafter schema` is generated from the model, and every example validates against it."""
import datetime as dt
import json
import re

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from drafter.tools.cli import app

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
    result = runner.invoke(app, ["new", kind, "-o", str(target)])
    assert result.exit_code == 0
    assert result.stderr.startswith(f"Đã tạo {target} ({kind}): điền các trường còn trống")
    text = target.read_text(encoding="utf-8")
    assert f"\nkind: {kind}\n" in text and "# Họ và tên" in text
    result = runner.invoke(app, ["validate", str(target), "--lang", "en"])
    assert result.exit_code == 2
    fields = sorted(line.split(": ")[1] for line in result.stderr.strip().splitlines())
    required = {"dai-hoi": ["date", "org.name", "term"],
                "hoi-nghi-tong-ket": ["date", "org.name", "year"],
                "kiem-diem": ["date", "org.name", "year"]}[kind]
    assert fields == required
    assert all(line.endswith("no value given") for line in result.stderr.strip().splitlines())
    # Filled in with the examples it shows (the docs' spelling: term: 2025-2030), it validates.
    filled = re.sub(r"^(\s*\w+):\s+# ví dụ: (.+)$", r"\1: \2", text, flags=re.M)
    assert ("\nterm: 2025-2030\n" in filled) == (kind == "dai-hoi")
    target.write_text(filled, encoding="utf-8")
    assert runner.invoke(app, ["validate", str(target)]).exit_code == 0
    # `new` never overwrites.
    assert runner.invoke(app, ["new", kind, "-o", str(target)]).exit_code == 2
    assert target.read_text(encoding="utf-8") == filled


@pytest.mark.parametrize("kind", ["dai-hoi", "hoi-nghi-tong-ket", "kiem-diem"])
def test_new_puts_required_fields_first_and_full_offers_every_field(kind):
    from drafter.model import KINDS

    short = runner.invoke(app, ["new", kind]).stdout
    full = runner.invoke(app, ["new", kind, "--full"]).stdout
    # the required block ends before the first optional (commented) field
    required_part, optional_part = short.split("# ---- Không bắt buộc")
    for name, field in KINDS[kind].model_fields.items():
        if field.is_required():
            assert f"\n{name}:" in required_part, name
        else:
            assert f"\n# {name}:" in full, name  # every field in --full
            assert f"\n{name}:" not in short
    assert len(short.splitlines()) < len(full.splitlines()) / 3
    assert f"drafter new {kind} --full" in short
    yaml.safe_load(short), yaml.safe_load(full)  # both are valid YAML as written


def test_new_suggests_the_kind_meant():
    result = runner.invoke(app, ["new", "daihoi", "--lang", "vi"])
    assert result.exit_code == 2
    assert result.stderr.strip() == ("daihoi: kind phải là một trong: dai-hoi, hoi-nghi-tong-ket, kiem-diem, "
                                     "so-ket, trao-huy-hieu, ket-nap, hoi-nghi-bch, quan-triet; "
                                     "có phải ý bạn là 'dai-hoi'?")
