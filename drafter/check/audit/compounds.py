"""Where two Vietnamese compounds meet on one syllable ("tổng kết" + "kết quả" = "tổng kết kết
quả"): correct text, not a doubled word. The word-doubled rule asks `meet` before it warns."""
from __future__ import annotations

from functools import lru_cache

from .text import key as _form  # one comparison form: "uỷ viên" and "ủy viên" alike

# Common two-syllable words of Party and administrative writing, grouped by the syllable that
# two of them can share (one ends with it, the next starts with it).
_COMPOUNDS = """
tổng kết, sơ kết, đoàn kết, liên kết, cam kết, gắn kết, ký kết, kết quả, kết nạp, kết luận, kết hợp,
kết thúc, kết nối
đại biểu, tiêu biểu, phát biểu, biểu quyết, biểu dương, biểu hiện, biểu mẫu
ý kiến, sáng kiến, chứng kiến, kiến nghị, kiến thức
hội nghị, kiến nghị, đề nghị, nghị quyết, nghị định
nghị quyết, giải quyết, biểu quyết, kiên quyết, quyết định, quyết liệt, quyết tâm
quyết định, ổn định, xác định, quy định, định hướng, định kỳ
thành tích, phân tích, tích cực
hoàn thành, trở thành, tán thành, thành tích, thành công, thành viên, thành phần, thành lập
thành công, phân công, công tác, công an, công chức, công nhận, công khai
công tác, hợp tác, tác phong
tổ chức, công chức, viên chức, chức năng, chức vụ, chức danh
chức năng, kỹ năng, năng lực
năng lực, nỗ lực, nguồn lực, động lực, lực lượng
chất lượng, lực lượng, số lượng
giám sát, kiểm sát, sát sao
đảng viên, đoàn viên, hội viên, thành viên, ủy viên, động viên, viên chức
nhân dân, công dân, người dân, dân chủ, dân vận, dân tộc, dân cư, dân số, dân sinh
cá nhân, công nhân, nhân dân, nhân dịp, nhân sự, nhân lực
địa phương, phương hướng, phương án, phương châm, phương thức, phương pháp
biện pháp, giải pháp, phương pháp, pháp luật, pháp lý, pháp chế
thực hiện, thể hiện, phát hiện, biểu hiện, xuất hiện, hiện nay, hiện đại, hiện trạng, hiện có
vấn đề, chủ đề, đề ra, đề nghị, đề xuất, đề án, đề cao
cán bộ, toàn bộ, đảng bộ, chi bộ, tiến bộ, bộ máy, bộ đội, bộ phận
hoạt động, lao động, chủ động, vận động, động viên, động lực
nhiệm vụ, phục vụ, dịch vụ, vụ việc
xã hội, đại hội, hội nghị, hội viên, hội nhập
chỉ tiêu, mục tiêu, tiêu biểu, tiêu chí, tiêu chuẩn
tài chính, hành chính, chính trị, chính quyền, chính sách
quân sự, nhân sự, dân sự, sự nghiệp, sự kiện, sự việc
trọng tâm, quan tâm, quyết tâm, tâm huyết
lãnh đạo, chỉ đạo, đạo đức
"""


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    words = (w.strip() for line in _COMPOUNDS.strip().splitlines() for w in line.split(","))
    return frozenset(_form(w) for w in words if w)


def meet(before: str, word: str, after: str) -> bool:
    """"tổng", "kết", "kết quả"'s "quả": BEFORE WORD and WORD AFTER are both known compounds."""
    known = _known()
    return _form(f"{before} {word}") in known and _form(f"{word} {after}") in known
