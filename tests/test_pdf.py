"""Every example's report and every congress's resolution, printed as an office prints it:
DOCX -> PDF with LibreOffice, read back with pdftotext -layout, page by page.

Skipped where LibreOffice or poppler is not installed (CI installs both: .ci/run).
"""
import re
import shutil
import subprocess

import pytest

from drafter.pipeline import Options, render_file

from conftest import EXAMPLES

pytestmark = pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                                reason="needs LibreOffice (soffice) and poppler (pdftotext)")

CONGRESSES = sorted(p.stem for p in EXAMPLES.glob("*.yaml") if "kind: dai-hoi" in p.read_text("utf-8"))
DOCS = [(p.stem, "report") for p in sorted(EXAMPLES.glob("*.yaml"))] + [(n, "resolution") for n in CONGRESSES]
TITLE = {"report": "BÁO CÁO", "resolution": "NGHỊ QUYẾT"}


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[tuple[str, str], list[str]]:
    """(example, doc) -> the text of each PDF page; one LibreOffice run converts them all."""
    folder = tmp_path_factory.mktemp("pdf")
    for name, doc in DOCS:
        data = render_file(EXAMPLES / f"{name}.yaml", Options(format="docx", doc=doc)).data
        (folder / f"{name}.{doc}.docx").write_bytes(data)
    profile = (folder / "profile").as_uri()  # a private profile: no clash with a running office
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), *sorted(str(p) for p in folder.glob("*.docx"))],
                   check=True, capture_output=True, timeout=300)
    pages = {}
    for name, doc in DOCS:
        pdf = folder / f"{name}.{doc}.pdf"
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                              capture_output=True, text=True).stdout
        pages[name, doc] = [page for page in text.split("\f") if page.strip()]
    return pages


def blocks_of(name: str, doc: str):
    from drafter.pipeline import render_event
    from drafter.read.loader import load_file
    from drafter.model.validate import validate

    return render_event(validate(load_file(EXAMPLES / f"{name}.yaml")), Options(doc=doc))[0].blocks


def lines(page: str) -> list[str]:
    return [line.strip() for line in page.splitlines() if line.strip()]


@pytest.mark.parametrize("name, doc", DOCS)
def test_pages_and_page_numbers(printed, name, doc):
    pages = printed[name, doc]
    assert 1 <= len(pages) <= 4, len(pages)
    for number, page in enumerate(pages[1:], start=2):  # numbered from page 2, at the top
        assert lines(page)[0] == str(number)
    assert not re.match(r"^\d+$", lines(pages[0])[0])


@pytest.mark.parametrize("name, doc", DOCS)
def test_header_lines(printed, name, doc):
    first = printed[name, doc][0]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in first and TITLE[doc] in first
    assert re.search(r"Số\s+\S*-(BC|NQ)/\S+", first)
    assert re.search(r"ngày \d{2} tháng \d{1,2} năm \d{4}", first)
    head = lines(first.split(TITLE[doc])[0])
    for line in head:
        if line.startswith("Số"):  # "Số      -BC/ĐU": room left for the number
            continue
        left = re.split(r"\s{3,}", line)[0]
        # a header line never holds a single word, except "*" and the blank "……"
        assert left in ("*", "……") or len(left.split()) >= 2, line


@pytest.mark.parametrize("name, doc", DOCS)
def test_no_heading_ends_a_page(printed, name, doc):
    kept = [b.text for b in blocks_of(name, doc) if b.kind == "heading" or b.text.endswith(":")]
    for page in printed[name, doc][:-1]:
        last = " ".join(lines(page)[-1].split())
        assert not any(" ".join(h.split()) == last or (len(last) > 12 and h.endswith(last))
                       for h in kept), last


@pytest.mark.parametrize("name, doc", DOCS)
def test_terms_dates_and_ordinals_stay_on_one_line(printed, name, doc):
    text = "\n".join("\n".join(lines(page)) for page in printed[name, doc])
    assert not re.search(r"\d{4}\s*-\n\d{4}", text)  # "2020- / 2025"
    assert not re.search(r"\blần thứ\n[IVXLC]+\b", text)  # "lần thứ / I"
    assert not re.search(r"\b(ngày|tháng|năm)\n\d", text)
    assert not re.search(r"\blần\nthứ\b", text)


@pytest.mark.parametrize("name, doc", DOCS)
def test_signature_and_recipients_end_the_last_page(printed, name, doc):
    last = printed[name, doc][-1]
    assert "Nơi nhận:" in last and "T/M " in last
    signer = [b.text for b in blocks_of(name, doc) if b.kind == "sign-name"][0]
    assert signer in last
