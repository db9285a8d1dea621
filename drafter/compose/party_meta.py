"""What a Party document needs and an article does not: header, number, signer, recipients.

Each is optional in the YAML (`report:` for the BÁO CÁO, `resolution:` for a congress's NGHỊ
QUYẾT). What the data implies is used (the newly elected Bí thư signs the congress's report);
otherwise a blank. Either way a warning names the field and what was put there, so an office
sees what to check before the document is signed.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from ..model import DaiHoi, EventBase, KiemDiem, Organisation, ReportMeta
from .filters import capfirst
from .orthography import tone_style
from .words import IssuerWords, current as current_words

BLANK = "……"  # the dotted blank Vietnamese forms use for "to be filled in"
# The wording (secretary, on behalf of, codes, recipients) is words.yaml's report: and resolution:

Warning_ = tuple[str, str, dict]  # field path, message code, message arguments


@dataclass(frozen=True)
class ReportInfo:
    higher: str
    issuer: str | None  # None: the template names the issuer (a congress names itself)
    number: str
    type_code: str
    issuer_code: str
    place: str
    date: dt.date
    on_behalf: str
    signer_role: str  # "" for a presidium, which signs with the name only
    signer_name: str
    recipients: tuple[str, ...]
    date_known: bool = True  # False: only the year is known; the day and month are left blank


class _Defaults:
    """Collects the warnings for one document's defaults."""

    def __init__(self, field: str):
        self.field, self.warnings = field, []

    def blank(self, name: str, value: str) -> str:
        self.warnings.append((f"{self.field}.{name}", "report_default", {}))
        return value

    def derived(self, name: str, value: str, shown: str | None = None) -> str:
        self.warnings.append((f"{self.field}.{name}", "report_default_value", {"value": shown or value}))
        return value


def report_info(event: EventBase) -> tuple[ReportInfo, list[Warning_]]:
    """The report's header and signature, and the warnings for what was defaulted."""
    meta, level = event.report, event.org.kind_level
    words = current_words()
    d = _Defaults("report")
    signer = meta.signer
    if signer is not None:
        name, role = signer.name, signer.role
    else:
        found = _secretary(event)
        secretary = words.organisation.secretary
        name = d.derived("signer", found, f"{found} ({secretary})") if found else d.blank("signer", BLANK)
        role = secretary
    issuer = meta.issuer or default_issuer(event.org)
    body = issuer_words(issuer, level)
    info = ReportInfo(
        higher=_higher(meta, event, d),
        issuer=issuer,
        number=_number(meta, d),
        type_code=meta.type_code,
        issuer_code=meta.issuer_code or body.code,
        place=_place(meta, event, d),
        date=meta.date or event.end_date or event.date,
        on_behalf=signer.on_behalf if signer and signer.on_behalf else body.on_behalf,
        signer_role=role,
        signer_name=name,
        recipients=_recipients(meta, event, d, _report_recipients(event), body.archive),
        date_known=bool(meta.date or event.end_date) or _date_known(event, d),
    )
    return info, d.warnings


def _date_known(event: EventBase, d: "_Defaults") -> bool:
    """A meeting known only by its year (date_precision: year) leaves the day and month blank."""
    if getattr(event, "date_precision", "day") != "year":
        return True
    d.blank("date", BLANK)
    return False


def resolution_info(event: DaiHoi) -> tuple[ReportInfo, list[Warning_]]:
    """A congress's own document: issued by the congress ("Số …-NQ/ĐH"), signed on behalf
    of its presidium by the member who chaired."""
    meta = event.resolution
    own = current_words().resolution
    d = _Defaults("resolution")
    signer = meta.signer
    if signer is not None:
        name, role, on_behalf = signer.name, signer.role, signer.on_behalf or own.on_behalf
        if "role" not in signer.model_fields_set:
            role = ""  # the presidium signs with the name alone
    else:
        chair = event.chairs[0].name if event.chairs else None
        name = d.derived("signer", chair) if chair else d.blank("signer", BLANK)
        role, on_behalf = "", own.on_behalf
    info = ReportInfo(
        higher=_higher(meta, event, d),
        issuer=meta.issuer,
        number=_number(meta, d),
        type_code=meta.type_code if "type_code" in meta.model_fields_set else own.type_code,
        issuer_code=meta.issuer_code or own.issuer_code,
        place=_place(meta, event, d),
        date=meta.date or event.end_date or event.date,
        on_behalf=on_behalf,
        signer_role=role,
        signer_name=name,
        recipients=_recipients(meta, event, d, _resolution_recipients(event),
                               issuer_words(default_issuer(event.org), event.org.kind_level).archive),
        date_known=bool(meta.date or event.end_date) or _date_known(event, d),
    )
    return info, d.warnings


def default_issuer(org: Organisation) -> str:
    """A chi bộ issues its documents itself ("CHI BỘ …", code CB, "T/M CHI BỘ") unless the
    YAML names its committee ("Chi ủy Chi bộ …", "T/M CHI ỦY"); a đảng bộ through its
    committee ("ĐẢNG ỦY XÃ …", "HUYỆN ỦY …")."""
    if org.kind_level == "chi-bo":
        return org.committee or org.name
    return org.committee_name


def issuer_words(issuer: str, level: str) -> IssuerWords:
    """The code, T/M and archive line of the body that issues: words.yaml's report.issuers
    by the issuer's first words ("Huyện ủy …" -> HU), else by the organisation's level."""
    words = current_words()
    name = _fold(issuer)
    for start in sorted(words.report.issuers, key=len, reverse=True):  # "Đảng ủy Khối" first
        if name == _fold(start) or name.startswith(_fold(start) + " "):
            return words.report.issuers[start]
    own = words.report
    return IssuerWords(code=words.by_level(own.issuer_code, level),
                       on_behalf=words.by_level(own.on_behalf, level),
                       archive=words.by_level(own.archive, level))


def _fold(text: str) -> str:
    """A name compared whatever its case and tone-mark placement ("Đảng uỷ khối" is "Đảng ủy Khối")."""
    return tone_style(unicodedata.normalize("NFC", text), "traditional").casefold()


def _higher(meta: ReportMeta, event: EventBase, d: _Defaults) -> str:
    return meta.higher or (event.higher.name if event.higher else None) or d.blank("higher", BLANK)


def _number(meta: ReportMeta, d: _Defaults) -> str:
    # numbers are given when the document is registered: room to write one in
    return f"{meta.number:02d}" if meta.number else d.blank("number", "\u00a0" * 6)


def _place(meta: ReportMeta, event: EventBase, d: _Defaults) -> str:
    if meta.place:
        return meta.place
    for org in (event.org, event.higher):
        if org is not None and org.place is not None:
            return d.derived("place", org.place.name)
    return d.blank("place", BLANK)


def _secretary(event: EventBase) -> str | None:
    """Who signs for the committee: the Bí thư the congress elected (or re-elected), else a
    member of the meeting (not a guest) whose title is the Bí thư of this organisation."""
    if isinstance(event, DaiHoi) and event.elections:
        for officer in event.elections.officers:
            if officer.name and _is_secretary(officer.role, event.org, role_only=True):
                return officer.name
        return None  # the new committee signs; an earlier Bí thư would be a guess
    guests = {p.name for p in event.guests} - {p.name for p in event.chairs}
    for name, person in event.people().items():
        if name not in guests and any(_is_secretary(t, event.org) for t in person.titles):
            return name
    return None


def _is_secretary(title: str, org: Organisation, role_only: bool = False) -> bool:
    """"Bí thư", "Bí thư Đảng ủy", "Bí thư Đảng ủy xã Vĩnh Lộc", "Bí thư Chi bộ": the head of
    `org` ("Phó Bí thư" is not)."""
    secretary = current_words().organisation.secretary
    if title == secretary:
        return role_only
    if not title.startswith(secretary + " "):
        return False
    rest = title[len(secretary) + 1:]
    if len(rest.split()) < 2:
        return False
    names = (org.committee_name, org.name, org.short_name)
    return any(n == rest or n.startswith(rest + " ") for n in names)


def _report_recipients(event: EventBase) -> list[str]:
    out = []
    if event.higher is not None:
        out.append(current_words().report.higher_standing.format(committee=event.higher.committee_name))
    to = _proposed_to(event)
    if to and not _named_in(to, out):
        out.append(to)  # the body asked to rate must receive the report
    return out


def _resolution_recipients(event: DaiHoi) -> list[str]:
    out = _report_recipients(event)
    words = current_words().report
    if event.org.kind_level != "chi-bo" and (event.subunits or event.base_orgs):
        out.append(words.cells_and_bodies)  # they carry the resolution out
    elif event.cells and event.org.kind_level != "chi-bo":
        out.append(words.cells)
    return out


def _proposed_to(event: EventBase) -> str | None:
    """The body a review proposes to, when it is one a document can be sent to: not "cấp trên"
    (words.yaml report.vague_recipients), not the higher body under another of its names."""
    to = event.proposals.to if isinstance(event, KiemDiem) and event.proposals else None
    if not to:
        return None
    name = _fold(to)
    if any(re.search(rf"(?<!\w){re.escape(_fold(v))}(?!\w)", name) for v in current_words().report.vague_recipients):
        return None
    higher = event.higher
    if higher is not None and name in {_fold(n) for n in (higher.name, higher.committee_name, higher.short_name)}:
        return None  # the higher committee's standing committee receives it already
    return to


def _named_in(place: str, recipients: list[str]) -> bool:
    """PLACE is one of RECIPIENTS, or the end of one ("Huyện ủy X" in "Ban Thường vụ Huyện ủy X")."""
    name = _fold(place)
    return any(r == name or r.endswith(" " + name) for r in map(_fold, recipients))


def _recipients(meta: ReportMeta, event: EventBase, d: _Defaults, wanted: list[str],
                archive: str) -> tuple[str, ...]:
    words = current_words().report
    if meta.recipients:
        given = list(meta.recipients)
        to = _proposed_to(event)
        if to and not _named_in(to, given):  # a report that proposes to a body is sent to it
            at = next((i for i, r in enumerate(given) if r.startswith(words.archive_word)), len(given))
            given.insert(at, to)
            d.derived("recipients", "", to)
        return tuple(map(capfirst, given))
    out = tuple(map(capfirst, _unique([*wanted, archive])))
    d.derived("recipients", "", "; ".join(out))
    return out


def _unique(items):
    return list(dict.fromkeys(items))
