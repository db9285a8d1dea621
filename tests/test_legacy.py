"""Legacy Vietnamese encodings: tables, detection and conversion round trips."""
import unicodedata
from pathlib import Path

import pytest

from drafter.read import legacy
from drafter.read.legacy import convert, detect_bytes, detect_text
from drafter.read.legacy_tables import TCVN3, VNI

ROOT = Path(__file__).resolve().parent.parent
GENUINE_FILES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "examples").glob("*.yaml"))

# Sentences from seeds/ with many diacritics; no capital toned letter other
# than Ă Â Ê Ô Ơ Ư Đ, which TCVN3's single-font table cannot hold.
SENTENCES = [
    "Đảng ủy xã Vĩnh Lộc tổ chức hội nghị Ban Chấp hành Đảng bộ xã lần thứ 20 nhằm kiểm điểm, "
    "đánh giá, xếp loại chất lượng tổ chức cơ sở Đảng, tập thể lãnh đạo và cá nhân năm 2023",
    "Phó Bí thư Thường trực Tỉnh ủy Bùi Văn Quang trao giấy khen tặng các tập thể, "
    "cá nhân có thành tích xuất sắc năm 2025.",
    "Đồng chí đề nghị cấp ủy, tổ chức Đảng trong toàn Đảng bộ đổi mới mạnh mẽ nội dung, phương thức "
    "tuyên truyền, giáo dục chính trị tư tưởng; tập trung quán triệt và tổ chức thực hiện nghiêm túc "
    "Nghị quyết Đại hội Đảng bộ các cấp nhiệm kỳ 2025 - 2030.",
    "Thông qua hội nghị đồng chí Bí thư Đảng uỷ xã Vĩnh Điều đã đánh giá kết quả đạt được của tập thể "
    "Đảng bộ cơ quan Đảng năm 2025, trong điều kiện còn nhiều khó khăn.",
]

TONES = "\u0300\u0301\u0309\u0303\u0323"


def _letters() -> set[str]:
    """The 134 Vietnamese letters with diacritics, built from Unicode, not from the tables."""
    lower = {"đ"}
    for base in "aăâeêioôơuưy":
        for tone in [""] + list(TONES):
            letter = unicodedata.normalize("NFC", base + tone)
            if letter not in "aeiouy":
                lower.add(letter)
    return lower | {c.upper() for c in lower}


LETTERS = _letters()
LOWER = {c for c in LETTERS if c.islower()}

# Inverse tables, written from the same tables: capitals without a TCVN3 code
# take the lower-case one, as .VnTimeH users typed them.
TO_TCVN3 = {v: k for k, v in TCVN3.items()}
TO_TCVN3.update({c.upper(): TO_TCVN3[c] for c in LOWER if c.upper() not in TO_TCVN3})
TO_VNI = {v: k for k, v in VNI.items()}


def to_tcvn3(text: str) -> str:
    return "".join(TO_TCVN3.get(c, c) for c in unicodedata.normalize("NFC", text))


def to_vni(text: str) -> str:
    return "".join(TO_VNI.get(c, c) for c in unicodedata.normalize("NFC", text))


def to_cp1258(text: str) -> bytes:
    """What Windows writes: precomposed where cp1258 has the letter, else base + tone mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tone = "".join(c for c in parts if c in TONES)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out += (base + tone).encode("cp1258")
    return bytes(out)


def test_table_sizes_and_coverage():
    assert len(VNI) == 134 and set(VNI.values()) == LETTERS
    assert len(TCVN3) == 74 and set(TCVN3.values()) == LOWER | set("ĂÂÊÔƠƯĐ")
    for value in [*TCVN3.values(), *VNI.values()]:
        assert unicodedata.is_normalized("NFC", value)
    assert all(0xA1 <= ord(k) <= 0xFE for k in TCVN3)


@pytest.mark.parametrize("legacy_text, unicode", [
    ("§", "Đ"), ("®", "đ"), ("¸", "á"), ("µ", "à"), ("¶", "ả"), ("·", "ã"), ("¹", "ạ"),
    ("\xad", "ư"), ("¬", "ơ"), ("«", "ô"), ("©", "â"), ("¨", "ă"), ("ª", "ê"),
    ("§¶ng", "Đảng"), ("NghÞ quyÕt", "Nghị quyết"), ("Th\xadêng trùc", "Thường trực"),
])
def test_tcvn3_known_pairs(legacy_text, unicode):
    assert convert(legacy_text, "tcvn3") == unicode


@pytest.mark.parametrize("legacy_text, unicode", [
    ("aø", "à"), ("aù", "á"), ("aû", "ả"), ("aõ", "ã"), ("aï", "ạ"), ("Ñ", "Đ"), ("ñ", "đ"),
    ("ö", "ư"), ("ô", "ơ"), ("oâ", "ô"), ("AÙ", "Á"), ("Ñaûng", "Đảng"), ("Vieät Nam", "Việt Nam"),
    ("Thöôøng tröïc", "Thường trực"), ("Nghò quyeát", "Nghị quyết"), ("UÛy", "Ủy"),
])
def test_vni_known_pairs(legacy_text, unicode):
    assert convert(legacy_text, "vni") == unicode


@pytest.mark.parametrize("sentence", SENTENCES)
def test_pasted_text_round_trip(sentence):
    for encode, name in ((to_tcvn3, "tcvn3"), (to_vni, "vni")):
        garbled = encode(sentence)
        assert garbled != sentence
        assert detect_text(garbled) == name
        assert convert(garbled, name) == unicodedata.normalize("NFC", sentence)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_legacy_files_round_trip(sentence):
    for raw, name in ((to_tcvn3(sentence).encode("cp1252"), "tcvn3"),
                      (to_vni(sentence).encode("cp1252"), "vni"),
                      (to_cp1258(sentence), "cp1258")):
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")
        assert detect_bytes(raw) == name
        assert convert(raw, name) == sentence


@pytest.mark.parametrize("path", GENUINE_FILES, ids=lambda p: p.name)
def test_whole_files(path):
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    assert detect_text(text) is None  # genuine Unicode is never flagged
    assert detect_bytes(text.encode("utf-8")) is None
    # Every file, garbled each way, is recognised; VNI and cp1258 come back exactly.
    vni = to_vni(text)
    assert detect_text(vni) == "vni" and convert(vni, "vni") == text
    assert detect_text(to_tcvn3(text)) == "tcvn3"
    assert detect_bytes(vni.encode("cp1252", errors="replace")) == "vni"
    assert detect_bytes(to_tcvn3(text).encode("cp1252", errors="replace")) == "tcvn3"
    assert detect_bytes(to_cp1258(text)) == "cp1258"
    assert convert(to_cp1258(text), "cp1258") == text


def test_tcvn3_capitals_limitation_and_headings():
    # A lone capital toned letter has no TCVN3 code: it comes back lower case.
    assert convert(to_tcvn3("Ủy ban nhân dân"), "tcvn3") == "ủy ban nhân dân"
    # All-caps headings (.VnTimeH) are restored.
    heading = "HỘI NGHỊ TỔNG KẾT ĐẢNG BỘ CƠ QUAN ĐẢNG XÃ VĨNH ĐIỀU"
    assert convert(to_tcvn3(heading), "tcvn3") == heading
    assert convert("headline: " + to_tcvn3(heading), "tcvn3") == "headline: " + heading
    # Acronyms beside ordinary words are left alone.
    assert convert(to_tcvn3("UBND, HĐND đã thống nhất"), "tcvn3") == "UBND, HĐND đã thống nhất"


@pytest.mark.parametrize("text", [
    "", "kind: dai-hoi\norg: {name: Chi bo Thon 3}\n", "The committee met on Monday.",
    "Café crème, naïve façade, Müller über Größe", "§ 3 ¶ 2 © 2024 ® ±5 °C",
    "§¶ng",  # one word is not evidence
    "Đảng bộ xã Vĩnh Lộc tổ chức hội nghị; văn bản cũ ghi §¶ng ñy x· VÜnh Léc.",  # mostly genuine
])
def test_detect_text_negatives(text):
    assert detect_text(text) is None


def test_detect_bytes_other_encodings():
    assert detect_bytes(b"plain ascii") is None
    assert detect_bytes("Đảng".encode("utf-8")) is None
    russian = "Привет, это проверка кодировки для нескольких строк текста.".encode("cp1251")
    assert detect_bytes(russian) not in legacy.ENCODINGS


def test_convert_str_misread_as_cp1252_and_names():
    sentence = SENTENCES[1]
    misread = to_cp1258(sentence).decode("cp1252")
    assert convert(misread, "cp1258") == sentence
    assert convert(misread, "Windows-1258") == sentence
    assert convert(to_tcvn3(sentence), "TCVN") == convert(to_tcvn3(sentence), "abc") == sentence
    assert convert("Vieät".encode("cp1252"), "VNI-Windows") == "Việt"
    assert convert("café".encode("latin-1"), "latin-1") == "café"
    with pytest.raises(LookupError):
        convert(b"x", "no-such-encoding")
    with pytest.raises(LookupError):
        convert("x", "no-such-encoding")
    assert legacy.ENCODINGS == ("cp1258", "tcvn3", "vni")
