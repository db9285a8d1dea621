"""The meeting kinds (kiem-diem, hoi-nghi-tong-ket, so-ket) as a portal editor would publish
them: the testers' findings of 2026-12 (h1, h2, h4), each a sentence drafter got wrong."""
from drafter.pipeline import Options, render_file

CELL = """\
kind: kiem-diem
org: {name: Chi bộ 2, level: chi-bo}
higher: {name: Đảng bộ Viện KSND tỉnh Quảng Ngãi, committee: Đảng ủy Viện KSND tỉnh}
date: 2020-11-24
year: 2020
"""
PROPOSALS = """\
proposals:
  by: Chi bộ
  method: bỏ phiếu
  to: cấp trên
  items:
    - {subject: tập thể Chi bộ, level: tot}
    - {subject: đảng viên, count: 2, level: xuat-sac}
"""


def paragraphs(path, **options) -> list[str]:
    return [p.strip() for p in render_file(path, Options(**options)).data.split("\n\n")]


def test_the_proposals_sentence_opens_with_a_capital_without_ratings(write):
    path = write(CELL + PROPOSALS)
    for template in (None, "tin"):
        said = [p for p in paragraphs(path, template=template) if "bỏ phiếu" in p]
        assert said == ["Qua bỏ phiếu, Chi bộ đề xuất cấp trên xét tập thể Chi bộ hoàn thành tốt nhiệm vụ"
                        " và xét 2 đảng viên hoàn thành xuất sắc nhiệm vụ năm 2020."]
