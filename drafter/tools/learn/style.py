"""Learn a style from files and write it into an office folder, then prove it: the folder's
templates pass `templates check`, and the style renders the data back into the article."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ...errors import fail
from ...read.loader import load_file, read_text
from ...writers.output import write_atomic
from ...model.validate import validate
from . import Learned, learn
from .article import fold

_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass
class Result:
    path: Path
    learned: Learned
    difference: tuple[int, str, str] | None  # first paragraph that does not come back: (n, article, render)


def learn_files(article: Path, data: Path, office: Path, name: str, force: bool = False) -> Result:
    if not _NAME.match(name):
        raise fail("--style", "learn_bad_name", name=name)
    event = validate(load_file(data))
    text = read_text(article)
    learned = learn(text, event, Path(article).name)
    if not learned.article:
        raise fail(str(article), "learn_no_article")
    target = Path(office) / event.kind / f"{name}.j2"
    if target.exists() and not force:
        raise fail(str(target), "learn_exists")
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, learned.template, inputs=(article, data))
    return Result(target, learned, round_trip(event, learned.article, office, name))


def round_trip(event, paragraphs: list[str], office: Path, name: str):
    """Render EVENT with the learned style; the first paragraph that differs from the article."""
    from ..lint import check_templates
    from ...pipeline import Options, render_event
    from ...writers import WRITERS

    issues = check_templates((str(office),), include_builtin=False)
    if issues:
        from ...errors import DrafterError

        raise DrafterError(issues)
    rendered, _ = render_event(event, Options(template=name, search_path=(str(office),)))
    got = [fold(p) for p in WRITERS["txt"].write(rendered).split("\n\n") if p.strip()]
    for i, (a, b) in enumerate(zip(paragraphs + [""] * len(got), got + [""] * len(paragraphs))):
        if a != b:
            return i + 1, a, b
    return None
