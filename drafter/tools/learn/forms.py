"""Every way the templates can print each fact of an event: (expression, field, guard) triples,
and the text each expression prints, found by rendering it through the real filters.

A walk over the pydantic model gives each value its expressions by type (text, number, date,
person, figure, list…); a few event-level phrases (dates with their span, the award macro, name
references with titles) are added by hand because they combine several fields.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from pydantic import BaseModel

from ...compose import templating
from ...model.common import Award, Count, Figure, Organisation, Person, Photo, ResultGroup
from ...model.events import Rating, Term
from ...compose.orthography import tone_style
from ...pipeline import context, identity

SKIP = {"kind", "style", "report", "acknowledge", "level", "pad", "bound", "after_", "honorific", "file"}
PERSON_STYLES = (("comma", False), ("comma", True), ("dash", False), ("dash", True), ("title", False),
                 ("title", True), ("name", True))
LIST_SEPS = (", ", "; ", " - ")
ONE_WORD = {"label", "qualifier", "role"}
# Free text an office may start in lower case; names and headlines start with a capital anyway.
PROSE = {"assessment", "achievements", "goals", "direction", "results", "targets", "speech", "adopted",
         "member_profile", "awards", "presentations", "comments", "proposals"}


@dataclass(frozen=True)
class Form:
    expr: str  # what the template prints: "event.guests|people"
    fields: tuple[str, ...]  # the facts it states, for the report: ("guests[0].name", …)
    guards: tuple[str, ...]  # what must be present for it to print: ("event.guests",)
    rank: int = 5  # lower wins a tie between two expressions printing the same text
    lists: tuple[tuple[str, int], ...] = ()  # (list expression, index) of list items it uses
    loop: str = ""  # "numbered" / "sentences": printed as a loop of one sentence per item
    text: str = ""


# A yes/no fact is told by words: the sentence with them is printed only when it is true.
FLAG_WORDS = {"individual_reviews": "kiểm điểm cá nhân", "unanimous": "nhất trí", "reelected": "tái cử",
              "debut": "ra mắt"}


@dataclass(frozen=True)
class Flag:
    expr: str
    field: str
    words: str
    lists: tuple[tuple[str, int], ...] = ()


def _paren(expr: str) -> str:
    """EXPR ready for one more filter: in brackets only if an operator stands outside any."""
    depth, quote, top = 0, "", ""
    for c in expr:
        if quote:
            quote = "" if c == quote else quote
        elif c in "\"'":
            quote = c
        elif c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif depth == 0:
            top += c
    return f"({expr})" if any(op in top for op in (" ~ ", " + ", " - ", " if ", " or ", " and ")) else expr


class Collector:
    def __init__(self, event):
        self.event = event
        self.forms: list[Form] = []
        self.leaves: list[str] = []  # every fact field that has a value
        self.flags: list[Flag] = []  # yes/no facts, told by words rather than printed

    def add(self, expr, fields, guards, rank=5, lists=(), loop=""):
        self.forms.append(Form(expr, tuple(fields), tuple(dict.fromkeys(guards)), rank, tuple(lists), loop))

    # ---- the walk ---------------------------------------------------------------------------

    def walk(self, value, expr, field, guards, lists, optional, min_words=2, given=True):
        guards = list(guards) + ([expr] if optional else [])
        leaves = len(self.leaves)
        if value is None or value == [] or value == {}:
            return
        if isinstance(value, bool):
            if value and field.rsplit(".", 1)[-1] in FLAG_WORDS:
                self.flags.append(Flag(expr, field, FLAG_WORDS[field.rsplit(".", 1)[-1]], lists))
            return
        if isinstance(value, str):
            self.leaves.append(field)
            if len(value.split()) >= min_words:  # one word ("có", "Cử") would be found everywhere
                self.add(expr, [field], guards, 6, lists)
        elif isinstance(value, (int, Decimal)):
            self.leaves.append(field)
            self.number(value, expr, field, guards, lists)
        elif isinstance(value, dt.date):
            self.leaves.append(field)
            self.date(expr, field, guards, lists)
        elif isinstance(value, list):
            self.sequence(value, expr, field, guards, lists)
        elif isinstance(value, Term):
            self.leaves.append(field)
            self.add(expr, [field], guards, 4, lists)
            self.add(f"{expr}.start", [field], guards, 6, lists)
            self.add(f"{expr}.end", [field], guards, 6, lists)
        elif isinstance(value, BaseModel):
            self.model(value, expr, field, guards, lists)
        elif isinstance(value, dict):  # rating levels
            for key, n in value.items():
                self.leaves.append(f"{field}.{key}")
                self.number(n, f'{expr}["{key}"]', f"{field}.{key}", guards, lists)
        if not given:  # a default the YAML does not write is no fact to look for
            del self.leaves[leaves:]

    def number(self, value, expr, field, guards, lists):
        self.add(expr, [field], guards, 7, lists)
        if isinstance(value, int) and 0 <= value < 10:
            # "06": padded as the document's style says, or always
            self.add(f"{expr}|count", [field], guards, 7, lists)
            self.add(f"{expr}|pad", [field], guards, 8, lists)
        if field in ("ordinal",):
            self.add(f"{expr}|roman", [field], guards, 3, lists)

    def date(self, expr, field, guards, lists):
        for f in ("date_padded", "date_party", "date_long", 'date_short("/")', 'date_short("-")',
                  'day_month("/")', 'day_month("-")', "weekday"):
            self.add(f"{expr}|{f}", [field], guards, 4, lists)

    def sequence(self, items, expr, field, guards, lists):
        for i, item in enumerate(items):
            self.walk(item, f"{expr}[{i}]", f"{field}[{i}]", guards + ([f"{expr}|length > {i}"] if i else []),
                      lists + ((expr, i),), False)
        every = [f"{field}[{i}]" for i in range(len(items))]
        if all(isinstance(i, str) for i in items):
            self.add(f"{expr}|join_vi", every, guards, 2)
            for sep in LIST_SEPS:
                self.add(f'{expr}|join("{sep}")', every, guards, 2)
            self.add(f'{expr}|map("full_stop")|join(" ")', every, guards, 2)
            for k in range(len(items) - 1):  # items k… told one sentence each
                part = f"{expr}[{k}:]" if k else expr
                self.add(f'{part}|map("capfirst")|map("full_stop")|join(" ")', every[k:],
                         guards + ([f"{expr}|length > {k}"] if k else []), 2, loop="sentences")
        elif all(isinstance(i, Person) for i in items):
            for style in ("comma", "dash", "name"):
                self.add(f'{expr}|people("{style}")', [field], guards, 2)
        elif all(isinstance(i, Figure) for i in items):
            for sep in ("; ", ", "):
                self.add(f'{expr}|figures("{sep}")', every, guards, 2)
            self.add(f'{expr}|map("figure")|numbered', every, guards, 2, loop="numbered")
            self.add(f'{expr}|map("figure")|map("capfirst")|map("full_stop")|join(" ")', every, guards, 2,
                     loop="sentences")
        elif all(isinstance(i, Rating) for i in items):
            for sep in ("; ", ", "):
                self.add(f'{expr}|map("rating_phrase")|join("{sep}")', every, guards, 2)
        elif items and isinstance(items[0], BaseModel):
            for attr in ("role", "name", "subject", "caption"):
                if all(isinstance(getattr(i, attr, None), str) for i in items):
                    for sep in (", ", "; "):
                        self.add(f'{expr}|map(attribute="{attr}")|join("{sep}")',
                                 [f"{field}[{i}].{attr}" for i in range(len(items))], guards, 8)
                    self.add(f'{expr}|map(attribute="{attr}")|join_vi',
                             [f"{field}[{i}].{attr}" for i in range(len(items))], guards, 8)

    def model(self, value, expr, field, guards, lists):
        if isinstance(value, Person):
            in_list = expr.endswith("]") and bool(lists) and lists[-1][0] + f"[{lists[-1][1]}]" == expr
            for style, honorific in PERSON_STYLES:
                # "đồng chí" stays wording (and a list is told as one); "ông", "bà" are facts
                if honorific and (in_list or value.honorific == "đồng chí"):
                    continue
                args = f'"{style}", true' if honorific else f'"{style}"'
                self.add(f"{expr}|person({args})", [field], guards, 4, lists)
        if isinstance(value, Organisation):
            self.add(f"{expr}.short_name", [f"{field}.short" if value.short else f"{field}.name"], guards, 4, lists)
            self.add(f"{expr}.committee_name", [f"{field}.committee" if value.committee else f"{field}.name"],
                     guards, 5, lists)
            if value.abbr:
                self.add(f"{expr}|first_mention", [f"{field}.name", f"{field}.abbr"], guards, 3, lists)
        if isinstance(value, Figure):
            self.add(f"{expr}|figure", [field], guards, 3, lists)
        if isinstance(value, Count) and value.value is not None:
            self.add(f"{expr}|quantity", [f"{field}.{k}" for k in ("value", "total", "unit", "also")],
                     guards, 4, lists)
            if value.total is not None:
                self.add(f"{expr}.value|share({expr}.total)", [field], guards, 4, lists)
        if isinstance(value, Award):
            self.add(f"m.award({expr}, event)", [f"{field}.{k}" for k in ("form", "collectives", "individuals",
                                                                           "reason")], guards, 2, lists)
        if isinstance(value, Rating):
            self.add(f"{expr}|rating_phrase", [field], guards, 3, lists)
        if isinstance(value, ResultGroup) and value.topic:
            for sep in ("; ", ", "):
                self.add(f'({expr}.topic ~ " " if {expr}.topic) ~ {expr}.items|figures("{sep}")', [field], guards, 2,
                         lists)
        if hasattr(value, "level") and isinstance(getattr(value, "level"), str) and field.startswith("proposals"):
            self.leaves.append(f"{field}.level")
            self.add(f"{expr}.level|rating", [f"{field}.level"], guards, 5, lists)
        for name, info in type(value).model_fields.items():
            if name in SKIP or (isinstance(value, Photo) and name == "after"):
                continue
            # None, [] and a count of 0 ("0 cá nhân") are facts the event does not have
            empty = None if info.is_required() else info.get_default(call_default_factory=True)
            optional = not info.is_required() and (empty is None or empty == [] or empty == 0)
            # a figure's words ("đảng viên", "Đảng bộ có") alone say little: found only when long;
            # a one-word label ("Tin") or qualifier ("cụ thể") is found where it stands
            part = isinstance(value, (Count, ResultGroup)) and name in ("text", "after", "unit", "topic")
            words = 4 if part else 1 if name in ONE_WORD else 2
            self.walk(getattr(value, name), f"{expr}.{name}", f"{field}.{name}".lstrip("."), guards, lists,
                      optional, words, name in value.model_fields_set)

    # ---- phrases that join several fields ---------------------------------------------------

    def event_phrases(self):
        e = self.event
        for sep in ("-", "/"):
            self.add(f'event.date|date_span(event.end_date, "{sep}")', ["date", "end_date"], [], 3)
        if e.time_of_day:
            self.leaves.append("time_of_day")
            self.add("event.time_of_day", ["time_of_day"], ["event.time_of_day"], 4)
        if e.published:
            p = "event.published"
            self.add(f"{p}.date|stamp({p}.time, {p}.weekday)", ["published"], [p], 2)
        if hasattr(e, "year"):
            self.add("event.year + 1", ["year"], [], 6)
        if hasattr(e, "ordinal") and e.ordinal > 1:
            self.add("(event.ordinal - 1)|roman", ["ordinal"], ["event.ordinal > 1"], 3)
        if e.assessed_by:
            self.reference("event.assessed_by", e.assessed_by, "assessed_by", ["event.assessed_by"])
        if e.speech:
            self.reference("event.speech.speaker", e.speech.speaker, "speech.speaker", ["event.speech"])
        for i, a in enumerate(e.awards):
            if a.presenter:
                where = f"event.awards[{i}].presenter"
                self.reference(where, a.presenter, f"awards[{i}].presenter",
                               [f"event.awards|length > {i}" if i else "event.awards", where], (("event.awards", i),))

    def reference(self, where, name, field, guards, lists=()):
        """A person named by a field (speaker, presenter): with titles when listed among the people."""
        person = self.event.people().get(name)
        for style, honorific in PERSON_STYLES:
            if honorific and (person is None or person.honorific == "đồng chí"):
                continue  # "đồng chí" stays wording
            args = f'"{style}", true' if honorific else f'"{style}"'
            self.add(f"m.who({where}, persons, {args})", [field], guards, 1, lists)
        if person is not None and person.titles:
            self.add(f"persons[{where}].titles[0]", [field], guards + [f"{where} in persons"], 1, lists)


def collect(event) -> tuple[list[Form], list[str]]:
    """Every expression that prints a fact of EVENT, with its text; and every fact field."""
    forms, leaves, _ = collect_all(event)
    return forms, leaves


def collect_all(event) -> tuple[list[Form], list[str], list[Flag]]:
    c = Collector(event)
    c.event_phrases()
    c.model(event, "event", "", [], ())
    forms = _with_text(event, c.forms)
    out = []
    for f in forms:
        out.append(f)
        prose = any(x.split(".")[0].split("[")[0] in PROSE for x in f.fields)
        if f.text[:1].isalpha() and "capfirst" not in f.expr and (f.text[:1].islower() or prose):
            # the fact starting a sentence: another event may write it in lower case
            out.append(Form(f"{_paren(f.expr)}|capfirst", f.fields, f.guards, f.rank, f.lists, f.loop,
                            f.text[:1].upper() + f.text[1:]))
    return out, list(dict.fromkeys(c.leaves)), c.flags


_SEP = "\x1f"


def evaluate(event, exprs: list[str]) -> list[str]:
    """What each expression prints for EVENT ("" where it does not apply)."""
    env = templating.environment(())
    ctx = {**context(event), "_state": templating.RenderState(identity(event), None)}
    head = '{% import "_macros.j2" as m with context %}'

    def run(batch):
        source = head + _SEP.join("{{ %s }}" % x for x in batch)
        return env.from_string(source).render(ctx).split(_SEP)

    def halves(batch):  # an expression that does not apply to this event prints "", the rest print
        try:
            return run(batch)
        except Exception:
            if len(batch) == 1:
                return [""]
            middle = len(batch) // 2
            return halves(batch[:middle]) + halves(batch[middle:])

    return halves(exprs) if exprs else []


def _with_text(event, forms: list[Form]) -> list[Form]:
    out = []
    for f, text in zip(forms, evaluate(event, [f.expr for f in forms])):
        text = tone_style(text.strip(), event.style.tone_marks)
        if text:
            out.append(Form(f.expr, f.fields, f.guards, f.rank, f.lists, f.loop, text))
    return out
