"""What a Party report needs and an article does not: header, number, signer, recipients.

Each is optional in the YAML; a sensible default is used and a warning names the field,
so an office sees what to fill in before the report is signed.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .model import EventBase

BLANK = "……"  # the dotted blank Vietnamese forms use for "to be filled in"
ISSUER_CODES = {"chi-bo": "CB"}  # every other level: ĐU (Đảng ủy)
ON_BEHALF = {"chi-bo": "Chi bộ"}  # every other level: Đảng ủy


@dataclass(frozen=True)
class ReportInfo:
    higher: str
    issuer: str
    number: str
    type_code: str
    issuer_code: str
    place: str
    date: dt.date
    on_behalf: str
    signer_role: str
    signer_name: str
    recipients: tuple[str, ...]


def report_info(event: EventBase) -> tuple[ReportInfo, list[tuple[str, str]]]:
    """The report's header and signature; warnings are (field path, message code, arguments),
    each saying which default was used."""
    meta, org, level = event.report, event.org, event.org.kind_level
    warnings: list[tuple[str, str, dict]] = []

    def default(field: str, value: str, shown: str | None = None) -> str:
        blank = not value.strip() or value == BLANK
        warnings.append((f"report.{field}", "report_blank" if blank else "report_default",
                         {} if blank else {"used": shown or value}))
        return value

    higher = meta.higher or (event.higher.name if event.higher else None) or default("higher", BLANK)
    number = f"{meta.number:02d}" if meta.number else default("number", "\u00a0" * 6)
    place = meta.place or _place(event) or default("place", BLANK)
    signer = meta.signer
    on_behalf = signer.on_behalf if signer and signer.on_behalf else ON_BEHALF.get(level, "Đảng ủy")
    if signer is None:
        warnings.append(("report.signer", "report_signer", {"on_behalf": on_behalf}))
    recipients = tuple(meta.recipients)
    if not recipients:
        recipients = tuple(_recipients(event))
        default("recipients", "; ".join(recipients))
    info = ReportInfo(
        higher=higher,
        issuer=meta.issuer or org.committee_name,
        number=number,
        type_code=meta.type_code,
        issuer_code=meta.issuer_code or ISSUER_CODES.get(level, "ĐU"),
        place=place,
        date=meta.date or event.end_date or event.date,
        on_behalf=on_behalf,
        signer_role=signer.role if signer else "Bí thư",
        signer_name=signer.name if signer else BLANK,
        recipients=recipients,
    )
    return info, warnings


def _place(event: EventBase) -> str | None:
    for org in (event.org, event.higher):
        if org is not None and org.place is not None:
            return org.place.name
    return None


def _recipients(event: EventBase) -> list[str]:
    out = []
    if event.higher is not None:
        out.append(f"Ban Thường vụ {event.higher.committee_name}")
    out.append(f"Lưu Văn phòng {event.org.committee_name}")
    return out
