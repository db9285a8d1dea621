"""Issue 15, item 1: the usual hand-typing mistakes get their real line and column, in Vietnamese,
with the fix; impossible dates say the day does not exist; 2025-7-18 is read as a date."""
import datetime as dt

import pytest
from typer.testing import CliRunner

from drafter.tools.cli import app
from drafter.read.loader import load_text

from conftest import MINIMAL

runner = CliRunner()
CONGRESS = MINIMAL["dai-hoi"]  # five lines
YEAR_END = MINIMAL["hoi-nghi-tong-ket"]

CASES = {
    "missing colon": (CONGRESS + "venue hội trường\nchairs: [A]\n", "6:6",
                      "thiếu dấu hai chấm sau tên trường 'venue': viết 'venue: hội trường'"),
    "no space after colon": (CONGRESS + "chairs:[A]\nvenue: x\n", "6:8",
                             "thiếu dấu cách sau dấu hai chấm: viết 'chairs: [A]'"),
    "no space, last line": ("kind: dai-hoi\nyear:2025\n", "2:6", "thiếu dấu cách sau dấu hai chấm: viết 'year: 2025'"),
    "percent unquoted": (YEAR_END + "results:\n  - items:\n      - value: 5\n        unit: %\n", "8:15",
                         "giá trị không được bắt đầu bằng %: đặt trong dấu nháy, viết 'unit: \"%\"'"),
    "percent in braces": (YEAR_END + "results:\n  - items: [{value: 5, unit: %}]\n", "6:30",
                          "giá trị không được bắt đầu bằng %: đặt trong dấu nháy, viết 'unit: \"%\"'"),
    "indent one short": ("kind: dai-hoi\norg:\n  name: X\n  place:\n    kind: xã\n   name: Y\n", "6:4",
                         "thụt lề sai: dòng này có 3 dấu cách ở đầu, phải thẳng hàng với trường cùng cấp ở trên "
                         "(0, 2 hoặc 4 dấu cách)"),
    "list item without dash": (CONGRESS + "attendee_groups:\n  - các đồng chí A\n  các đồng chí B\n", "8:3",
                               "mục danh sách thiếu '- ' ở đầu như các mục trên: viết '- các đồng chí B'"),
    "item of mappings without dash": (CONGRESS + "chairs:\n  - name: A\n    titles: [x]\n  name: B\n", "9:3",
                                      "mục danh sách thiếu '- ' ở đầu như các mục trên: viết '- name: B'"),
    "field of an item one short": (CONGRESS + "chairs:\n  - name: A\n  - name: B\n   titles: [x]\n", "9:4",
                                   "thụt lề sai: dòng này có 3 dấu cách ở đầu, phải thẳng hàng với trường cùng cấp ở "
                                   "trên (0, 2 hoặc 4 dấu cách)"),
    "indented after a value": (CONGRESS + "venue: x\n  chairs: [A]\n", "7:3",
                               "thụt lề sai: dòng này có 2 dấu cách ở đầu, phải thẳng hàng với trường cùng cấp ở trên "
                               "(0 dấu cách)"),
    "text after a quote": (CONGRESS + "venue: \"Hội trường\" tầng 2\n", "6:21",
                           "có chữ sau dấu nháy đóng: muốn giữ dấu nháy trong câu thì bọc cả câu bằng dấu nháy đơn, "
                           "viết venue: '\"Hội trường\" tầng 2' (hoặc dùng ngoặc kép cong “…” trong câu)"),
    "quote not closed": (CONGRESS + "venue: \"Hội trường\nchairs: [A]\n", "6:8",
                         "thiếu dấu nháy đóng: dấu nháy mở ở đây chưa được đóng, thêm dấu nháy ở cuối giá trị"),
    "impossible date": (CONGRESS.replace("2025-05-20", "2025-02-30"), "3:1",
                        "date: không có ngày 30/02/2025 (tháng 2 năm 2025 có 28 ngày)"),
    "no such month": (CONGRESS.replace("2025-05-20", "2025-13-01"), "3:1",
                      "date: không có tháng 13: ngày viết năm-tháng-ngày, ví dụ 2026-01-07"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_mistake_is_explained_at_its_line(write, name):
    content, where, message = CASES[name]
    path = write(content)
    result = runner.invoke(app, ["validate", str(path), "--lang", "vi"])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{path}:{where}: {message}"


@pytest.mark.parametrize("name", sorted(CASES))
def test_mistake_in_english_has_no_vietnamese_left(write, name):
    content, where, _ = CASES[name]
    path = write(content)
    result = runner.invoke(app, ["validate", str(path), "--lang", "en"])
    line = result.stderr.strip()
    assert result.exit_code == 2 and line.startswith(f"{path}:{where}: ")
    assert not any(word in line for word in ("dấu", "thiếu", "ngày", "tháng"))


def test_unpadded_date_is_read_as_a_date(write):
    assert load_text(CONGRESS.replace("2025-05-20", "2025-7-18")).data["date"] == dt.date(2025, 7, 18)
    result = runner.invoke(app, ["render", str(write(CONGRESS.replace("2025-05-20", "2025-7-8")))])
    assert result.exit_code == 0 and "Ngày 8/7" in result.stdout


def test_quoted_short_date_in_text_stays_text():
    assert load_text("kind: dai-hoi\nvenue: \"2025-7-18\"\n").data["venue"] == "2025-7-18"
