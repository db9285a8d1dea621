"""Issue 15, items 3-8: eject where drafter reads, validate --doc, HTML a portal takes,
PDF through LibreOffice, -o newdir/ creates the folder."""
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter import pipeline
from drafter.tools.cli import app

from conftest import EXAMPLES, MINIMAL

runner = CliRunner()
WITH_PHOTO = EXAMPLES / "an-phu-tong-ket-kinh-te-2025.yaml"  # has anh/an-phu-toan-canh.png
PUBLISHED = EXAMPLES / "phu-van-dai-hoi-2025.yaml"  # published 18/07/2025 12:03
needs_soffice = pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) not installed")


# ---- item 3: templates eject without --to ----------------------------------------------------


def test_eject_without_to_creates_the_office_folder_drafter_reads(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["templates", "eject", "kiem-diem/bai"])
    assert result.exit_code == 0, result.output
    target = Path("mau-van-phong") / "kiem-diem" / "bai.j2"
    assert result.stderr.splitlines() == [
        f"Đã tạo {tmp_path.resolve() / 'drafter.toml'} (thư mục mẫu của cơ quan: mau-van-phong)",
        f"Đã chép mẫu ra {(tmp_path / target).resolve()}: sửa tệp này, drafter sẽ dùng nó thay mẫu có sẵn"]
    assert "mau-van-phong" in Path("drafter.toml").read_text(encoding="utf-8")
    # what was ejected is what drafter now reads: edit it, and the next render shows the edit
    target.write_text("@headline Bài của văn phòng\n", encoding="utf-8")
    shutil.copy(EXAMPLES / "vinh-loc-kiem-diem-2023.yaml", tmp_path / "su-kien.yaml")
    assert runner.invoke(app, ["render", "su-kien.yaml"]).stdout == "Bài của văn phòng\n"


def test_eject_without_to_uses_the_folder_drafter_toml_names(tmp_path, monkeypatch):
    (tmp_path / "mau").mkdir()
    (tmp_path / "drafter.toml").write_text('[templates]\ndirs = ["mau"]\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    result = runner.invoke(app, ["templates", "eject", "dai-hoi/tin.j2"])
    assert result.exit_code == 0
    assert (tmp_path / "mau" / "dai-hoi" / "tin.j2").is_file()
    assert not (tmp_path / "sub" / "drafter.toml").exists()
    assert result.stderr.strip() == (f"Đã chép mẫu ra {tmp_path.resolve() / 'mau' / 'dai-hoi' / 'tin.j2'}: "
                                     "sửa tệp này, drafter sẽ dùng nó thay mẫu có sẵn")


# ---- item 5: validate --doc ------------------------------------------------------------------


def test_validate_doc_report_warns_with_place_and_the_default_used():
    file = EXAMPLES / "vinh-loc-kiem-diem-2023.yaml"
    result = runner.invoke(app, ["validate", str(file), "--doc", "report"])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"{file}:3:1: cảnh báo: report.signer: chưa khai báo cho văn bản, đã dùng theo dữ liệu: Đào Văn Phi (Bí thư) "
        "[report-default]",
        f"{file}:3:1: cảnh báo: report.higher: chưa khai báo cho văn bản, để trống cho văn phòng điền [report-default]",
        f"{file}:3:1: cảnh báo: report.number: chưa khai báo cho văn bản, để trống cho văn phòng điền [report-default]",
        f"{file}:3:1: cảnh báo: report.place: chưa khai báo cho văn bản, đã dùng theo dữ liệu: Vĩnh Lộc [report-default]",
        f"{file}:3:1: cảnh báo: report.recipients: chưa khai báo cho văn bản, đã dùng theo dữ liệu: Ban Thường vụ "
        "Huyện ủy; Lưu Văn phòng Đảng ủy [report-default]",
        "Không có lỗi (1 tệp)"]
    strict = runner.invoke(app, ["validate", str(file), "--doc", "report", "--strict"])
    assert strict.exit_code == 2
    plain = runner.invoke(app, ["validate", str(file)])
    assert "report-default" not in plain.stderr


def test_report_default_points_at_the_report_field_when_there_is_one(write):
    path = write(MINIMAL["dai-hoi"] + "report:\n  place: Thôn 3\n")
    result = runner.invoke(app, ["validate", str(path), "--doc", "report", "--lang", "en"])
    lines = [l for l in result.stderr.splitlines() if "report.number" in l]
    assert lines == [f"{path}:6:1: warning: report.number: not given for the document; left blank for the office "
                     "to fill in [report-default]"]
    assert "report.place" not in result.stderr


def test_doc_choices_come_from_the_pipeline(monkeypatch, write):
    path = write(MINIMAL["dai-hoi"])
    result = runner.invoke(app, ["validate", str(path), "--doc", "reprot"])
    assert result.exit_code == 2
    assert result.stderr.strip() == ("--doc: cần một trong các giá trị: article, report, resolution; "
                                     "có phải ý bạn là 'report'?")
    assert runner.invoke(app, ["validate", str(path), "--doc", "resolution"]).exit_code == 0  # issue 13's
    # a document the pipeline learns is accepted without touching the CLI
    monkeypatch.setitem(pipeline.DEFAULT_STYLE, "minutes", "bao-cao")
    assert runner.invoke(app, ["validate", str(path), "--doc", "minutes"]).exit_code == 0
    assert "article, report, resolution, minutes" in runner.invoke(app, ["validate", str(path), "--doc", "x"]).stderr


# ---- item 6: HTML a portal can take ----------------------------------------------------------


class _Tags(HTMLParser):
    VOID = {"meta", "img", "hr", "br", "link"}

    def __init__(self):
        super().__init__()
        self.open, self.seen, self.problems = [], [], []

    def handle_starttag(self, tag, attrs):
        self.seen.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open.pop() != tag:
            self.problems.append(tag)


def parse(text):
    tags = _Tags()
    tags.feed(text)
    assert not tags.problems and not tags.open, (tags.problems, tags.open)
    return tags.seen


def test_html_is_a_standalone_page_that_phones_and_printers_take(tmp_path):
    out = tmp_path / "web" / "bai.html"
    result = runner.invoke(app, ["render", str(WITH_PHOTO), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    tags = parse(page)
    assert ("html", {"lang": "vi"}) in tags
    assert ("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}) in tags
    assert "<style>" in page and "@media print" in page and ".drafter-article .byline{text-align:right}" in page
    # the caption under its image, in one figure
    figure = page[page.index("<figure>"):page.index("</figure>")]
    assert figure.index("<img") < figure.index("<figcaption>")
    # the picture is copied beside the page, under the name the page links to
    assert ('img', {'src': 'anh/an-phu-toan-canh.png',
                    'alt': 'Toàn cảnh hội nghị tổng kết năm 2025 của Đảng bộ xã An Phú.'}) in tags
    assert (out.parent / "anh" / "an-phu-toan-canh.png").read_bytes() == \
        (EXAMPLES / "anh" / "an-phu-toan-canh.png").read_bytes()


def test_html_time_carries_its_datetime():
    page = runner.invoke(app, ["render", str(PUBLISHED), "--format", "html"]).stdout
    assert '<p class="meta"><time datetime="2025-07-18T12:03">Thứ sáu - 18/07/2025 12:03</time></p>' in page


def test_html_embed_puts_the_image_in_the_page(tmp_path):
    out = tmp_path / "bai.html"
    result = runner.invoke(app, ["render", str(WITH_PHOTO), "--format", "html", "--embed", "-o", str(out)])
    assert result.exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert '<img src="data:image/png;base64,iVBORw0KGgo' in page
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bai.html"]


def test_html_fragment_pastes_into_a_portal_editor():
    fragment = runner.invoke(app, ["render", str(WITH_PHOTO), "--format", "html", "--fragment"]).stdout
    assert fragment.startswith('<article class="drafter-article">') and fragment.endswith("</article>\n")
    assert "<html" not in fragment and "<style" not in fragment
    parse(fragment)
    # what the page's style sheet did, inline (an editor keeps text-align)
    assert '<p class="byline" style="text-align:right"><strong>Tin, ảnh: Minh Khoa</strong></p>' in fragment
    assert '<figure style="text-align:center">' in fragment


def test_html_refuses_to_overwrite_a_different_image(tmp_path):
    (tmp_path / "anh").mkdir()
    (tmp_path / "anh" / "an-phu-toan-canh.png").write_bytes(b"another picture")
    out = tmp_path / "bai.html"
    result = runner.invoke(app, ["render", str(WITH_PHOTO), "--format", "html", "-o", str(out)])
    assert result.exit_code == 2 and "không ghi đè" in result.stderr
    assert (tmp_path / "anh" / "an-phu-toan-canh.png").read_bytes() == b"another picture"
    assert not out.exists()


# ---- item 7: PDF -----------------------------------------------------------------------------


@needs_soffice
def test_pdf_through_libreoffice_same_bytes_each_time(tmp_path):
    from drafter.writers.pdf import docx_to_pdf

    out = tmp_path / "bao-cao.pdf"
    result = runner.invoke(app, ["render", str(PUBLISHED), "--format", "pdf", "--doc", "report", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    # the reusable function, on the DOCX bytes, in another LibreOffice run: the very same bytes
    docx = pipeline.render_file(PUBLISHED, pipeline.Options(format="docx", doc="report")).data
    assert docx_to_pdf(docx) == data
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
        assert "BÁO CÁO" in text and "ĐẢNG CỘNG SẢN VIỆT NAM" in text


@needs_soffice
def test_a_batch_converts_through_one_libreoffice_process(tmp_path, monkeypatch):
    from drafter.writers import pdf

    calls = []
    real = subprocess.run

    def counting(command, *args, **kwargs):
        calls.append(command)
        return real(command, *args, **kwargs)

    monkeypatch.setattr(pdf.subprocess, "run", counting)
    out = tmp_path / "out"
    # the top-level examples: examples/genre/ would only make the batch longer
    shutil.copytree(EXAMPLES, tmp_path / "in", ignore=shutil.ignore_patterns("*.golden", "genre"))
    result = runner.invoke(app, ["render", str(tmp_path / "in"), "-o", str(out), "--format", "pdf,txt", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    pdfs = sorted(p.name for p in out.glob("*.pdf"))
    assert len(pdfs) == len(list(EXAMPLES.glob("*.yaml"))) == 7
    assert len(calls) == 1 and sum(arg.endswith(".docx") for arg in calls[0]) == 7
    assert all(arg.startswith("-env:UserInstallation=file://") for arg in calls[0][1:2])
    assert all((out / name).read_bytes().startswith(b"%PDF-") for name in pdfs)


def test_pdf_without_libreoffice_names_the_package(tmp_path, monkeypatch):
    from drafter.writers import pdf

    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    out = tmp_path / "bai.pdf"
    result = runner.invoke(app, ["render", str(PUBLISHED), "--format", "pdf", "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.strip().startswith("--format: định dạng pdf cần LibreOffice mà máy này chưa cài: "
                                            "cài gói libreoffice-writer (sudo apt install libreoffice-writer)")
    assert not out.exists()
    result = runner.invoke(app, ["render", str(PUBLISHED), "--format", "pdf", "-o", str(out), "--lang", "en"])
    assert "install the package libreoffice-writer" in result.stderr


# ---- item 8: -o newdir/ ----------------------------------------------------------------------


def test_output_with_a_trailing_slash_creates_the_folder(tmp_path):
    folder = tmp_path / "ket-qua"
    result = runner.invoke(app, ["render", str(PUBLISHED), "-o", f"{folder}/", "--format", "docx"])
    assert result.exit_code == 0, result.output
    assert folder.is_dir() and sorted(p.name for p in folder.iterdir()) == ["phu-van-dai-hoi-2025.docx"]
    assert not (tmp_path / "ket-qua.docx").exists()
