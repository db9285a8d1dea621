"""`templates check` catches what breaks a template: unknown directives, too much logic, copied logic."""
import pytest
from typer.testing import CliRunner

from drafter.tools.cli import app
from drafter.tools.blank_lines import eaten
from drafter.tools.directives import directives
from drafter.errors import DrafterError
from drafter.tools.lint import check_templates
from drafter.pipeline import Options, render_file
from drafter.tools.template_rules import MAX_LOGIC, check_rules, logic
from drafter.compose.templating import BUILTIN_DIR, environment

from conftest import EXAMPLES

runner = CliRunner()
VINH_LOC = EXAMPLES / "vinh-loc-kiem-diem-2023.yaml"


def office(tmp_path, files: dict) -> str:
    for name, text in files.items():
        target = tmp_path / "mau" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return str(tmp_path / "mau")


def check(folder: str, *args) -> tuple[int, list[str]]:
    result = runner.invoke(app, ["templates", "check", folder, "--lang", "en", *args])
    return result.exit_code, result.stderr.splitlines()


# ---- directives ---------------------------------------------------------------------------

def test_an_unknown_directive_is_reported_at_its_line_and_column_with_the_closest_one(tmp_path):
    folder = office(tmp_path, {"kiem-diem/bai.j2": (
        '{% extends "kiem-diem/bai.j2" %}\n{% block lead %}\n@leed Sáng nay\n\n'
        '{% if event.venue %}@captoin {{ event.venue }}{% endif +%}\n\n'
        '{{ "@iteem " ~ event.year }}\n\n@zzz x\n{% endblock %}\n')})
    code, lines = check(folder)
    bai = f"{folder}/kiem-diem/bai.j2"
    assert code == 2
    assert f"{bai}:3:1: the template uses an unknown directive '@leed'; did you mean '@lead'?" in lines
    assert f"{bai}:5:21: the template uses an unknown directive '@captoin'; did you mean '@caption'?" in lines
    assert f"{bai}:7:5: the template uses an unknown directive '@iteem'; did you mean '@item'?" in lines
    assert any(line.startswith(f"{bai}:9:1: the template uses an unknown directive '@zzz' (known: @byline,")
               for line in lines)
    assert len(lines) == 4


def test_known_directives_with_levels_and_at_signs_inside_text_pass(tmp_path):
    folder = office(tmp_path, {"kiem-diem/bai.j2": (
        '{% extends "kiem-diem/bai.j2" %}\n{% block lead %}\n@lead Hộp thư vp@xa.gov.vn, @ xem\n\n'
        '@heading2 Kết quả\n\n  @item một ý\n{# @leed in a comment is no directive #}\n{% endblock %}\n')})
    assert check(folder) == (0, [f"No template problems ({folder})"])


def test_the_scan_finds_directives_where_a_block_can_start():
    env = environment(())
    found = directives(env, '{% if a %}@lead x{% endif %}\n\ntext @note not first\n  @item y\n{{ "@p " ~ a }}')
    assert [(d.kind, d.line, d.col) for d in found] == [("lead", 1, 11), ("item", 4, 3), ("p", 5, 5)]


def test_at_render_an_unknown_directive_names_the_office_template_and_line(tmp_path):
    # the directive stands in the parent (mau/article.j2) of the template rendered (kiem-diem/bai.j2)
    folder = office(tmp_path, {"article.j2": (
        '{% extends "article.j2" %}\n{% block byline %}\n\n@bylin Văn phòng\n{% endblock %}\n')})
    with pytest.raises(DrafterError) as caught:
        render_file(VINH_LOC, Options(search_path=(folder,)))
    assert caught.value.format("en") == (
        f"{folder}/article.j2:4:1: the template uses an unknown directive '@bylin'; did you mean '@byline'?")


def test_at_render_a_directive_the_source_does_not_hold_names_the_template(tmp_path):
    folder = office(tmp_path, {"kiem-diem/bai.j2": '{{ "@" ~ "leed" }} Sáng nay\n'})
    with pytest.raises(DrafterError) as caught:
        render_file(VINH_LOC, Options(search_path=(folder,)))
    assert caught.value.format("en") == (
        f"{folder}/kiem-diem/bai.j2: the template uses an unknown directive '@leed'; did you mean '@lead'?")


# ---- at most MAX_LOGIC conditions and loops -----------------------------------------------

def conditions(n: int, field: str = "year") -> str:
    return "".join(f"{{% if event.{field} > {i} %}}x{{% endif %}}\n" for i in range(n))


def test_conditions_loops_and_inline_ifs_are_counted_sentences_are_not():
    source = ('{% import "_macros.j2" as m %}\n{% if a %}x{% elif b %}y{% else %}z{% endif %}\n'
              '{% for i in c %}{{ i if i }}{% endfor %}\n'
              '{% call m.sentence(a, b) %}Câu {{ a }} {{ b }}.{% endcall %}\n{% set d = e or f %}\n')
    assert logic(environment(()).parse(source)) == [2, 2, 3, 3]


def test_a_template_over_the_limit_is_warned_at_the_first_construct_over_it(tmp_path):
    folder = office(tmp_path, {"kiem-diem/bai.j2": conditions(MAX_LOGIC + 1),
                               "kiem-diem/tin.j2": conditions(MAX_LOGIC, "session")})
    code, lines = check(folder)
    assert code == 0
    assert lines == [f"{folder}/kiem-diem/bai.j2:{MAX_LOGIC + 1}:1: warning: the template has {MAX_LOGIC + 1} "
                     f"conditions and loops (at most {MAX_LOGIC}; from here on it is over): write each sentence "
                     "once with m.sentence(...) and move shared parts to a macro",
                     f"No template problems ({folder})"]


def test_a_parents_logic_is_not_counted_in_its_child(tmp_path):
    office(tmp_path, {"base.j2": "{% block a %}{% endblock %}\n" + conditions(MAX_LOGIC + 5),
                               "kiem-diem/bai.j2": '{% extends "base.j2" %}{% block a %}{% if x %}y{% endif %}{% endblock %}'})
    warned = {i.file.rsplit("/mau/", 1)[1] for i in check_rules(environment(()), tmp_path / "mau")}
    assert warned == {"base.j2"}


# ---- no line with logic in two templates --------------------------------------------------

def test_a_line_with_logic_copied_is_warned_with_both_places(tmp_path):
    folder = office(tmp_path, {
        "a.j2": "Hội nghị.\n{{ event.org.name|upper }} tổ chức.\n{% set org = event.org %}\n",
        "b/c.j2": "{% set org = event.org %}\n  {{- event.org.name|upper }} tổ chức.\nHội nghị.\n"
                  "{% if event.venue and event.date %}\n{%- if event.venue and event.date +%}\n{% endif %}{% endif %}\n"})
    code, lines = check(folder)
    assert code == 0
    hint = "write it once in a macro (or a {% block %}) and call that"
    assert lines == [f"{folder}/b/c.j2:2:1: warning: this line with logic already stands at {folder}/a.j2:2: {hint}",
                     f"{folder}/b/c.j2:5:1: warning: this line with logic already stands at {folder}/b/c.j2:4: {hint}",
                     f"No template problems ({folder})"]


def test_an_office_folder_is_compared_with_itself_not_with_the_built_ins(tmp_path):
    # a line of the built-in article.j2, in an office template that replaces a built-in one
    line = "{{ (a.by or event.org.short_name)|capfirst }} đã {{ m.award(a, event) }}."
    assert line in (BUILTIN_DIR / "article.j2").read_text(encoding="utf-8")
    folder = office(tmp_path, {"kiem-diem/bai.j2": f'{{% extends "article.j2" %}}{{% block awards %}}\n{line}\n{{% endblock %}}\n'})
    issues = check_templates((folder,), include_builtin=True, rules=True)
    assert not [i for i in issues if folder in i.format() and i.severity == "warning"]


def test_a_need_a_gate_and_a_default_are_not_copied_logic(tmp_path):
    # a sentence's need, a gate naming one fact, a parameter's default: each says one thing once
    same = ('{% import "_macros.j2" as m %}{% set noun = noun|default("hội nghị") %}\n'
            '{% call m.sentence(event.members or event.cells) %}{{ noun }}.{% endcall %}\n'
            '{% if event.venue %}\nTại {{ event.venue }}.\n{% endif %}\n')
    folder = office(tmp_path, {"a.j2": same, "b.j2": same.replace("Tại", "Ở")})
    assert check(folder) == (0, [f"No template problems ({folder})"])


def test_the_built_in_templates_keep_the_rules():
    assert [i.format("en") for i in check_rules(environment(()), BUILTIN_DIR)] == []


# ---- no blank line dropped after a tag ----------------------------------------------------

GLUED = ('{% import "_macros.j2" as m %}\n'
         '{% call m.sentence(a) %}Năm {{ a }}.{% endcall %}\n\nBên cạnh đó, hội nghị bế mạc.\n'
         '{% if a %}Câu ba.{% endif %}\n\nĐoạn bốn.\n'
         '{% if a %}\nCâu năm.\n{% endif %}\n\nĐoạn sáu.\n')


def paragraphs(source: str) -> list[str]:
    from drafter.compose.blocks import parse

    return [b.text for b in parse(environment(()).from_string(source).render(a=2023))]


def test_a_blank_line_dropped_after_a_tag_is_found_and_plus_keeps_it():
    env = environment(())
    # m.sentence ends its own line, so only the {% endif %} glues; "+%}" after it is still harmless
    assert paragraphs(GLUED) == ["Năm 2023.", "Bên cạnh đó, hội nghị bế mạc. Câu ba. Đoạn bốn. Câu năm.", "Đoạn sáu."]
    assert eaten(env, GLUED) == [2, 5]  # the tag alone on its line (line 9) keeps the blank line
    kept = GLUED.replace("{% endcall %}\n", "{% endcall +%}\n").replace("{% endif %}\n\nĐoạn bốn", "{% endif +%}\n\nĐoạn bốn")
    assert eaten(env, kept) == []
    assert paragraphs(kept) == ["Năm 2023.", "Bên cạnh đó, hội nghị bế mạc. Câu ba.", "Đoạn bốn. Câu năm.", "Đoạn sáu."]


def test_a_dropped_blank_line_is_warned_where_it_prints(tmp_path):
    folder = office(tmp_path, {"kiem-diem/bai.j2": '{% extends "kiem-diem/bai.j2" %}\n{% block notes %}{% endblock %}\n\n'
                                                   '{% block lead %}\n@lead {{ event.year }}{% if event.venue %}.{% endif %}\n\nX.\n'
                                                   '{% endblock %}\n'})
    code, lines = check(folder)
    assert code == 0 and lines[0] == (
        f"{folder}/kiem-diem/bai.j2:5:1: warning: the blank line after this tag is dropped (Jinja drops the newline "
        "right after a {% … %} tag), so two paragraphs may run together: end the tag with +%} to keep it")
    assert len(lines) == 2  # outside a block a child prints nothing: line 2 is no problem
