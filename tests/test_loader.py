"""Bad input gives one clear line with FILE:LINE:COL and the field; good input loads as NFC."""
import codecs
import unicodedata

import pytest

from drafter.errors import DrafterError
from drafter.read.loader import load_file
from drafter.model.validate import validate

from conftest import MINIMAL


def problems(path, lang="en"):
    with pytest.raises(DrafterError) as info:
        validate(load_file(path))
    return [i.format(lang) for i in info.value.issues]


def test_minimal_files_of_each_kind_validate(write):
    for kind, text in MINIMAL.items():
        event = validate(load_file(write(text, f"{kind}.yaml")))
        assert event.kind == kind


def test_yaml_syntax_error_has_line_and_column(write):
    path = write("kind: dai-hoi\norg: {name: X\ndate: 2025-01-01\n")
    [line] = problems(path)
    assert line.startswith(f"{path}:3:")
    assert "a '}' is missing, or text with commas inside {…} is not quoted" in line


def test_tab_indentation(write):
    path = write("kind: dai-hoi\norg:\n\tname: X\n")
    [line] = problems(path)
    assert f"{path}:3:1:" in line and "tab" in line


def test_duplicate_key_is_an_error_not_silently_the_last(write):
    path = write(MINIMAL["dai-hoi"] + "ordinal: 13\n")
    [line] = problems(path)
    assert line == f"{path}:6:1: ordinal: duplicate field 'ordinal' (first at line 4)"


def test_nested_duplicate_key(write):
    path = write("kind: dai-hoi\norg:\n  name: A\n  name: B\n")
    [line] = problems(path)
    assert line.startswith(f"{path}:4:3: org.name: duplicate field 'name'")


def test_unknown_key_suggests_the_right_one(write):
    path = write(MINIMAL["dai-hoi"] + "guests:\n  - name: A\n    titels: [Bí thư]\n")
    [line] = problems(path)
    assert line == f"{path}:8:5: guests[0].titels: unknown field; did you mean 'titles'?"


def test_unknown_key_in_vietnamese(write):
    path = write(MINIMAL["dai-hoi"] + "ordnal: 3\n")
    [line] = problems(path, "vi")
    assert line == f"{path}:6:1: ordnal: trường không có trong mẫu dữ liệu; có phải ý bạn là 'ordinal'?"


def test_wrong_type(write):
    path = write(MINIMAL["dai-hoi"] + "delegates: nhiều\n")
    [line] = problems(path)
    assert line == f"{path}:6:1: delegates: expected a whole number"


def test_ordinal_in_words_says_to_write_a_number(write):
    path = write(MINIMAL["dai-hoi"].replace("ordinal: 12", "ordinal: mười hai"))
    [line] = problems(path)
    assert line == f"{path}:4:1: ordinal: write a number: ordinal: 15 or XV (the article prints lần thứ XV)"


def test_missing_required_field(write):
    path = write(MINIMAL["dai-hoi"].replace("term: 2025-2027\n", ""))
    [line] = problems(path)
    assert line == f"{path}:1:1: term: required field missing"


def test_missing_nested_field_points_at_parent(write):
    path = write(MINIMAL["dai-hoi"] + "guests:\n  - titles: [Bí thư]\n")
    [line] = problems(path)
    assert line == f"{path}:7:5: guests[0].name: required field missing"


def test_impossible_date(write):
    path = write(MINIMAL["dai-hoi"].replace("2025-05-20", "2025-02-30"))
    [line] = problems(path)
    assert line == f"{path}:3:1: date: 2025-02-30 does not exist (month 2 of 2025 has 28 days)"


def test_every_error_reported_at_once(write):
    path = write("kind: dai-hoi\norg: {nam: X}\ndate: nay\nordinal: -1\nterm: 2030-2025\n")
    lines = problems(path)
    assert len(lines) == 5, lines
    assert [l.split(":")[1] for l in lines] == ["2", "2", "3", "4", "5"]


def test_unknown_kind_lists_the_kinds(write):
    [line] = problems(write("kind: hoi-thao\n"))
    assert "kind must be one of: dai-hoi, hoi-nghi-tong-ket, kiem-diem" in line


def test_empty_and_non_mapping_files(write):
    assert "empty file" in problems(write(""))[0]
    assert "empty file" in problems(write("# only a comment\n"))[0]
    assert "mapping" in problems(write("- a\n- b\n", "list.yaml"))[0]
    assert "mapping" in problems(write("just text\n", "text.yaml"))[0]


def test_billion_laughs_is_refused(write):
    lol = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 9):
        prev, name = chr(96 + i), chr(97 + i)
        lol.append(f"{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]")
    [line] = problems(write("kind: dai-hoi\n" + "\n".join(lol) + "\n"))
    assert "too complex" in line


def test_binary_and_wrong_encoding(write):
    assert "not a text file" in problems(write(b"kind: \x00\x01\x02"))[0]
    latin = "kind: dai-hoi\norg: {name: Đảng bộ}\n".encode("utf-8").replace(b"\xc4\x90", b"\xd0")
    assert "not UTF-8" in problems(write(latin))[0]


def test_bom_and_utf16_are_read(write):
    text = MINIMAL["hoi-nghi-tong-ket"]
    assert validate(load_file(write(codecs.BOM_UTF8 + text.encode("utf-8"), "bom.yaml"))).year == 2025
    assert validate(load_file(write(text.encode("utf-16"), "utf16.yaml"))).year == 2025


def test_decomposed_unicode_becomes_nfc(write):
    nfd = unicodedata.normalize("NFD", MINIMAL["hoi-nghi-tong-ket"])
    assert nfd != MINIMAL["hoi-nghi-tong-ket"]
    event = validate(load_file(write(nfd)))
    assert event.org.name == "Đảng bộ xã An Hòa"
    assert unicodedata.is_normalized("NFC", event.org.name)


def test_missing_file(tmp_path):
    with pytest.raises(DrafterError) as info:
        load_file(tmp_path / "nope.yaml")
    assert info.value.issues[0].format("en").endswith("file not found")


def test_term_forms(write):
    ok = validate(load_file(write(MINIMAL["dai-hoi"].replace("2025-2027", "2025 – 2030"))))
    assert str(ok.term) == "2025-2030"
    [line] = problems(write(MINIMAL["dai-hoi"].replace("2025-2027", "năm 2025")))
    assert "term: term must look like 2025-2030" in line
