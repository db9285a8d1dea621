"""The guard every rendered document passes: every fact printed, nothing invented, and the
shape a proof-reader expects (whole sentences, no empty section, one form of each thing).

Runs after the template and before the writer, on the blocks every writer receives.
"""
from __future__ import annotations

from ...compose.blocks import Block
from ..consistency import ERROR, WARNING, Problem
from .facts import dotted, facts
from .printed import invented, unprinted
from .shape import problems as shape_problems

SNIPPET = 80
CHECKS = ("fact-not-printed", "figure-invented", "section-empty", "paragraph-unfinished", "sentence-broken",
          "word-doubled", "sentence-repeated", "placeholder", "form-mixed")


def audit(event, blocks: list[Block], reads: set, scope: list[str], doc: str, template: str,
          given: list | None = None) -> list[Problem]:
    """Problems of one rendered document. TEMPLATE names the file that wrote it; GIVEN are
    the event's facts when the caller has them already."""
    given = facts(event) if given is None else given
    out = []
    for path, value in _grouped(unprinted(given, blocks, reads, tuple(scope)), given):
        out.append(Problem("fact-not-printed", path, "fact_not_printed", WARNING,
                           {"value": _short(value), "template": template}))
    for number, text in invented(event, given, blocks):
        out.append(Problem("figure-invented", "", "figure_invented", ERROR,
                           {"number": number, "text": _short(text)}, file=template))
    user = sorted({f.value for f in given if isinstance(f.value, str)}, key=len, reverse=True)
    for check, text in dict.fromkeys(shape_problems(blocks, doc, user)):
        out.append(Problem(check, "", check.replace("-", "_"), WARNING, {"text": _short(text)}, file=template))
    return out


def _grouped(missing, given) -> list[tuple[str, str]]:
    """One warning for a part dropped whole (all of "speech"), not one per leaf in it."""
    missing_paths = {f.loc for f in missing}
    out: dict[tuple, list] = {}
    for fact in missing:
        top = fact.loc
        for size in range(1, len(fact.loc)):
            prefix = fact.loc[:size]
            if all(f.loc in missing_paths for f in given if f.loc[:size] == prefix):
                top = prefix
                break
        out.setdefault(top, []).append(fact)
    return [(dotted(top), "; ".join(str(f.value) for f in facts)) for top, facts in out.items()]


def _short(text: str) -> str:
    return text if len(text) <= SNIPPET else text[:SNIPPET - 1].rstrip() + "…"
