"""The meeting kinds' phrase units (templates/_phrases/meeting_*.j2): a clause is printed whole
only when its facts are given, inside its sentence."""
from drafter.compose.blocks import parse
from drafter.compose.templating import environment

SOURCE = """{% import "_phrases/meeting_clause.j2" as c %}
{%- import "_macros.j2" as m -%}
{% call m.sentence(org) %}{{ org }} tổ chức hội nghị{% call c.clause(venue) %} tại {{ venue }}{% endcall %}
{%- call c.clause(session, term) %} lần thứ {{ session }}, nhiệm kỳ {{ term }}{% endcall %}.{% endcall %}
{% call m.sentence() %}Hội nghị thành công.{% endcall %}"""


def paragraph(**facts) -> list[str]:
    facts = {"org": "Chi bộ thôn Đông", "venue": None, "session": None, "term": None} | facts
    return [b.text for b in parse(environment().from_string(SOURCE).render(**facts))]


def test_a_clause_is_printed_with_its_facts():
    assert paragraph(venue="nhà văn hóa", session=0, term="2025-2027") == [
        "Chi bộ thôn Đông tổ chức hội nghị tại nhà văn hóa lần thứ 0, nhiệm kỳ 2025-2027. Hội nghị thành công."]


def test_a_clause_missing_a_fact_is_left_out_whole():
    assert paragraph(session=12) == ["Chi bộ thôn Đông tổ chức hội nghị. Hội nghị thành công."]
    assert paragraph(org="", venue="nhà văn hóa") == ["Hội nghị thành công."]


def test_every_sentence_with_the_member_count_says_its_bound(tmp_path):
    import shutil

    from conftest import EXAMPLES
    from drafter.pipeline import render_file

    shutil.copytree(EXAMPLES / "anh", tmp_path / "anh")  # the example's photos
    source = tmp_path / "an-phu.yaml"
    source.write_text((EXAMPLES / "an-phu-tong-ket-kinh-te-2025.yaml").read_text(encoding="utf-8")
                      + "members_bound: least\n", encoding="utf-8")
    text = render_file(source).data
    assert text.count("612 đảng viên") == text.count("ít nhất 612 đảng viên") > 0
