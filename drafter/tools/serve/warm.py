"""Warm-up before the first request: the model, every kind's templates and each writer are
loaded once, so the first keystroke renders as fast as the hundredth."""
from __future__ import annotations

from ...check.consistency import issues
from ...errors import DrafterError
from ...pipeline import DEFAULT_STYLE, Options, render_event
from ...model.validate import validate
from ...read.loader import load_text
from ...writers import WRITERS

# The smallest valid file of each kind.
SAMPLES = {
    "dai-hoi": "kind: dai-hoi\norg: {name: Chi bộ A}\ndate: 2025-05-05\nordinal: 1\nterm: 2025-2030\n",
    "hoi-nghi-tong-ket": ("kind: hoi-nghi-tong-ket\norg: {name: Chi bộ A, place: {kind: xã, name: Vĩnh Điều}}\n"
                          "date: 2026-01-05\nyear: 2025\n"  # a place and a decimal: the place index
                          "results: [{items: [{text: đạt, value: 94.5, unit: '%'}]}]\n"),  # and Babel load
    "kiem-diem": "kind: kiem-diem\norg: {name: Chi bộ A}\ndate: 2026-01-05\nyear: 2025\n",
}


def warm(search_path: tuple[str, ...] = ()) -> None:
    from .page import page
    from .preview import sheet

    for lang in ("vi", "en"):
        page(lang)
    for text in SAMPLES.values():
        loaded = load_text(text)
        event = validate(loaded)
        issues(event, loaded)
        for doc in DEFAULT_STYLE:
            try:
                rendered, _ = render_event(event, Options(doc=doc, search_path=search_path))
            except DrafterError:  # an office template's problem: the page will say so
                continue
            sheet(rendered)
            for name in ("txt", "html", "docx"):
                if name in WRITERS:
                    WRITERS[name].write(rendered)
