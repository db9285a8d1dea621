"""Where a Party document's header and summary lines may break: at phrase boundaries.

An office breaks "CHI BỘ / CÁC CƠ QUAN ĐẢNG / XÃ HỮU LIÊN", never "CHI BỘ CÁC / CƠ QUAN" nor
"xã Quảng / Chính": a place keeps its kind ("xã", "huyện", "thành phố"…) and its name together,
a proper name in mixed case is not split, a line does not end with a word that opens a phrase
("các", "và", "của"), and a two-syllable word stays whole. typography.balanced_lines takes the
fewest such breaks first, then the most even lines.
"""
from __future__ import annotations

# Kinds of places: the name that follows stays with them ("XÃ QUẢNG CHÍNH", "THÀNH PHỐ HẢI PHÒNG")
_PLACE_KINDS = (("THÀNH", "PHỐ"), ("THỊ", "TRẤN"), ("THỊ", "XÃ"), ("ĐẶC", "KHU"), ("KHU", "PHỐ"),
                ("XÃ",), ("PHƯỜNG",), ("HUYỆN",), ("QUẬN",), ("TỈNH",), ("THÔN",), ("ẤP",))
# Committees named after their place: "HUYỆN ỦY THƯỜNG TÍN" keeps the name with the committee
_AREA_COMMITTEES = {"TỈNH", "THÀNH", "HUYỆN", "QUẬN", "THỊ"}
_COMMITTEE = {"ỦY", "UỶ"}
_NOT_A_PLACE = {("XÃ", "HỘI")}  # "xã hội", not a commune
# Words a line does not end with: they open the phrase that follows
_OPENERS = {"CÁC", "NHỮNG", "VÀ", "CỦA", "VỀ", "TẠI", "CHO", "VỚI", "TRONG", "THUỘC"}
# In capitals a name's end is not seen: it stops at these words, at a comma, or after three words
_NAME_STOPS = {"LẦN", "NHIỆM", "KHÓA", "KHOÁ", "NĂM", "VÀ", "CỦA", "THUỘC", "TRỰC"}
_NAME_WORDS_IN_CAPITALS = 3
_NUMBERED = {"SỐ", "TỔ", "KHU", "ĐỘI"}  # "SỐ 1", "TỔ 5": the number belongs to its word
# Two-syllable words of schools, courts and the like that the header table in typography lacks
MORE_WORDS = ("TIỂU HỌC", "MẦM NON", "TRUNG HỌC", "PHỔ THÔNG", "NHÂN DÂN", "KIỂM SÁT", "TÒA ÁN",
              "TOÀ ÁN", "CHÍNH QUYỀN", "CHÍNH TRỊ", "KINH TẾ", "XÃ HỘI", "HUY HIỆU", "ĐẢNG VIÊN",
              "SƠ KẾT", "TÌNH HÌNH", "HỌC TẬP", "QUÁN TRIỆT", "NGHỊ QUYẾT", "KẾT NẠP", "TRAO TẶNG",
              "KẾ HOẠCH", "CHƯƠNG TRÌNH", "ĐƠN VỊ", "SỰ NGHIỆP", "GIÁO DỤC", "QUÂN ĐỘI", "CƠ QUAN ĐẢNG",
              "CHẤP HÀNH", "THƯỜNG VỤ", "MẶT TRẬN", "TỔ QUỐC", "CỰU CHIẾN BINH", "PHỤ NỮ", "THANH NIÊN")
_PAIRS = {pair for name in MORE_WORDS for pair in zip(name.split(), name.split()[1:])}


def phrase_breaks(words: list[str]) -> list[int]:
    """For each j in 0..len(words): 1 if a line break before words[j] falls inside a phrase."""
    n = len(words)
    upper = [w.upper().rstrip(",") for w in words]
    capitals = all(w == w.upper() for w in words)
    bad = [0] * (n + 1)
    for i in range(n):
        if i + 1 < n and (upper[i] in _OPENERS and not words[i].endswith(",")
                          or (upper[i], upper[i + 1]) in _PAIRS):
            bad[i + 1] = 1
        if not capitals and i + 1 < n and _proper(words[i]) and _proper(words[i + 1]) \
                and not words[i].endswith(","):
            bad[i + 1] = 1  # "Trường THCS Đoàn / Kết"
        if i + 1 < n and upper[i] in _NUMBERED and words[i + 1][:1].isdigit():
            bad[i + 1] = 1  # "TRƯỜNG TIỂU HỌC SỐ / 1"
        length = _place_kind(upper, i)
        if length:
            end = _name_end(words, upper, i + length, capitals)
            for j in range(i + 1, end):
                bad[j] = 1
    return bad


def _proper(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _place_kind(upper: list[str], i: int) -> int:
    """How many words of a place's kind (or of a committee named after its place) start at i."""
    if i + 1 < len(upper) and upper[i] in _AREA_COMMITTEES and upper[i + 1] in _COMMITTEE:
        return 2
    for kind in _PLACE_KINDS:
        if tuple(upper[i:i + len(kind)]) == kind:
            if i + len(kind) < len(upper) and (kind[-1], upper[i + len(kind)]) in _NOT_A_PLACE:
                return 0
            return len(kind)
    return 0


def _name_end(words: list[str], upper: list[str], start: int, capitals: bool) -> int:
    """Where the place's name that starts at `start` ends (exclusive)."""
    end = start
    while end < len(words):
        if capitals:
            if upper[end] in _NAME_STOPS or _place_kind(upper, end) or end - start >= _NAME_WORDS_IN_CAPITALS:
                break
        elif not _proper(words[end]):
            break
        end += 1
        if words[end - 1].endswith(","):
            break
    return end


def bind(text: str) -> str:
    """TEXT with non-breaking spaces inside its phrases, for a line Word breaks by itself (a
    recipient: "- Ban Thường vụ Đảng ủy xã Quảng Chính," never ends a line on "Quảng")."""
    words = text.split(" ")
    inside = phrase_breaks(words)
    return "".join(w if j == 0 else ("\u00a0" if inside[j] else " ") + w for j, w in enumerate(words))


def broken(lines: list[str]) -> int:
    """How many of the breaks between LINES fall inside a phrase."""
    words = " ".join(lines).split(" ")
    inside, at, count = phrase_breaks(words), 0, 0
    for line in lines[:-1]:
        at += len(line.split(" "))
        count += inside[at]
    return count
