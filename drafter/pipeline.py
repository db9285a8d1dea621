"""The whole job, top-down: load -> validate -> context -> template -> blocks -> document -> writer.

The document depends on the event and the document kind, never on the format: it is built once
and every format is written from it (`draft_file`, then `write` per format)."""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import wraps
from pathlib import Path

from .compose import party, templating, words
from .check.audit import audit
from .check.audit.facts import facts
from .compose.blocks import MarkupError, parse
from .compose.document import PARTY_DOCS, Document, PartRepeated, build  # noqa: F401 (PARTY_DOCS re-exported)
from .check.consistency import issues, issues_of, warnings_or_raise
from .errors import Issue, fail
from .read.loader import Loaded, load_file
from .model import EventBase
from .compose.orthography import keep_pattern, tone_style_except
from .compose.party_meta import report_info, resolution_info
from .model.validate import validate
from .writers import WRITERS, Writer

DEFAULT_STYLE = {"article": "bai", "report": "bao-cao", "resolution": "nghi-quyet"}
RESOLUTION_KINDS = ("dai-hoi",)  # a congress adopts a resolution; a meeting reports


@dataclass(frozen=True)
class Options:
    format: str = "txt"
    doc: str = "article"  # article | report | resolution
    template: str | None = None  # a style name ("bai", "tin") or a template path
    search_path: tuple[str, ...] = ()  # office template folders, first wins
    reference_doc: str | None = None  # DOCX whose styles and page set-up are used
    variant: int | None = None  # fixes every pick() to its N-th phrasing
    strict: bool = False  # consistency warnings become errors
    from_encoding: str | None = None  # convert a legacy-encoded file (tcvn3, vni, cp1258)
    embed: bool = False  # HTML: images inside the page (data: URIs) instead of files beside it
    fragment: bool = False  # HTML: the article alone, for a portal's editor


@dataclass(frozen=True)
class Output:
    data: str | bytes
    warnings: list[Issue]
    assets: tuple[tuple[str, Path], ...] = ()  # (name beside the output, source file) to copy


def render_file(path: str | Path, options: Options = Options()) -> Output:
    writer = writer_for(options.format)
    document, warnings = draft_file(path, options)
    return write(document, options, warnings, writer)


def draft_file(path: str | Path, options: Options = Options()) -> tuple[Document, list[Issue]]:
    """The document of one file and its warnings, for any number of formats."""
    return draft(load_file(path, options.from_encoding), options, Path(path).parent)


def write(document: Document, options: Options, warnings: list[Issue] = (), writer: Writer | None = None) -> Output:
    """One format of a document: the writer of `options.format`, with its own options."""
    writer = writer or writer_for(options.format)
    settings = writer.options.of(options)  # typed, the writer's own
    return Output(writer.write(document, settings), list(warnings), writer.assets_of(document, settings))


def validate_file(path: str | Path, options: Options = Options()) -> list[Issue]:
    """What `drafter validate` reports: the checks, then the audit of the rendered document."""
    return draft_file(path, options)[1]


def _with_words(stage):
    """Run a stage with the words.yaml of its options' search path (office folders first)."""
    @wraps(stage)
    def run(event_or_loaded, options: Options, *args, **kwargs):
        with words.using(options.search_path):
            return stage(event_or_loaded, options, *args, **kwargs)
    return run


@_with_words
def draft(loaded: Loaded, options: Options, base_dir: Path) -> tuple[Document, list[Issue]]:
    """Validate, check, render and audit a loaded file: the document and its warnings."""
    event = validate(loaded)
    doc_allowed(event, options, loaded)
    warnings = warnings_or_raise(issues(event, loaded, options.doc, options.strict))
    document, problems = render_event(event, options, base_dir=base_dir)
    return document, warnings + warnings_or_raise(issues_of(problems, event, loaded, options.strict))


def doc_allowed(event: EventBase, options: Options, loaded: Loaded | None = None) -> None:
    """A resolution is a congress's: any other kind is refused at its `kind:` line."""
    if options.doc == "resolution" and event.kind not in RESOLUTION_KINDS:
        line, col = loaded.mark(("kind",)) if loaded else (None, None)
        raise fail(loaded.file if loaded else "--doc", "doc_not_for_kind", path="kind", line=line, col=col,
                   doc=options.doc, kind=event.kind, allowed=", ".join(RESOLUTION_KINDS))


@_with_words
def render_event(event: EventBase, options: Options, base_dir: Path = Path(".")) -> tuple[Document, list]:
    """The document every writer receives, and the audit's problems with it."""
    doc_allowed(event, options)
    name = template_name(event, options)
    markup, state = templating.render(name, context(event), options.search_path,
                                      identity=identity(event), variant=options.variant)
    file = templating.resolve(name, options.search_path)
    try:
        blocks = parse(markup, state.objects)
        # a Party document's parts by kind, and no section without content
        document = build(blocks, options.doc, author=_author(event), date=event.date, base_dir=base_dir,
                         published=_published(event), words=words.current())
    except MarkupError as exc:  # at the directive's line when the template source holds it
        from .tools.directives import render_error

        raise render_error(templating.environment(options.search_path), name, exc.directive, file) from None
    except PartRepeated as exc:
        raise fail(file, "template_part_repeated", directive=exc.kind) from None
    given = facts(event)
    document = house_style(document, event.style.tone_marks, names(given))
    problems = audit(event, document.blocks, state.reads, state.scope, options.doc, file, given=given)
    if document.party:  # after the audit, which finds the facts as the user wrote them
        document = party.in_full_names(document, event)
    return replace(document, title=_title(document.blocks)), problems


def names(given) -> list[str]:
    """Names of people, organisations and places as the user wrote them (from the facts)."""
    return [f.value for f in given if f.name and isinstance(f.value, str)]


def house_style(document: Document, tone_marks: str, keep: list[str] = ()) -> Document:
    """One placement of tone marks through the document's wording and the user's prose;
    names are printed exactly as written."""
    if tone_marks == "keep":
        return document
    pattern = keep_pattern(keep)
    return document.map_text(lambda kind, text: tone_style_except(text, tone_marks, pattern))


def writer_for(fmt: str) -> Writer:
    if fmt not in WRITERS:
        raise fail("--format", "unknown_format", name=fmt, allowed=", ".join(WRITERS))
    return WRITERS[fmt]


def template_name(event: EventBase, options: Options) -> str:
    style = options.template or DEFAULT_STYLE[options.doc]
    if style.endswith(".j2"):
        return style
    return f"{event.kind}/{style}.j2"


def identity(event: EventBase) -> str:
    """What makes a document itself, for choosing among phrasings: stable across runs."""
    return f"{event.kind}|{event.org.name}|{event.date.isoformat()}"


def context(event: EventBase) -> dict:
    """What templates see: the event, persons by name (for references), the report's header
    (and a congress's resolution's)."""
    persons = event.people()
    # "people" is the old name of "persons" (it is also a filter): office templates written
    # before the rename keep working
    found = {"event": event, "persons": persons, "people": persons, "report": report_info(event)[0]}
    if event.kind in RESOLUTION_KINDS:
        found["resolution"] = resolution_info(event)[0]
    return found


def _title(blocks) -> str:
    """The headline of an article; "BÁO CÁO" and its summary line for a report."""
    texts = {b.kind: b.text for b in reversed(blocks)}
    if "headline" in texts:
        return texts["headline"]
    return " ".join(t for t in (texts.get("title"), texts.get("subtitle")) if t)


def _published(event: EventBase) -> str:
    """2025-07-18T12:03 (the time zero-padded, as HTML's datetime wants), or the date alone."""
    published = event.published
    if published is None:
        return ""
    if published.time:
        hours, minutes = published.time.split(":")
        return f"{published.date.isoformat()}T{int(hours):02d}:{minutes}"
    return published.date.isoformat()


def _author(event: EventBase) -> str:
    return ", ".join(event.byline.authors) if event.byline else ""
