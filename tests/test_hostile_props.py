"""Validates => renders, over issue 14's numeric and text edge values.

A file `drafter validate` accepts (checks and the fact audit included) renders in every
format; a file it refuses is refused with clean one-line messages. No third outcome: no
traceback, no raw control character in any output, no number printed other than as written.
"""
import os
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.errors import DrafterError
from drafter.pipeline import Options, render_file, validate_file

from conftest import EXAMPLES, MINIMAL

NUMBERS = ["0", "1", "017", "010", "0.125", "94.125", "1:30", "true", "false", "yes", "on", "0x1F", "1_000",
           "1e400", "123456789012345678901234567890", "999999999999999999", "99999999999999999",
           "0.0000000001", "0.00000000001", "-5", "1.5e+3", ".5", "2.619", "1e-5", "100.0", ".inf", ".nan",
           '"12"', "~", "12.50"]
TEXTS = ['"\\e[31mđỏ"', '"a\\u202eb"', '"Nguyễn\\u200bVăn"', '"\\ue000x"', '"~~~ mã"', '"&lt;b&gt; thẻ"',
         '"@byline Giả"', "Céng hoµ x· héi", '"a\\ufffeb"', '"x\\u0000y"', '"Nguye\\u0303n Văn"', '"😀 vui"',
         '"a|b*c_d [x](y)"', '"# tiêu đề"', '"- mục"', '"1. mục"', '"\\ttab  đôi"', '"<script>x</script>"',
         '"\\ud800"', '"\\x85dòng"', "yes", "017", '"   "', '"&amp;"', '"=== "', '"x" ', "null"]

NUMBER_FIELDS = ["results:\n  - items: [{{text: kết nạp, value: {v}, unit: đảng viên}}]\n",
                 "results:\n  - items: [{{text: đạt, value: {v}, unit: \"%\"}}]\n",
                 "members: {v}\n", "awards: [{{collectives: {v}}}]\n", "targets_met: {{value: {v}, total: 20}}\n"]
TEXT_FIELDS = ["venue: {t}\n", "headline: {t}\n", "chairs: [{t}]\n", "byline: {{authors: [{t}]}}\n",
               "results:\n  - items: [{{text: {t}}}]\n", "assessment: [{t}]\n"]

# Never in a document or a message. (U+202E is only warned about: a name is printed as written.)
_RAW_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000\ufffe]")


def _outcome(text: str) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "su-kien.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            validate_file(path, Options())
        except DrafterError as exc:
            assert exc.issues and all("\n" not in i.format() and not _RAW_CONTROL.search(i.format())
                                      for i in exc.issues), exc.format()
            return "refused"
        for fmt in ("txt", "md", "html", "docx"):
            data = render_file(path, Options(format=fmt)).data  # validates => renders
            if isinstance(data, str):
                assert not _RAW_CONTROL.search(data), (fmt, data)
        return "rendered"


@settings(max_examples=int(os.environ.get("DRAFTER_FUZZ", 120)), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(NUMBER_FIELDS), st.sampled_from(NUMBERS), st.sampled_from(TEXT_FIELDS),
       st.sampled_from(TEXTS))
def test_validates_implies_renders_on_edge_values(number_field, number, text_field, text):
    yaml = MINIMAL["hoi-nghi-tong-ket"] + number_field.format(v=number)
    if text_field.split(":")[0] not in number_field:  # one value per field
        yaml += text_field.format(t=text)
    _outcome(yaml)


def test_every_edge_value_alone():
    """Each edge value once in each field, deterministically (the property samples them)."""
    outcomes = {}
    for field in NUMBER_FIELDS:
        for value in NUMBERS:
            outcomes[(field, value)] = _outcome(MINIMAL["hoi-nghi-tong-ket"] + field.format(v=value))
    for field in TEXT_FIELDS:
        for value in TEXTS:
            outcomes[(field, value)] = _outcome(MINIMAL["hoi-nghi-tong-ket"] + field.format(t=value))
    count = NUMBER_FIELDS[0]
    assert outcomes[(count, "017")] == outcomes[(count, "0.125")] == "rendered"
    assert outcomes[(count, "true")] == outcomes[(count, "1e400")] == outcomes[(count, "1:30")] == "refused"
    assert outcomes[(TEXT_FIELDS[0], '"\\e[31mđỏ"')] == outcomes[(TEXT_FIELDS[0], '"\\ue000x"')] == "refused"
    assert outcomes[(TEXT_FIELDS[0], '"~~~ mã"')] == outcomes[(TEXT_FIELDS[0], '"&lt;b&gt; thẻ"')] == "rendered"


EDGE_FIGURES = ["0.125", "94.125", "0.0001", "1234.5678", "017", "999999999999999999", "12.50"]


def test_edge_figures_in_every_example_and_document(tmp_path):
    """Each example with its first figure replaced by an edge value: every document it has renders,
    and the figure is printed with all its digits (the fact audit finds it)."""
    from drafter.compose.filters import number
    from drafter.read.loader import load_text

    for source in sorted(EXAMPLES.glob("*.yaml")):
        text = source.read_text(encoding="utf-8")
        match = re.search(r"value: ([0-9.]+)", text)
        if not match:
            continue
        for value in EDGE_FIGURES:
            path = tmp_path / source.name
            path.write_text(text[:match.start(1)] + value + text[match.end(1):], encoding="utf-8")
            (tmp_path / "anh").mkdir(exist_ok=True)
            for image in (EXAMPLES / "anh").iterdir():
                (tmp_path / "anh" / image.name).write_bytes(image.read_bytes())
            written = load_text(f"v: {value}\n").data["v"]
            for doc in ("article", "report", "resolution"):
                try:
                    out = render_file(path, Options(doc=doc)).data
                except DrafterError as exc:
                    assert {i.code for i in exc.issues} <= {"doc_not_for_kind", "share_over_total",
                                                            "percent_over_100", "part_over_whole"}, exc.format("en")
                    continue
                assert number(written) in out, (source.name, value, doc)
