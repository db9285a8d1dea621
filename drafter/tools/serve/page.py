"""GET /: the page, with what its script needs to build the form (the model's JSON Schema,
labels, sections, documents, formats, blank files) embedded once, as JSON."""
from __future__ import annotations

import json
from functools import lru_cache
from html import escape
from importlib import resources

from ...model import KINDS
from ...pipeline import DEFAULT_STYLE
from ...writers import WRITERS
from . import labels

DOWNLOADS = ("docx", "pdf", "html")


@lru_cache(maxsize=4)
def page(lang: str) -> str:
    html = resources.files(__package__).joinpath("static", "index.html").read_text(encoding="utf-8")
    data = json.dumps(spec(lang), ensure_ascii=False).replace("</", "<\\/")
    other = "vi" if lang == "en" else "en"
    return (html.replace("{lang}", lang).replace("{title}", escape(labels.pick(labels.UI["title"], lang)))
            .replace("{other_lang}", other).replace("{other_lang_name}", "Tiếng Việt" if other == "vi" else "English")
            .replace("{spec}", data))


def spec(lang: str) -> dict:
    from ...model.docs import json_schema
    from ..skeleton import skeleton

    pick = labels.pick
    return {
        "lang": lang,
        "schema": json_schema(),
        "kinds": {k: {"label": pick(labels.KIND_NAMES.get(k, (k, k)), lang), "model": m.__name__,
                      "skeleton": skeleton(k)} for k, m in KINDS.items()},
        "labels": {k: pick(v, lang) for k, v in labels.FIELDS.items()},
        "order": labels.ORDER,
        "values": {k: pick(v, lang) for k, v in labels.VALUES.items()},
        "groups": [{"id": g, "label": pick((vi, en), lang), "fields": fields}
                   for g, vi, en, fields in labels.GROUPS],
        "other": {"id": labels.OTHER_GROUP[0], "label": pick(labels.OTHER_GROUP[1:], lang)},
        # every document a style exists for: a new one in DEFAULT_STYLE appears here by itself
        "docs": [{"id": d, "label": pick(labels.DOCS.get(d, (d, d)), lang), "kinds": kinds_for(d)}
                 for d in DEFAULT_STYLE],
        "downloads": [{"format": f, "available": f in WRITERS, "extension": WRITERS[f].extension
                       if f in WRITERS else f".{f}"} for f in DOWNLOADS],
        "ui": {k: pick(v, lang) for k, v in labels.UI.items()},
    }


def kinds_for(doc: str) -> list[str]:
    """The kinds of event DOC is written for (a resolution is a congress's), asked of the
    pipeline itself with the smallest file of each kind."""
    from ...errors import DrafterError
    from ...read.loader import load_text
    from ...pipeline import Options, doc_allowed
    from ...model.validate import validate
    from .warm import SAMPLES

    found = []
    for kind, text in SAMPLES.items():
        try:
            doc_allowed(validate(load_text(text)), Options(doc=doc))
        except DrafterError:
            continue
        found.append(kind)
    return found
