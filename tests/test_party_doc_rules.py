"""Party documents as a Party-office secretary signs them: the issuing body named the same way in
the header, the number's code and the signature; the opening date; recipients; names in full;
no sentence announcing what does not follow; header lines broken at phrase boundaries."""
import datetime as dt
import re

import pytest

from drafter.compose.words import load as load_words
from drafter.pipeline import Options, render_file

from conftest import MINIMAL


def render(write, text: str, doc: str = "report"):
    return render_file(write(text), Options(doc=doc))


def body_of(text: str) -> str:
    """The report between its title's rule and the signature."""
    return text.split("\n-----\n", 1)[1].split("\nT/M ", 1)[0]


def opening(text: str) -> str:
    """The first paragraph of the body that is not a heading."""
    blocks = [b.strip() for b in body_of(text).split("\n\n") if b.strip()]
    return next(b for b in blocks if not re.match(r"^[IVX]+- ", b))


# ---- the opening date ------------------------------------------------------------------------

@pytest.mark.parametrize("kind", sorted(MINIMAL))
def test_every_report_opens_with_the_party_document_date(write, kind):
    text = MINIMAL[kind] + "time_of_day: chiều\n"
    date = dt.date.fromisoformat(re.search(r"^date: (\S+)$", text, re.M)[1])
    month = f"{date.month:02d}" if date.month < 3 else str(date.month)
    first = opening(render(write, text).data)
    assert first.startswith(f"Chiều ngày {date.day:02d} tháng {month} năm {date.year}, "), first
    assert f"Chiều {date.day}/{date.month}" not in first
