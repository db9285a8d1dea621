"""The five bundled examples: every fact of the seed article is in the rendered article."""
import re
import unicodedata

import pytest

from drafter.tools import golden
from drafter.read.loader import load_file
from drafter.pipeline import render_file
from drafter.model.validate import validate

from conftest import EXAMPLES, SEEDS

SEED_OF = {
    "vinh-dieu-tong-ket-2025": "000",
    "ccq-dang-tinh-tong-ket-2025": "001",
    "vinh-loc-kiem-diem-2023": "002",
    "phu-van-dai-hoi-2025": "003",
    "vp-ubnd-tinh-dai-hoi-2020": "004",
}

# People and bodies named in each seed (the article must name every one).
NAMES = {
    "000": ["07/01/2026", "01 tập thể và 08 cá nhân", "06 chỉ tiêu", "từ 95% trở lên", "01 đảng viên",
            "Huỳnh Thiện Khoa", "Trương Thanh Hào", "Đảng bộ cơ quan Đảng", "Vĩnh Điều",
            "Đảng ủy xã Vĩnh Điều", "Dân vận khéo"],
    "001": ["Chiều 8/1", "2.619", "45 quần chúng", "35 đảng viên dự bị", "3 tập thể và 5 cá nhân",
            "Bùi Văn Quang", "Nguyễn Thị Thanh Huyền", "Đức Anh", "Ủy viên BTV Tỉnh ủy",
            "Phó Bí thư Thường trực Tỉnh ủy", "UBKT", "Ban Thường vụ Đảng ủy CCQ Đảng tỉnh",
            "Đảng bộ các cơ quan (CCQ) Đảng tỉnh"],
    "002": ["Sáng 11/12", "lần thứ 20", "18/20", "200/255", "39/39", "02 chi bộ", "09 chi bộ",
            "02 tập thể và 12 cá nhân", "01 cá nhân", "7 đảng viên", "Võ Thanh Điền", "Đào Văn Phi", "Phương Trình", "Vĩnh Lộc", "Ban Thường vụ Huyện ủy",
            "Toàn cảnh hội nghị", "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"],
    "003": ["18/7/2025", "01/7/2025", "36 đảng viên", "06 chỉ tiêu", "18/07/2025 12:03", "Phù Vân", "Quỳnh Thêm - Đức Quang", "Đoàn kết - Gương mẫu - Đổi mới - Phát triển",
            "Thứ sáu", "Đảng ủy phường"],
    "004": ["Ngày 10 và 11-2", "11/02/2020 15:31", "94,1%", "17,4%", "106 đảng viên", "9 đồng chí",
            "Nguyễn Hương Giang", "Nguyễn Hữu Thành", "Nguyễn Văn Phong", "Đỗ Đình Hữu",
            "Trịnh Hữu Hùng", "Vân Giang", "Khối các Cơ quan và Doanh nghiệp tỉnh", "Đại hội điểm",
            "tái cử", "khóa VIII", "lần thứ VIII", "lần thứ IX"],
}

# Numbers in a seed that are not facts of the event: page furniture, a stray page number.
NOT_FACTS = {"000": {"2"}, "001": set(), "002": set(), "003": set(), "004": {"2750"}}

_TONE = {"uỷ": "ủy", "Uỷ": "Ủy", "hoá": "hóa", "hoà": "hòa", "khoá": "khóa"}


def house_style(text: str) -> str:
    """The seeds mix old and new tone-mark placement; drafter writes the new one."""
    text = unicodedata.normalize("NFC", text).replace("–", "-")
    for old, new in _TONE.items():
        text = text.replace(old, new)
    return re.sub(r"\s+", " ", text)


def seed_text(seed: str) -> str:
    [path] = SEEDS.glob(f"{seed}_*.txt")
    text = path.read_text(encoding="utf-8")
    # The portal page of seed 003 goes on after the byline (ratings, visitor counters).
    return text.split("Tổng số điểm của bài viết")[0]


def numbers(text: str) -> set[str]:
    """Every number, dates and shares split into their parts, leading zeros dropped
    ("08/01/2026" and "2026-01-08" say the same); key figures are also checked verbatim."""
    tokens = re.findall(r"\d+(?:[.,]\d+)*%?", re.sub(r"[/:-]", " ", text))
    return {t.lstrip("0") or "0" for t in tokens}


@pytest.mark.parametrize("name", sorted(SEED_OF))
def test_example_validates(name):
    event = validate(load_file(EXAMPLES / f"{name}.yaml"))
    assert event.byline or name == "vinh-dieu-tong-ket-2025"


@pytest.mark.parametrize("name", sorted(SEED_OF))
def test_every_number_of_the_seed_is_in_the_article(name):
    seed = SEED_OF[name]
    article = house_style(render_file(EXAMPLES / f"{name}.yaml").data)
    present = numbers(article)
    missing = numbers(house_style(seed_text(seed))) - present - NOT_FACTS[seed]
    assert not missing, f"seed {seed}: numbers missing from the article: {sorted(missing)}"


@pytest.mark.parametrize("name", sorted(SEED_OF))
def test_every_name_of_the_seed_is_in_the_article(name):
    seed = SEED_OF[name]
    article = house_style(render_file(EXAMPLES / f"{name}.yaml").data)
    source = house_style(seed_text(seed))
    for fact in NAMES[seed]:
        assert house_style(fact) in source, f"test data: {fact!r} is not in seed {seed}"
        assert house_style(fact) in article, f"{name}: {fact!r} missing"


@pytest.mark.parametrize("name", sorted(SEED_OF))
def test_article_is_nfc_and_has_the_inverted_pyramid(name):
    result = render_file(EXAMPLES / f"{name}.yaml")
    text = result.data
    assert unicodedata.is_normalized("NFC", text)
    paragraphs = text.strip().split("\n\n")
    assert len(paragraphs) >= 5
    assert "None" not in text and "{{" not in text and "@" not in text


def test_goldens_of_the_examples_are_current():
    outcome = golden.check(EXAMPLES)  # every format, DOCX article and report included
    problems = [diff for _, diff in outcome.changed] + [f"missing {p}" for p in outcome.missing] \
        + [f"stale {p}" for p in outcome.stale] + [e.format("en") for e in outcome.errors]
    assert outcome.ok, "\n".join(problems)
