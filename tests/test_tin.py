"""The short news item ("tin") of the meeting kinds: what its template declares out of scope is
really absent from it (the fact audit checks the other half: every other fact is printed)."""
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from conftest import EXAMPLES
from drafter.check.audit.facts import facts
from drafter.check.audit.text import block_texts, key
from drafter.compose import templating
from drafter.compose.blocks import parse
from drafter.model.validate import validate
from drafter.pipeline import Options, context, identity, render_event, template_name
from drafter.read.loader import load_file
from generate import draw_valid, event as generated

KINDS = ["trao-huy-hieu", "ket-nap", "hoi-nghi-bch", "quan-triet", "so-ket", "hoi-nghi-tong-ket"]
FIXTURES = Path(__file__).parent / "fixtures" / "ceremonies"
TIN = Options(template="tin")


def tin_of(event, options=TIN):
    """The tin's text, what it declares out of scope, and the audit's problems with it."""
    markup, state = templating.render(template_name(event, options), context(event), options.search_path,
                                      identity=identity(event), variant=None)
    text = key("\n".join(t for _, t in block_texts(parse(markup, state.objects))))
    _, problems = render_event(event, options)
    return text, tuple(state.scope), problems


def printed_out_of_scope(event, options=TIN) -> list[str]:
    """Facts the tin declares out of its scope (beyond what its article declares) that it prints
    all the same."""
    text, scope, _ = tin_of(event, options)
    scope = set(scope) - set(tin_of(event, Options(search_path=options.search_path))[1])  # the tin's own
    under = tuple(s + sep for s in scope for sep in ".[")

    def out(path):
        return path in scope or path.startswith(under)

    given = facts(event)
    # every text the data holds outside the scope, codes that steer wording too (badges.on_behalf)
    kept = [key(v) for path, v in strings(event.model_dump(), "") if not out(path)]
    found = []
    for fact in given:
        if not isinstance(fact.value, str) or len(fact.value) < 12 or not out(fact.path):
            continue  # a short word may be printed for another reason; numbers cannot be told apart
        value = key(fact.value)
        if value in text and not any(value in k for k in kept):  # not said by a fact the tin keeps
            found.append(f"{fact.path}: {fact.value}")
    return found


def strings(value, path):
    """(dotted path, text) of every string in a dumped model."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from strings(v, f"{path}.{k}" if path else k)
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            yield from strings(v, f"{path}[{i}]")
    elif isinstance(value, str):
        yield path, value


def sources() -> list[Path]:
    kinds = set(KINDS)
    files = sorted(EXAMPLES.glob("*.yaml")) + sorted((EXAMPLES / "genre").glob("*.yaml")) + sorted(FIXTURES.glob("*.yaml"))
    return [f for f in files if yaml.safe_load(f.read_text(encoding="utf-8")).get("kind") in kinds]


@pytest.mark.parametrize("source", sources(), ids=lambda p: p.stem)
def test_a_tin_leaves_out_what_it_declares_out_of_scope(source):
    event = validate(load_file(source))
    assert printed_out_of_scope(event) == []
    _, _, problems = tin_of(event)
    assert [p.path for p in problems if p.check == "fact-not-printed"] == []


def test_a_tin_is_shorter_than_its_article():
    for source in sources():
        event = validate(load_file(source))
        article = render_event(event, Options())[0]
        tin = render_event(event, TIN)[0]
        count = lambda d: sum(len(t) for _, t in block_texts(d.blocks))  # noqa: E731
        assert count(tin) < count(article) or not (event.notes or event.speech or event.basis), source.stem


def test_the_check_finds_a_declared_fact_that_is_printed(tmp_path):
    """The measure itself: an office tin that printed the notes it declares out of scope is caught."""
    (tmp_path / "ket-nap").mkdir()
    (tmp_path / "ket-nap" / "tin.j2").write_text(
        '{% extends "ket-nap/tin.j2" %}\n{% import "_phrases/meeting_article.j2" as art with context %}\n'
        '{% block notes %}{{ art.notes(event) }}{% endblock %}\n', encoding="utf-8")
    event = validate(load_file(FIXTURES / "a2-ket-nap.yaml"))
    assert printed_out_of_scope(event) == []
    office = Options(template="tin", search_path=(tmp_path,))
    assert printed_out_of_scope(event, office) == [f"notes[0]: {event.notes[0]}"]


@pytest.mark.parametrize("kind", KINDS)
@seed(20261202)
@settings(max_examples=15, database=None, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large])
@given(data=st.data())
def test_a_generated_tin_leaves_out_what_it_declares(kind, data):
    parsed = draw_valid(data, generated(kind), kind)
    assert printed_out_of_scope(parsed) == []
