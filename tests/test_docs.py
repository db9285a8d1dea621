"""Every example in docs/ is rendered and compared: the editors' guide cannot drift from the code.

In docs/*.md an example is a ```jinja block followed by a ```text block with its result.
The template sees `event` and `persons` of examples/vinh-loc-kiem-diem-2023.yaml, and `d`,
a few ready values (dates, people, figures) for filter examples.
"""
import datetime as dt
import re
from decimal import Decimal

import pytest

from drafter.compose import filters
from drafter.read.loader import load_file
from drafter.model import Count, Figure, Person, Rating
from drafter.compose.templating import RenderState, environment
from drafter.model.validate import validate

from conftest import EXAMPLES, ROOT

DOCS = ROOT / "docs"
PAIR = re.compile(r"```jinja\n(.*?)\n```\s*\n(?:[^`\n]*\n\s*)?```text\n(.*?)\n```", re.S)


def sample_values():
    return {
        "ngay": dt.date(2026, 1, 7), "ngay2": dt.date(2025, 7, 18), "ngay3": dt.date(2020, 2, 10),
        "ngay4": dt.date(2020, 2, 11),
        "quang": Person(name="Bùi Văn Quang", titles=["Phó Bí thư Thường trực Tỉnh ủy",
                                                      "Bí thư Đảng ủy CCQ Đảng tỉnh"]),
        "huyen": Person(name="Nguyễn Thị Thanh Huyền", titles=["Ủy viên BTV Tỉnh ủy"]),
        "the_dang": Figure(text="đổi thẻ đảng viên cho", value=2619, unit="đồng chí"),
        "ty_le": Figure(value=Decimal("94.1"), unit="%", after="đảng viên hoàn thành tốt nhiệm vụ",
                        of_which=[Figure(value=Decimal("17.4"), unit="%", after="hoàn thành xuất sắc")]),
        "chi_tieu": Count(value=18, total=20, unit="chỉ tiêu"),
        "xep_loai": Rating(subject="chi bộ", levels={"xuat-sac": 2, "tot": 9}),
    }


def examples():
    found = []
    for path in sorted(DOCS.glob("*.md")):
        for template, expected in PAIR.findall(path.read_text(encoding="utf-8")):
            found.append(pytest.param(template, expected, id=f"{path.name}:{template[:40]}"))
    return found


@pytest.fixture(scope="module")
def context():
    event = validate(load_file(EXAMPLES / "vinh-loc-kiem-diem-2023.yaml"))
    return {"event": event, "persons": event.people(), "d": sample_values(),
            "_state": RenderState("docs", None)}


@pytest.mark.parametrize("template, expected", examples())
def test_doc_example_renders_as_written(context, template, expected):
    assert environment(()).from_string(template).render(context) == expected


def test_every_filter_has_a_documented_example():
    text = "\n".join(t for t, _ in PAIR.findall("\n".join(
        p.read_text(encoding="utf-8") for p in DOCS.glob("*.md"))))
    missing = [name for name in filters.FILTERS if not re.search(rf"\|\s*{name}\b", text)]
    assert not missing, f"filters without an example in docs/: {missing}"
