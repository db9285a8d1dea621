"""The document model: built once per event and document kind, parts found by kind, no empty
section, numbering by the writers, photos and tables as blocks, and golden and batch writing
every format from one document."""
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from drafter.tools import batch, golden
from drafter.compose import templating
from drafter.compose.blocks import Block, Photo, Table, parse
from drafter.tools.cli import app
from drafter.compose.document import Header, PartRepeated, Section, Signature, build
from drafter.pipeline import Options, draft_file, render_file
from drafter.writers import WRITERS, DocxOptions, HtmlOptions
from drafter.writers.docx import write_docx
from drafter.writers.docx.readback import dump

from conftest import EXAMPLES, MINIMAL

CONGRESS = EXAMPLES / "vp-ubnd-tinh-dai-hoi-2020.yaml"

HEADER = [Block("org-higher", "ĐẢNG BỘ HUYỆN A"), Block("org-issuer", "ĐẢNG ỦY XÃ B"),
          Block("doc-number", "Số 01-BC/ĐU"), Block("party-name", "ĐẢNG CỘNG SẢN VIỆT NAM"),
          Block("place-date", "B, ngày 07 tháng 01 năm 2026")]
SIGNATURE = [Block("sign-for", "T/M ĐẢNG ỦY"), Block("sign-role", "BÍ THƯ"), Block("sign-name", "Nguyễn Văn An"),
             Block("recipients", "Nơi nhận:"), Block("recipient", "- Huyện ủy,"), Block("recipient", "- Lưu.")]
BODY = [Block("title", "BÁO CÁO"), Block("subtitle", "kết quả năm 2025"), Block("rule"),
        Block("heading", "KẾT QUẢ", 1), Block("p", "Một."),
        Block("heading", "Kinh tế", 2), Block("p", "Hai."),
        Block("heading", "Nông nghiệp", 3), Block("p", "Ba."),
        Block("heading", "Văn hóa", 2), Block("p", "Bốn."),
        Block("heading", "PHƯƠNG HƯỚNG", 1), Block("heading", "Kinh tế", 2), Block("p", "Năm.")]


def report(body=BODY, header=HEADER, signature=SIGNATURE, doc="report"):
    return build(header + body + signature, doc, title="BÁO CÁO")


# An empty section cannot exist

def test_a_section_without_content_cannot_be_made():
    with pytest.raises(ValueError):
        Section(1, "TRỐNG", ())


def test_a_heading_with_nothing_under_it_is_left_out_with_its_empty_subsections():
    body = [Block("heading", "TRỐNG", 1), Block("heading", "cũng trống", 2),
            Block("heading", "CÓ", 1), Block("heading", "con", 2), Block("p", "Nội dung.")]
    document = report(body)
    assert [s.heading for s in document.body] == ["CÓ"]
    assert document.body[0].content == (Section(2, "con", (Block("p", "Nội dung."),)),)
    assert "TRỐNG" not in WRITERS["txt"].write(document)


def test_an_empty_section_of_a_rendered_report_never_reaches_a_writer(tmp_path, monkeypatch):
    written = []  # the headings the template wrote
    real = templating.render

    def spy(*args, **kwargs):
        markup, state = real(*args, **kwargs)
        written.extend(b.text for b in parse(markup, state.objects) if b.kind == "heading")
        return markup, state

    monkeypatch.setattr(templating, "render", spy)
    # the minimal congress has no results and no programme: their headings have nothing under them
    # (the closing "Trên đây là báo cáo …" belongs to no section)
    source = tmp_path / "dai-hoi.yaml"
    source.write_text(MINIMAL["dai-hoi"], encoding="utf-8")
    document, _ = draft_file(source, Options(doc="report"))
    kept = [s.heading for s in document.body if isinstance(s, Section)]
    assert "KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT NHIỆM KỲ QUA" in written and kept == ["TÌNH HÌNH TỔ CHỨC ĐẠI HỘI"]
    assert "KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT" not in WRITERS["txt"].write(document)


def test_the_closing_stands_after_every_section_so_a_last_heading_without_content_is_left_out():
    body = [*BODY[:3], Block("heading", "KẾT QUẢ", 1), Block("p", "Một."),
            Block("heading", "PHƯƠNG HƯỚNG", 1), Block("closing", "Trên đây là báo cáo kết quả năm 2025.")]
    document = report(body)
    assert [s.heading for s in document.body] == ["KẾT QUẢ"]
    assert document.closing == (Block("p", "Trên đây là báo cáo kết quả năm 2025."),)
    for fmt in ("txt", "html"):
        text = WRITERS[fmt].write(document)
        assert "PHƯƠNG HƯỚNG" not in text, fmt
        assert text.index("Một.") < text.index("Trên đây là báo cáo") < text.index("T/M ĐẢNG ỦY"), fmt
    paragraphs = [line for line in dump(write_docx(document)).splitlines() if "Trên đây" in line or "T/M" in line]
    assert len(paragraphs) == 2 and "Trên đây" in paragraphs[0]


def test_rendered_reports_have_no_section_that_holds_only_the_closing(write):
    # a new unit's congress with no programme for the term: its "PHƯƠNG HƯỚNG" heading has nothing
    source = write(MINIMAL["dai-hoi"] + "founded: 2025-07-01\nmembers: 36\n")
    document, _ = draft_file(source, Options(doc="report"))
    last = document.body[-1]
    assert isinstance(last, Section) and "Trên đây" not in WRITERS["txt"].write(
        type(document)(document.doc, (last,), words=document.words))
    assert "PHƯƠNG HƯỚNG" not in WRITERS["txt"].write(document)


# Numbering belongs to the writer

def test_each_writer_numbers_the_sections_from_their_level_and_place():
    document = report()
    assert all(not b.text[:1].isdigit() for b in document.blocks if b.kind == "heading")  # the model: levels only
    txt = WRITERS["txt"].write(document)
    for label in ("I- KẾT QUẢ", "1. Kinh tế", "a) Nông nghiệp", "2. Văn hóa", "II- PHƯƠNG HƯỚNG"):
        assert f"\n\n{label}\n\n" in txt, label
    assert "\n\n1. Kinh tế\n\nNăm." in txt  # numbers restart under a new section
    md = WRITERS["md"].write(document).replace("\\", "")  # its escapes aside
    assert "## I- KẾT QUẢ" in md and "### 1. Kinh tế" in md and "#### a) Nông nghiệp" in md
    assert "<h2>I- KẾT QUẢ</h2>" in WRITERS["html"].write(document)
    assert "I- KẾT QUẢ" in dump(write_docx(document)) and "a) Nông nghiệp" in dump(write_docx(document))


def test_clauses_are_numbered_and_an_office_s_own_numbers_kept():
    body = [Block("title", "NGHỊ QUYẾT"), Block("clause", "Tán thành."), Block("clause", "Giao Ban Chấp hành."),
            Block("heading", "3. ĐÃ ĐÁNH SỐ", 1), Block("p", "Nội dung.")]
    txt = WRITERS["txt"].write(report(body, doc="resolution"))
    assert "Điều 1. Tán thành." in txt and "Điều 2. Giao Ban Chấp hành." in txt
    assert "\n\n3. ĐÃ ĐÁNH SỐ\n\n" in txt


def test_an_article_s_crossheads_are_not_numbered():
    document = build([Block("headline", "Tin"), Block("heading", "Kết quả", 2), Block("p", "Một.")])
    assert "\n\nKết quả\n\n" in WRITERS["txt"].write(document)


# Parts found by kind, not by position

def test_the_parts_of_a_party_document_are_found_by_kind():
    document = report()
    assert document.header == Header(("ĐẢNG BỘ HUYỆN A",), ("ĐẢNG ỦY XÃ B",), "Số 01-BC/ĐU",
                                      "ĐẢNG CỘNG SẢN VIỆT NAM", "B, ngày 07 tháng 01 năm 2026")
    assert document.signature == Signature("T/M ĐẢNG ỦY", "BÍ THƯ", "Nguyễn Văn An")
    assert document.recipients.places == ("- Huyện ủy,", "- Lưu.")
    assert document.title_part.summary == "kết quả năm 2025"
    shuffled = report(header=list(reversed(HEADER)), signature=SIGNATURE[3:] + SIGNATURE[:3])
    assert shuffled == document
    assert write_docx(shuffled) == write_docx(document)


def test_a_subtitle_inside_the_body_is_flow_not_the_summary():
    body = [Block("title", "NGHỊ QUYẾT"), Block("subtitle", "Đại hội X"), Block("rule"), Block("p", "Căn cứ."),
            Block("subtitle", "QUYẾT NGHỊ:"), Block("clause", "Tán thành.")]
    document = report(body, doc="resolution")
    assert document.title_part.summary == "Đại hội X"
    assert Block("subtitle", "QUYẾT NGHỊ:") in document.body


def test_a_part_written_twice_is_refused():
    with pytest.raises(PartRepeated):
        report(signature=SIGNATURE + [Block("sign-name", "Trần Văn Bình")])


def test_a_template_that_writes_a_part_twice_gets_a_clear_message(tmp_path):
    office = tmp_path / "mau" / "hoi-nghi-tong-ket"
    office.mkdir(parents=True)
    (office / "bao-cao.j2").write_text('{% extends "builtin/hoi-nghi-tong-ket/bao-cao.j2" %}'
                                       "{% block summary %}tổng kết\n\n@sign-name Ai đó{% endblock %}",
                                       encoding="utf-8")
    source = tmp_path / "x.yaml"
    source.write_text(MINIMAL["hoi-nghi-tong-ket"], encoding="utf-8")
    result = CliRunner().invoke(app, ["render", str(source), "--doc", "report", "--templates", str(tmp_path / "mau"),
                                      "--lang", "en"])
    assert result.exit_code == 2
    assert "bao-cao.j2: the template writes the document's part '@sign-name' twice" in result.stderr


# Photos and tables are blocks; writers never see the data model

def test_photos_and_tables_reach_the_writers_as_blocks_of_their_own():
    document, _ = draft_file(EXAMPLES / "an-phu-tong-ket-kinh-te-2025.yaml")
    photos = [b for b in document.blocks if isinstance(b, Photo)]
    assert photos and all(type(p) is Photo and p.file for p in photos)
    report_doc, _ = draft_file(CONGRESS, Options(doc="report"))
    tables = [b for b in report_doc.blocks if isinstance(b, Table)]
    assert tables and tables[0].header[:1] == ("TT",)


def test_no_writer_imports_the_data_model():
    code = ("import sys, drafter.writers.text, drafter.writers.html, drafter.writers.docx, drafter.writers.pdf; "
            "print(sorted(m for m in sys.modules if m.startswith('drafter.')))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "drafter.writers.docx" in loaded and "drafter.model" not in loaded and "drafter.compose.templating" not in loaded


# Typed writer options

def test_writer_options_are_typed_and_taken_from_the_pipeline_options():
    options = Options(format="html", embed=True, fragment=True, reference_doc="mau.docx")
    assert WRITERS["html"].options.of(options) == HtmlOptions(embed=True, fragment=True)
    assert not HtmlOptions(fragment=True).standalone
    assert WRITERS["docx"].options.of(options) == DocxOptions(reference_doc="mau.docx")
    document, _ = draft_file(CONGRESS)
    assert WRITERS["html"].write(document, HtmlOptions(fragment=True)).startswith('<article class="drafter-article">')
    assert render_file(CONGRESS, Options(format="html", fragment=True)).data == \
        WRITERS["html"].write(document, HtmlOptions(fragment=True))


# One document, every format

@pytest.fixture
def renders(monkeypatch):
    """The name of the template of every run (one per document built)."""
    seen = []
    real = templating.render

    def counting(name, *args, **kwargs):
        seen.append(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(templating, "render", counting)
    return seen


def test_golden_builds_each_document_once_for_every_format(tmp_path, renders):
    source = tmp_path / CONGRESS.name
    shutil.copy(CONGRESS, source)
    files = golden.expected_files(source, golden.FORMATS)
    # article (txt, md, html, docx), report (txt, docx), resolution (txt, docx), the "tin" style
    assert len(files) == 12
    assert sorted(renders) == sorted(["dai-hoi/bai.j2", "dai-hoi/bao-cao.j2", "dai-hoi/nghi-quyet.j2",
                                      "dai-hoi/tin.j2"])


def test_the_golden_files_are_those_each_format_renders_alone(tmp_path):
    source = tmp_path / CONGRESS.name
    shutil.copy(CONGRESS, source)
    files = golden.expected_files(source, ("md", "html"))
    assert files == {f"{source.stem}.md": render_file(source, Options(format="md")).data,
                     f"{source.stem}.html": render_file(source, Options(format="html")).data}


def test_batch_builds_each_file_s_document_once_for_every_format(tmp_path, renders):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("vinh-loc-kiem-diem-2023.yaml", CONGRESS.name):
        shutil.copy(EXAMPLES / name, folder / name)
    summary = batch.run([folder], tmp_path / "out", ("txt", "html", "docx"), Options(), jobs=1)
    assert summary.failed == 0 and summary.files == 6
    assert len(renders) == 2
    alone = render_file(folder / CONGRESS.name, Options(format="txt")).data
    assert (tmp_path / "out" / f"{CONGRESS.stem}.txt").read_text(encoding="utf-8") == alone


def test_markdown_escapes_a_numbered_heading_as_commonmark_reads_it():
    from drafter.writers.text import md_escape

    assert [md_escape(t) for t in ("1. Kinh tế", "12) Văn hóa", "# a", "- b", "Năm 2025. Tốt")] == [
        "1\\. Kinh tế", "12\\) Văn hóa", "\\# a", "\\- b", "Năm 2025. Tốt"]
    report = render_file(EXAMPLES / "vinh-dieu-tong-ket-2025.yaml", Options(format="md", doc="report")).data
    assert "### 1\\. " in report and "\\1." not in report
