"""Say what was understood of a hurried clerk's typing (model/clerk.py), and what looks split:
a prose list written "[cán bộ, công chức, đảng viên …]" is three items to YAML."""
from __future__ import annotations

from typing import Iterator

import yaml

from .consistency import WARNING, Problem
from ..model.clerk import understand
from ..read.loader import Loaded, _dotted

_CHECKS = {"honorific_stripped": "name-honorific", "person_split": "person-split", "reference_split": "person-split"}
# Lists whose items are phrases or sentences: a one- or two-word item there is most likely
# a piece of a phrase the commas cut.
PROSE_LISTS = ("attendee_groups", "assessment", "direction", "goals", "achievements", "notes", "purpose",
               "decided", "speech.points", "speech.requests", "speech.acknowledged")
SHORT = 2  # words


def problems(loaded: Loaded) -> Iterator[Problem]:
    for loc, code, args in understand(loaded.data)[1]:
        yield Problem(_CHECKS[code], _dotted(loc), code, WARNING, args)
    for field in PROSE_LISTS:
        loc = tuple(field.split("."))
        node = loaded.node(loc)
        if not (isinstance(node, yaml.SequenceNode) and node.flow_style and len(node.value) > 1):
            continue
        plain = [item for item in node.value if isinstance(item, yaml.ScalarNode) and not item.style]
        if len(plain) > 1 and any(len(item.value.split()) <= SHORT for item in plain):
            i = next(i for i, item in enumerate(node.value) if item in plain)
            items = "; ".join(f"'{item.value}'" for item in plain)
            yield Problem("list-split", _dotted(loc + (i,)), "list_split", WARNING, {"items": items})
