"""The sentence unit of the templates: whole or not at all, never glued to the next one."""
from drafter.compose.blocks import parse
from drafter.compose.templating import environment, given

SOURCE = """{% import "_macros.j2" as m %}
{%- call m.sentence(venue) %}Hội nghị diễn ra tại {{ venue }}.{% endcall -%}
{%- call m.sentence(venue, count) -%}
  Hội nghị có {{ count }} đại biểu
  dự.
{%- endcall -%}
{%- call m.sentence() %}Hội nghị thành công.{% endcall %}"""


def paragraph(**facts) -> list[str]:
    return [b.text for b in parse(environment().from_string(SOURCE).render(**facts))]


def test_a_sentence_is_printed_whole_when_its_facts_are_given():
    assert paragraph(venue="hội trường xã", count=0) == [
        "Hội nghị diễn ra tại hội trường xã. Hội nghị có 0 đại biểu dự. Hội nghị thành công."]


def test_a_sentence_missing_a_fact_is_left_out_and_whitespace_control_glues_nothing():
    assert paragraph(venue="hội trường xã", count=None) == ["Hội nghị diễn ra tại hội trường xã. Hội nghị thành công."]
    assert paragraph(venue="", count=3) == ["Hội nghị thành công."]


def test_given_means_the_user_said_it():
    assert [given(v) for v in (None, False, "", [], {}, 0, "x", [1], True)] == [
        False, False, False, False, False, True, True, True, True]


def test_a_sentence_ends_its_line_so_a_blank_line_after_it_starts_a_paragraph():
    source = ('{% import "_macros.j2" as m %}'
              '{% call m.sentence(a) %}Năm {{ a }}.{% endcall %}\n'
              '{% call m.sentence(b) %}Câu hai.{% endcall %}\n\nĐoạn hai.\n')
    render = lambda **f: [b.text for b in parse(environment().from_string(source).render(**f))]  # noqa: E731
    assert render(a=2023, b=1) == ["Năm 2023. Câu hai.", "Đoạn hai."]
    assert render(a=2023, b=None) == ["Năm 2023.", "Đoạn hai."]
    assert render(a=None, b=None) == ["Đoạn hai."]
