"""Every message shown in docs/ is produced by a test: the guide cannot promise a message drafter
no longer gives (issue 15, item 9).

A documented message is a line of a ```text block, or a `code` span, that starts with FILE.yaml
(or a template file) and a colon, or that contains the wording of one of drafter's messages.
Each must be a key of CASES (or a row of the tables in kiem-tra.md, whose inputs are in
bad_inputs.py), and running its case must print it: the whole line when it names a file, else
a line containing it ("…" in the docs stands for any text).
"""
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.compose import templating
from drafter.tools.cli import app
from drafter.messages import MESSAGES

from bad_inputs import BAD_FILES, CHECKS
from conftest import MINIMAL, ROOT
from test_legacy import to_tcvn3

runner = CliRunner()
DOCS = sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]
CONGRESS, REVIEW, YEAR_END = MINIMAL["dai-hoi"], MINIMAL["kiem-diem"], MINIMAL["hoi-nghi-tong-ket"]
VINH_LOC = "examples/vinh-loc-kiem-diem-2023.yaml"

SECTION_10 = """\
kind: kiem-diem
org:
  name: Đảng bộ xã Vĩnh Lộc
date: 11/12
time_of_da: sáng
year: 2024
session: hai mươi
"""
SECTION_11 = """\
kind: kiem-diem
org: {name: Đảng bộ xã Vĩnh Lộc}
date: 2023-12-11
year: 2023
chairs:
  - {name: Đào Văn Phi, titles: [Bí thư Đảng ủy xã]}
speech:
  speaker: Đào Văn Phí
results:
  - items:
      - {text: kiểm tra, value: 200, total: 255, unit: đảng viên}
      - {text: đạt, value: 118, unit: "%", after: kế hoạch}
ratings:
  - subject: đảng viên
    total: 39
    levels: {xuat-sac: 30, tot: 5}
"""


def office(line3: str, line4: str = "") -> dict:
    """An office template mau/kiem-diem/bai.j2 whose third line (and fourth) is the one shown."""
    return {"mau/kiem-diem/bai.j2": f"@headline Thử\n\n{line3}\n{line4}"}


RULES_BROKEN = {"mau/kiem-diem/bai.j2": "".join(f"{{% if event.year > {i} %}}Năm.{{% endif %}}\n" for i in range(16)),
                "mau/kiem-diem/tin.j2": "{% if event.year > 0 %}Năm.{% endif %}\n"}


def yaml_case(name, content, *args):
    return {"files": {name: content}, "args": ["validate", name, *args]}


def render_case(files, *args):
    return {"files": files, "args": ["render", VINH_LOC, "--templates", "mau", *args]}


# documented message -> how it is produced: files written in a scratch folder, then a command
CASES = {
    # huong-dan-yaml.md, section 2 (syntax)
    "tab.yaml:3:1: dùng phím Tab để thụt lề; YAML chỉ chấp nhận dấu cách":
        yaml_case("tab.yaml", "kind: dai-hoi\norg:\n\tname: X\n"),
    "nam.yaml:6:6: thiếu dấu cách sau dấu hai chấm: viết 'year: 2025'":
        yaml_case("nam.yaml", "kind: kiem-diem\norg: {name: Đảng bộ xã A}\ndate: 2025-12-22\n"
                  "chairs: [A]\n\nyear:2025\n"),
    "venue.yaml:5:6: thiếu dấu hai chấm sau tên trường 'venue': viết 'venue: hội trường Đảng ủy xã'":
        yaml_case("venue.yaml", REVIEW + "venue hội trường Đảng ủy xã\nchairs: [A]\n"),
    "thut-le.yaml:6:4: thụt lề sai: dòng này có 3 dấu cách ở đầu, phải thẳng hàng với trường cùng cấp ở trên "
    "(0, 2 hoặc 4 dấu cách)":
        yaml_case("thut-le.yaml", "kind: kiem-diem\norg:\n  name: Đảng bộ xã Vĩnh Lộc\n  place:\n"
                  "    kind: xã\n   name: Vĩnh Lộc\n"),
    "danh-sach.yaml:7:3: mục danh sách thiếu '- ' ở đầu như các mục trên: viết '- Bí thư các chi bộ trực thuộc'":
        yaml_case("danh-sach.yaml", REVIEW + "attendee_groups:\n  - các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy\n"
                  "  Bí thư các chi bộ trực thuộc\n"),
    "chi-tieu2.yaml:8:46: targets.items[0].đảng viên được học tập nghị quyết: "
    "'đảng viên được học tập nghị quyết' không phải tên trường: chữ có dấu phẩy trong {…} cần đặt trong dấu nháy":
        yaml_case("chi-tieu2.yaml", YEAR_END + "targets:\n  count: 1\n  items:\n"
                  "    - {value: 100, unit: \"%\", after: cán bộ, đảng viên được học tập nghị quyết}\n"),
    "phan-tram.yaml:6:30: giá trị không được bắt đầu bằng %: đặt trong dấu nháy, viết 'unit: \"%\"'":
        yaml_case("phan-tram.yaml", YEAR_END + "results:\n  - items: [{value: 5, unit: %}]\n"),
    "ma.yaml:6:3: report.issuer_code: cần chữ: đặt giá trị trong dấu nháy, ví dụ \"12:03\"":
        yaml_case("ma.yaml", YEAR_END + "report:\n  issuer_code: 017\n"),
    "cần một số, không phải true/false (yes, no…)": yaml_case("khen.yaml", YEAR_END + "awards: [{collectives: true}]\n"),
    "số quá lớn hoặc quá nhiều chữ số (tối đa 18 chữ số, 10 chữ số sau dấu chấm)":
        yaml_case("so-lieu.yaml", YEAR_END + "results:\n  - items: [{text: thu, value: 1e400, unit: đồng}]\n"),
    "ngay.yaml:3:1: date: thiếu năm: viết date: NNNN-12-22 (NNNN là năm)":
        yaml_case("ngay.yaml", REVIEW.replace("2025-12-22", "22/12")),
    "buổi ghi riêng ở time_of_day: sáng; …": yaml_case("a.yaml", REVIEW.replace("2025-12-22", "sáng 3/10")),
    "ds.yaml:5:19: cảnh báo: attendee_groups[0]: dấu phẩy trong […] tách thành các mục riêng: 'cán bộ'; 'công chức'; "
    "'đảng viên chưa tham gia học tập trực tuyến'; nếu là một mục, đặt cả mục trong dấu nháy \"…\" hoặc viết mỗi mục "
    "một dòng '- ' [list-split]":
        yaml_case("ds.yaml", REVIEW + "attendee_groups: [cán bộ, công chức, đảng viên chưa tham gia học tập trực tuyến]\n"),
    "…: cảnh báo: chairs[0].name: đã bỏ 'đồng chí' trước tên: tên là 'Đỗ Văn Thuần' (bài tự thêm cách gọi) "
    "[name-honorific]": yaml_case("a.yaml", REVIEW + "chairs:\n  - name: đồng chí Đỗ Văn Thuần\n"),
    "…: cảnh báo: chairs[0]: đã hiểu là họ tên 'Đỗ Văn Thuần', chức vụ 'Bí thư Chi bộ'; nên viết "
    "{name: Đỗ Văn Thuần, titles: [Bí thư Chi bộ]} [person-split]":
        yaml_case("a.yaml", REVIEW + "chairs:\n  - đồng chí Đỗ Văn Thuần - Bí thư Chi bộ\n"),
    "members: viết members: 1200 và members_bound: more (hơn)": yaml_case("a.yaml", REVIEW + "members: hơn 1200\n"),
    "ngay2.yaml:3:1: date: không có ngày 30/02/2025 (tháng 2 năm 2025 có 28 ngày)":
        yaml_case("ngay2.yaml", REVIEW.replace("2025-12-22", "2025-02-30")),
    "so.yaml:6:24: results[0].items[0].1: '1' không phải tên trường: số thập phân viết bằng dấu chấm (94.1), "
    "không dùng dấu phẩy":
        yaml_case("so.yaml", YEAR_END + "results:\n  - items: [{value: 94,1, unit: \"%\"}]\n"),
    "tong-ket.yaml:7:1: venue: trường 'venue' bị khai báo lại (lần đầu ở dòng 6)":
        yaml_case("tong-ket.yaml", YEAR_END + "chairs: [A]\nvenue: hội trường\nvenue: hội trường xã\n"),
    "tcvn3.yaml: tệp lưu bằng bảng mã tcvn3, không phải UTF-8; hãy lưu lại với bảng mã UTF-8 hoặc chạy với "
    "--from-encoding tcvn3":
        yaml_case("tcvn3.yaml", to_tcvn3("kind: kiem-diem\norg: {name: Đảng bộ xã Vĩnh Lộc}\n").encode("cp1252")),
    "tcvn3-dan.yaml: chữ trong tệp gõ bằng phông .VnTime (TCVN3) rồi dán vào; hãy chuyển mã sang Unicode "
    "(Unikey: Công cụ chuyển mã) hoặc chạy với --from-encoding tcvn3":
        yaml_case("tcvn3-dan.yaml", BAD_FILES["legacy-tcvn3-pasted"][0]),
    # sections 4-5: figures and awards
    "cần ít nhất text hoặc value":
        yaml_case("so-lieu.yaml", YEAR_END + "results:\n  - items: [{unit: đảng viên}]\n"),
    "có unit/total/also/of_which thì phải có value":
        yaml_case("so-lieu.yaml", YEAR_END + "results:\n  - items: [{text: kết nạp, unit: đảng viên}]\n"),
    "cần số tập thể hoặc số cá nhân được khen":
        yaml_case("khen.yaml", YEAR_END + "awards:\n  - {form: giấy khen}\n"),
    "anh.yaml:7:5: photos[0].file: không tìm thấy tệp ảnh 'anh/toan-canh.jpg' [image-path]":
        yaml_case("anh.yaml", YEAR_END + "photos:\n  - caption: Toàn cảnh hội nghị\n    file: anh/toan-canh.jpg\n"),
    # section 9: report defaults (validate --doc report)
    **{f"{VINH_LOC}:3:1: cảnh báo: report.{field}: {text} [report-default]":
       {"files": {}, "args": ["validate", VINH_LOC, "--doc", "report"]}
       for field, text in (("higher", "chưa khai báo cho văn bản, để trống cho văn phòng điền"),
                           ("number", "chưa khai báo cho văn bản, để trống cho văn phòng điền"),
                           ("signer", "chưa khai báo cho văn bản, đã dùng theo dữ liệu: Đào Văn Phi (Bí thư)"),
                           ("place", "chưa khai báo cho văn bản, đã dùng theo dữ liệu: Vĩnh Lộc"),
                           ("recipients", "chưa khai báo cho văn bản, đã dùng theo dữ liệu: Ban Thường vụ Huyện ủy; "
                                          "Lưu Văn phòng Đảng ủy"))},
    # section 10: reading messages
    "kiem-diem-2024.yaml:4:1: date: thiếu năm: viết date: NNNN-12-11 (NNNN là năm)":
        yaml_case("kiem-diem-2024.yaml", SECTION_10),
    "kiem-diem-2024.yaml:5:1: time_of_da: trường không có trong mẫu dữ liệu; có phải ý bạn là 'time_of_day'?":
        yaml_case("kiem-diem-2024.yaml", SECTION_10),
    "kiem-diem-2024.yaml:7:1: session: cần một số nguyên":
        yaml_case("kiem-diem-2024.yaml", SECTION_10),
    "kiem-diem-2024.yaml:4:1: date: the year is missing: write date: NNNN-12-11 (NNNN the year)":
        yaml_case("kiem-diem-2024.yaml", SECTION_10, "--lang", "en"),
    "org.name: chưa điền giá trị": yaml_case("a.yaml", REVIEW.replace("{name: Đảng bộ xã An Hòa}", "{name: }")),
    "date: thiếu trường bắt buộc": yaml_case("a.yaml", REVIEW.replace("date: 2025-12-22\n", "")),
    "trường không có trong mẫu dữ liệu; có phải ý bạn là '…'?": yaml_case("a.yaml", REVIEW + "venu: x\n"),
    "ratings[0].levels.kha: cần một trong các giá trị: xuat-sac, tot, hoan-thanh, khong-hoan-thanh":
        yaml_case("a.yaml", REVIEW + "ratings:\n  - {subject: chi bộ, levels: {kha: 1}}\n"),
    "thiếu dấu '}' đóng, hoặc chữ có dấu phẩy trong {…} chưa đặt trong dấu nháy":
        yaml_case("a.yaml", YEAR_END + "results:\n  - items: [{text: kết quả: tốt, value: 1}]\n"),
    "assessment[0]: cần một chuỗi chữ": yaml_case("a.yaml", REVIEW + "assessment:\n  - Kết quả nổi bật: tốt\n"),
    "kind: kind phải là một trong: dai-hoi, hoi-nghi-tong-ket, kiem-diem, so-ket, trao-huy-hieu, ket-nap, hoi-nghi-bch, quan-triet": yaml_case("a.yaml", "kind: hop\n"),
    "khong-co.yaml: không tìm thấy tệp": {"files": {}, "args": ["validate", "khong-co.yaml"]},
    # section 11: checks
    "chk.yaml:12:9: cảnh báo: results[0].items[1]: tỷ lệ trên 100% (118%): kiểm tra lại, hoặc ghi nhận nếu là "
    "% kế hoạch [percent-range]": yaml_case("chk.yaml", SECTION_11),
    "chk.yaml:8:3: cảnh báo: speech.speaker: 'Đào Văn Phí' không có trong danh sách chủ trì/khách mời/người trình "
    "bày; có phải ý bạn là 'Đào Văn Phi'? [person-unknown]": yaml_case("chk.yaml", SECTION_11),
    "chk.yaml:16:5: cảnh báo: ratings[0].levels: các mức xếp loại cộng lại được 35, khác tổng số 39 [ratings-sum]":
        yaml_case("chk.yaml", SECTION_11),
    "chk.yaml:11:9: results[0].items[0]: 260/255: số phần lớn hơn tổng [share-order]":
        yaml_case("chk.yaml", SECTION_11.replace("value: 200", "value: 260")),
    # drafter new / eject
    "tệp đã có, không ghi đè": {"files": {"moi.yaml": "x"}, "args": ["new", "dai-hoi", "-o", "moi.yaml"]},
    # kiem-thu-golden.md
    ".github/workflows/drafter.yml:1:1: kind: thiếu trường kind (dai-hoi, hoi-nghi-tong-ket, kiem-diem, so-ket, "
    "trao-huy-hieu, ket-nap, hoi-nghi-bch, quan-triet)":
        {"files": {".github/workflows/drafter.yml": "on: push\n"},
         "args": ["validate", ".github/workflows/drafter.yml"]},
    "…golden/ten.txt: chưa có tệp chuẩn (chạy với --update để tạo)":
        {"files": {"bai-viet/ten.yaml": REVIEW}, "args": ["golden", "bai-viet", "--format", "txt"]},
    "bai-viet/ten.golden: tệp chuẩn không còn tệp YAML tương ứng (--update để xóa)":
        {"files": {"bai-viet/ten.golden/ten.txt": "x"}, "args": ["golden", "bai-viet", "--format", "txt"]},
    "…: đã cập nhật tệp chuẩn":
        {"files": {"bai-viet/ten.yaml": REVIEW}, "args": ["golden", "bai-viet", "--format", "txt", "--update"]},
    "ten.yaml:1:1: date: thiếu trường bắt buộc":
        {"files": {"bai-viet/ten.yaml": REVIEW.replace("date: 2025-12-22\n", "")},
         "args": ["golden", "bai-viet", "--format", "txt"], "strip": "bai-viet/"},
    "2 tệp khác với tệp chuẩn:":
        {"files": {"bai-viet/ten.yaml": REVIEW, "bai-viet/ten.golden/ten.txt": "x\n", "bai-viet/ten.golden/ten.md": "x\n"},
         "args": ["golden", "bai-viet", "--format", "txt,md"]},
    "Cả … tệp chuẩn khớp với kết quả":
        {"files": {"bai-viet/ten.yaml": REVIEW}, "args": ["golden", "bai-viet", "--format", "txt,md"],
         "before": ["golden", "bai-viet", "--format", "txt,md", "--update"]},
    # sua-cau-chu.md: template errors, found by `templates check` or on rendering
    "mau/kiem-diem/bai.j2:3:1: mẫu dùng 'nmae' nhưng dữ liệu không có trường này; có phải ý bạn là 'name'?":
        {"files": office("{{ event.org.nmae }}"), "args": ["templates", "check", "mau"]},
    "mau/kiem-diem/bai.j2:3:1: lỗi cú pháp mẫu: No filter named 'date_lon'.":
        {"files": office("{{ event.year|date_lon }}"), "args": ["templates", "check", "mau"]},
    "mau/kiem-diem/bai.j2:3:1: mẫu dùng tên 'khoa' không được cung cấp":
        {"files": office("{{ khoa }}"), "args": ["templates", "check", "mau"]},
    "mau/kiem-diem/bai.j2:4:1: lỗi cú pháp mẫu: Encountered unknown tag 'endblock'. You probably made a nesting "
    "mistake. Jinja is expecting this tag, but currently looking for 'elif' or 'else' or 'endif'. …":
        {"files": {"mau/kiem-diem/bai.j2": '{% extends "kiem-diem/bai.j2" %}\n{% block lead %}\n'
                   "{% if event.venue %}Tại {{ event.venue }}\n{% endblock %}\n"},
         "args": ["templates", "check", "mau"]},
    # the template rules warn: 16 conditions in bai.j2, its first line copied in tin.j2
    "mau/kiem-diem/bai.j2:16:1: cảnh báo: mẫu có 16 điều kiện và vòng lặp (tối đa 15; từ đây là quá): viết mỗi câu "
    "một lần với m.sentence(...) và đưa phần dùng chung vào macro":
        {"files": RULES_BROKEN, "args": ["templates", "check", "mau"]},
    "mau/kiem-diem/tin.j2:1:1: cảnh báo: dòng có logic này đã có ở mau/kiem-diem/bai.j2:1: viết một lần trong một "
    "macro (hoặc một {% block %}) rồi gọi lại":
        {"files": RULES_BROKEN, "args": ["templates", "check", "mau"]},
    "mau/kiem-diem/bai.j2:3:1: cảnh báo: dòng trống sau thẻ này bị bỏ (Jinja bỏ dấu xuống dòng ngay sau thẻ {% … %}) "
    "nên hai đoạn có thể dính làm một: viết +%} ở cuối thẻ để giữ nó":
        {"files": office("{% if event.venue %}Tại {{ event.venue }}.{% endif %}", "\nHội nghị bế mạc."),
         "args": ["templates", "check", "mau"]},
    "mau/kiem-diem/bai.j2:3:1: mẫu in ra một giá trị trống (None): hãy đặt câu trong {% call m.sentence(…) %}":
        render_case(office("{{ event.venue }}")),
    "mau/kiem-diem/bai.j2:3:1: mẫu dùng chỉ thị lạ '@lede'; có phải ý bạn là '@lead'?": render_case(office("@lede Thử")),
    "mau/kiem-diem/bai.j2:3:1: lỗi khi áp dụng mẫu: access to attribute '__class__' of 'KiemDiem' object is unsafe.":
        render_case(office("{{ event.__class__ }}")),
    # the limit is 10 s; the case lowers it so the test stays fast (the message names the limit)
    "mau/kiem-diem/bai.j2:3:1: mẫu chạy quá 10.0 giây (vòng lặp không dừng?)":
        {**render_case(office("{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}")),
         "patch": ("TIME_LIMIT", 10.0), "time_limit": 0.3},
    "Đã ghi bai.docx": {"files": {}, "args": ["render", VINH_LOC, "--format", "docx", "-o", "bai.docx"]},
    "Đã tạo vinh-loc-2024.yaml (kiem-diem): điền các trường còn trống rồi chạy drafter validate vinh-loc-2024.yaml":
        {"files": {}, "args": ["new", "kiem-diem", "-o", "vinh-loc-2024.yaml"]},
    "Không có lỗi (1 tệp)": {"files": {}, "args": ["validate", VINH_LOC]},
    "Đã chép mẫu ra …: sửa tệp này, drafter sẽ dùng nó thay mẫu có sẵn":
        {"files": {}, "args": ["templates", "eject", "kiem-diem/bai"]},
    "Các mẫu không có lỗi (…)": {"files": {}, "args": ["templates", "check"]},
    # tu-ngu.md
    "mau/words.yaml:2:3: report.archiv: khóa không có trong words.yaml (có: type_code, on_behalf, issuer_code, "
    "higher_standing, cells, archive, archive_word, issuers, cells_and_bodies, vague_recipients); "
    "có phải ý bạn là 'archive'?":
        render_case({"mau/words.yaml": "report:\n  archiv:\n    body: Lưu VT\n"}, "--doc", "report"),
}


def documented() -> list[tuple[str, str]]:
    """(doc file, message) for every message shown in docs/, kiem-tra.md's tables left to their own test."""
    wording = [re.split(r"(?<!\{)\{(?!\{)", vi)[0].replace("{{", "{").replace("}}", "}").strip()
               for vi, _ in MESSAGES.values()]
    wording = [w for w in wording if len(w) >= 10]

    whole = [re.compile(".+".join(re.escape(part.replace("{{", "{").replace("}}", "}"))
                                  for part in re.split(r"(?<!\{)\{\w+(?::[^}]*)?\}(?!\})", vi)).replace("…", ".+"))
             for vi, _ in MESSAGES.values()]

    def is_message(text: str) -> bool:
        return bool(re.match(r"^[\w./…-]+\.(yaml|yml|j2|txt|golden)(:\d+:\d+)?: |^…: ", text)) or \
            any(w in text for w in wording) or any(p.fullmatch(text.replace("…", "x")) for p in whole)

    found = []
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        if path.name == "kiem-tra.md":
            text = text.split("## Kiểm tra số liệu")[0]  # the tables: test_kiem_tra_tables_are_real_output
        for block in re.findall(r"```text\n(.*?)```", text, re.S):
            found += [(path.name, line.strip()) for line in block.splitlines() if is_message(line.strip())]
        found += [(path.name, span) for span in re.findall(r"`([^`\n]+)`", text) if is_message(span)]
    return found


def test_every_documented_message_has_a_case():
    shown = {message for _, message in documented()}
    missing = sorted(shown - set(CASES))
    assert not missing, f"messages shown in docs/ without a case in CASES: {missing}"
    stale = sorted(set(CASES) - shown)
    assert not stale, f"CASES no longer shown in docs/: {stale}"


def produce(case: dict, tmp_path: Path, monkeypatch) -> list[str]:
    for name, content in case["files"].items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    if any(VINH_LOC in a for a in case["args"]):
        (tmp_path / "examples").mkdir(exist_ok=True)
        shutil.copy(ROOT / VINH_LOC, tmp_path / VINH_LOC)
    monkeypatch.chdir(tmp_path)
    for var in ("DRAFTER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    templating.environment.cache_clear()  # "mau" is a relative folder: another test's "mau" is cached
    if "time_limit" in case:
        monkeypatch.setattr(templating, "TIME_LIMIT", case["time_limit"])
    if "before" in case:
        runner.invoke(app, case["before"])
    result = runner.invoke(app, case["args"])
    lines = (result.stdout + result.stderr).splitlines()
    if "time_limit" in case:  # said with the real limit
        lines = [line.replace(f"{case['time_limit']} giây", f"{case['patch'][1]} giây") for line in lines]
    return [line.replace(case.get("strip", "\0"), "") for line in lines]


@pytest.mark.parametrize("message", sorted(m for m, c in CASES.items() if c is not None))
def test_documented_message_is_real_output(message, tmp_path, monkeypatch):
    lines = produce(CASES[message], tmp_path, monkeypatch)
    pattern = ".*".join(map(re.escape, message.split("…")))
    if re.match(r"^[\w./-]+\.(yaml|yml|j2)(:\d+:\d+)?: ", message):
        assert any(re.fullmatch(pattern, line) for line in lines), lines
    else:
        assert any(re.search(pattern, line) for line in lines), lines


def test_kiem_tra_tables_are_real_output(tmp_path, monkeypatch):
    """Each row's example message of docs/kiem-tra.md is what its bad_inputs.py case prints."""
    from test_checks import doc_rows

    monkeypatch.chdir(tmp_path)
    for var in ("DRAFTER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for check_id, _, message in doc_rows("Kiểm tra số liệu"):
        content, _ = CHECKS[check_id]
        Path("su-kien.yaml").write_text(content, encoding="utf-8")
        doc = ["--doc", "report"] if check_id == "report-default" else []
        out = runner.invoke(app, ["validate", "su-kien.yaml", *doc]).stderr
        shown = message.split("`")[0]  # the first message; notes and other examples may follow
        assert any(f": {shown} [{check_id}]" in line for line in out.splitlines()), (check_id, out)
    for name, code, message in doc_rows("Tệp đầu vào hỏng"):
        content, _ = BAD_FILES[name]
        target = Path("su-kien.yaml")
        target.write_bytes(content) if isinstance(content, bytes) else target.write_text(content, encoding="utf-8")
        out = runner.invoke(app, ["validate", "su-kien.yaml"]).stderr.strip()
        assert out == message, (name, out)
