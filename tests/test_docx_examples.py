"""Every example renders to both DOCX documents; read back, they carry the layout and the seed's facts."""
import io
import unicodedata

import docx
import pytest

from drafter.model.validate import validate
from drafter.pipeline import Options, render_file
from drafter.read.loader import load_file

from conftest import EXAMPLES
from test_examples import NAMES, SEED_OF, house_style, numbers, seed_text, NOT_FACTS

QN = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.extend(p.text for p in cell.paragraphs)
    return "\n".join(parts)


@pytest.mark.parametrize("name", sorted(p.stem for p in EXAMPLES.glob("*.yaml")))
@pytest.mark.parametrize("doc", ["article", "report"])
def test_example_docx_layout(name, doc):
    data = render_file(EXAMPLES / f"{name}.yaml", Options(format="docx", doc=doc)).data
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    if doc == "report":
        margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
        assert [round(m.mm) for m in margins] == [20, 20, 30, 15]
    fonts = document.styles.element.find(f"{QN}docDefaults").find(f".//{QN}rFonts")
    assert {fonts.get(f"{QN}{slot}") for slot in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Times New Roman"}
    styles = {p.style.name for p in document.paragraphs}
    expected = {"Body", "Report Title", "Report Subtitle"} if doc == "report" else {"Title", "Body"}
    assert expected <= styles
    text = all_text(document)
    assert unicodedata.is_normalized("NFC", text)
    if doc == "report":
        assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "BÁO CÁO" in text and "Nơi nhận:" in text


@pytest.mark.parametrize("name", sorted(SEED_OF))
def test_article_docx_has_every_fact_of_the_seed(name):
    seed = SEED_OF[name]
    data = render_file(EXAMPLES / f"{name}.yaml", Options(format="docx")).data
    text = house_style(all_text(docx.Document(io.BytesIO(data))))
    missing = numbers(house_style(seed_text(seed))) - numbers(text) - NOT_FACTS[seed]
    assert not missing, missing
    source = validate(load_file(EXAMPLES / f"{name}.yaml"))
    lone = {photo.caption for photo in source.photos if not photo.file}  # left out under no picture
    for fact in NAMES[seed]:
        assert house_style(fact) in text or fact in lone, fact


def test_docx_is_byte_identical_across_runs():
    for name in ("vinh-loc-kiem-diem-2023", "phu-van-dai-hoi-2025"):
        for doc in ("article", "report"):
            first = render_file(EXAMPLES / f"{name}.yaml", Options(format="docx", doc=doc)).data
            assert render_file(EXAMPLES / f"{name}.yaml", Options(format="docx", doc=doc)).data == first
