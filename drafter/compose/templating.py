"""The Jinja environment: template search path, sandbox, filters, and template errors with lines."""
from __future__ import annotations

import hashlib
import re
import signal
import threading
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

import jinja2
import jinja2.bccache
from jinja2 import FileSystemLoader, StrictUndefined, pass_context
from . import filters
from .blocks import LITERAL_AT, Photo, Table
from ..errors import DrafterError, fail
from .sandbox import SIZE_LIMIT, Overrun as _Overrun, Sandbox as BoundedSandbox

def _builtin_dir() -> Path:
    # Installed: drafter/templates (package data); source checkout or editable: ../../templates.
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "templates", here.parent.parent / "templates"):
        if (candidate / "article.j2").is_file():
            return candidate
    raise RuntimeError(f"built-in templates not found beside {here}")


BUILTIN_DIR = _builtin_dir()


def _finalize(value):
    # Data text is one line already and never starts with "@" (model.clean_text), so it
    # cannot open a block of its own.
    if value is None:
        raise _EmptyValue()
    return value


class _EmptyValue(Exception):
    pass


class RenderState:
    """Per-render state for our globals: objects referred to by blocks, phrasing choices,
    and what the fact audit needs (the fields the template read, what it leaves out)."""

    def __init__(self, identity: str, variant: int | None):
        self.objects: list = []
        self.identity = identity
        self.variant = variant
        self.reads: set[tuple[int, str]] = set()
        self.scope: list[str] = []


_READS: ContextVar[set | None] = ContextVar("drafter_reads", default=None)


class Sandbox(BoundedSandbox):
    """The bounded sandbox (sandbox.py), its verdict on each attribute remembered.

    The rule (no "_" names, no internals of functions, methods, frames, generators…) depends
    only on the object's type and the attribute's name, and a document asks it about a hundred
    times: the same answers, from a dict.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._verdicts: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj, attr, value) -> bool:
        key = (type(obj), attr)
        verdict = self._verdicts.get(key)
        if verdict is None:
            if len(self._verdicts) > 4096:  # office templates are finite, but stay bounded
                self._verdicts.clear()
            verdict = self._verdicts[key] = super().is_safe_attribute(obj, attr, value)
        return verdict


class AuditedEnvironment(Sandbox):
    """The sandbox, noting which fields of the data a template reads (for the fact audit)."""

    def getattr(self, obj, attribute):
        reads = _READS.get()
        if reads is not None:
            reads.add((id(obj), attribute))
        return super().getattr(obj, attribute)


@pass_context
def _out_of_scope(ctx, *paths: str) -> str:
    """Declares facts this document does not print by design (a report has no byline)."""
    ctx["_state"].scope.extend(paths)
    return ""


@pass_context
def _pick(ctx, *phrasings: str) -> str:
    """One of several phrasings of the same sentence part.

    Deterministic: --variant N takes the N-th (wrapping round); otherwise the choice follows
    from the document's identity (kind, organisation, date) and the phrasings themselves, so
    the same YAML always reads the same, two documents of one office do not all read alike,
    and editing one pick() leaves the choice of every other one as it was.
    """
    state: RenderState = ctx["_state"]
    if state.variant is not None:
        return phrasings[state.variant % len(phrasings)]
    key = "\x1f".join((state.identity, *phrasings))
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return phrasings[int.from_bytes(digest[:4], "big") % len(phrasings)]


@pass_context
def _photos(ctx, after: str) -> str:
    """Photo blocks placed after a named part of the article."""
    out = []
    for photo in ctx["event"].photos:
        if photo.after == after:
            # the writers get the file and caption alone, never the data model's object
            picture = Photo(photo.file, photo.caption.replace(LITERAL_AT, "@"))
            out.append(f"@photo {_keep(ctx, picture)}")
    return "\n\n".join(out)


@pass_context
def _table(ctx, header, rows, caption: str = "") -> str:
    """A real table (ratings by level, targets with figures) for writers that have tables."""
    table = Table(tuple(str(h) for h in header), tuple(tuple(str(c) for c in row) for row in rows),
                  caption.replace(LITERAL_AT, "@"))
    return f"\n\n@table {_keep(ctx, table)}\n\n"


def _keep(ctx, obj) -> int:
    objects = ctx["_state"].objects
    objects.append(obj)
    return len(objects) - 1


TIME_LIMIT = 10.0  # seconds for one document: a template loop must not hang a batch


def _limited(chunks):
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > SIZE_LIMIT:
            raise _Overrun("template_too_large", SIZE_LIMIT)
        yield chunk


@contextmanager
def _time_limit(seconds: float):
    """SIGALRM where we can (main thread, POSIX); elsewhere the size limit still holds."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise _Overrun("template_timeout", seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _check_inside(folder: str, name: str, filename: str) -> None:
    """A template is a regular file inside its folder: a link to /etc/passwd in an office folder
    is refused, not rendered into a document."""
    from ..read.paths import inside

    target = inside(folder, name)
    if target is None or not target.is_file():
        raise fail(filename, "template_outside", name=name, folder=folder)


class SearchPathLoader(jinja2.BaseLoader):
    """Folders searched in order (office folders first, built-ins last), MkDocs-style.

    An office template may `{% extends %}` the template of its own name: that means the
    same name further down the search path (usually the built-in), not itself. Internally
    such a parent is named "@N/name": "name" as found from folder N on. "builtin/name"
    always means the built-in.
    """

    def __init__(self, folders: list[str]):
        self.folders = list(folders)
        self.loaders = [FileSystemLoader(f, encoding="utf-8") for f in folders]

    def get_source(self, environment, template):
        start, name = 0, template
        if template.startswith("@") and "/" in template:
            head, name = template[1:].split("/", 1)
            start = int(head)
        elif template.startswith("builtin/"):
            start, name = len(self.loaders) - 1, template[len("builtin/"):]
        for index in range(start, len(self.loaders)):
            try:
                source, filename, uptodate = self.loaders[index].get_source(environment, name)
            except jinja2.TemplateNotFound:
                continue
            _check_inside(self.folders[index], name, filename)
            own = re.compile(r"(\{%-?\s*extends\s+)([\"'])" + re.escape(name) + r"\2")
            source = own.sub(lambda m: f"{m[1]}{m[2]}@{index + 1}/{name}{m[2]}", source)
            return source, filename, uptodate
        raise jinja2.TemplateNotFound(name)

    def list_templates(self):
        return sorted({n for loader in self.loaders for n in loader.list_templates()})


MAX_BYTECODE = 2 << 20  # bytes of one compiled template


class BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between runs, keyed by the environment as well as the template.

    Jinja keys its cache by template name and file only, yet the code it compiles depends on
    the environment: a sandboxed one routes every call through `environment.call`, which a
    plain Environment lacks (reading such code crashes it), and plain code read by a sandbox
    would run unchecked. Whitespace options and finalize change the code as well.
    """

    def load_bytecode(self, bucket):
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError):  # unreadable or corrupt: compile again
            bucket.reset()

    def dump_bytecode(self, bucket):
        try:
            if len(bucket.bytecode_to_string()) <= MAX_BYTECODE:  # a larger one is a hostile template
                super().dump_bytecode(bucket)
        except OSError:  # disk full, read-only: the render goes on without the cache
            pass

    def get_bucket(self, environment, name, filename, source):
        key = hashlib.sha1(f"{self.get_cache_key(name, filename)}|{_compiled_as(environment)}"
                           .encode("utf-8")).hexdigest()
        bucket = jinja2.bccache.Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket


def _compiled_as(env: jinja2.Environment) -> str:
    """Everything about an environment that shapes the code Jinja compiles."""
    def named(value):
        return value if isinstance(value, (bool, type(None))) else getattr(value, "__qualname__", repr(value))

    kind = type(env)
    settings = (f"{kind.__module__}.{kind.__qualname__}", env.sandboxed, env.is_async, env.optimized,
                env.block_start_string, env.block_end_string, env.variable_start_string,
                env.variable_end_string, env.comment_start_string, env.comment_end_string,
                env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks,
                env.newline_sequence, env.keep_trailing_newline, named(env.autoescape),
                named(env.finalize), tuple(sorted(env.extensions)),
                # the bounded sandbox compiles its operators and concatenation differently
                tuple(sorted(getattr(env, "intercepted_binops", ()))), named(env.code_generator_class))
    return repr(settings)


def _bytecode_cache():
    """Compiled templates kept between runs (keyed by source checksum): compiling the built-in
    templates is most of a cold `drafter render`."""
    from ..cache import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    try:
        (folder / "jinja").mkdir(exist_ok=True)
    except OSError:  # the cache is an optimisation: without it drafter works the same
        return None
    return BytecodeCache(str(folder / "jinja"))


@lru_cache(maxsize=16)
def environment(search_path: tuple[str, ...] = ()) -> Sandbox:
    """One compiled-template cache per search path: office folders first, built-ins last."""
    env = AuditedEnvironment(
        loader=SearchPathLoader([*search_path, str(BUILTIN_DIR)]),
        bytecode_cache=_bytecode_cache(),
        undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, autoescape=False,
        finalize=_finalize, auto_reload=False,
    )
    env.filters.update(filters.FILTERS)
    env.globals.update(photos=_photos, table=_table, pick=_pick, out_of_scope=_out_of_scope)
    env.tests["given"] = given
    return env


def given(value) -> bool:
    """A fact the user gave: not None, False, "" or an empty list (a 0 count is given)."""
    if value is None or value is False or value == "":
        return False
    return not (isinstance(value, (list, tuple, dict)) and not value)


def render(name: str, context: dict, search_path: tuple[str, ...] = (), identity: str = "",
           variant: int | None = None) -> tuple[str, RenderState]:
    """Render template NAME; returns the markup and the state: the objects (photos, tables)
    it refers to, the fields it read and the facts it declares out of its scope."""
    env = environment(search_path)
    state = RenderState(identity, variant)
    token = _READS.set(state.reads)
    try:
        with _time_limit(TIME_LIMIT):  # compiling is bounded too: an office template is user code
            template = env.get_template(name)
            return "".join(_limited(template.generate({**context, "_state": state}))), state
    except DrafterError:  # already says where: a template outside its folder
        raise
    except _Overrun as exc:
        file, line = _template_frame(exc, name)
        if file == name:
            file = _filename(env, name)
        raise fail(file, exc.code, line=line, limit=exc.limit) from None
    except _EmptyValue as exc:
        file, line = _template_frame(exc, name)
        raise fail(file, "template_none", line=line) from None
    except jinja2.TemplateNotFound as exc:
        from ..tools.catalog import not_found

        raise not_found(exc.name, env.list_templates(extensions=["j2"])) from None
    except jinja2.TemplateSyntaxError as exc:
        raise fail(exc.filename or exc.name or name, "template_syntax", line=exc.lineno,
                   detail=exc.message) from None
    except jinja2.UndefinedError as exc:
        file, line = _template_frame(exc, name)
        match = _NO_ATTRIBUTE.search(str(exc))
        if match:  # name the field the template expected, and the closest real one
            args = {"name": match[2], **_suggestion(match[1], match[2])}
            raise fail(file, "template_unknown_field", line=line, **args) from None
        undefined = _UNDEFINED.search(str(exc))
        if undefined:
            raise fail(file, "template_unknown_name", line=line, name=undefined[1]) from None
        raise fail(file, "template_error", line=line, detail=_describe(exc)) from None
    except Exception as exc:  # a template is user code: any failure is reported with its line
        file, line = _template_frame(exc, name)
        raise fail(file, "template_error", line=line, detail=_describe(exc)) from None
    finally:
        _READS.reset(token)


_UNDEFINED = re.compile(r"^'(\w+)' is undefined")
_NO_ATTRIBUTE = re.compile(r"'(?:[\w.]+\.)?(\w+) object' has no attribute '(\w+)'")


def _suggestion(class_name: str, attr: str) -> dict:
    from .. import model

    cls = getattr(model, class_name, None)
    fields = list(getattr(cls, "model_fields", {}))
    import difflib  # only for a template error: not at every start

    close = difflib.get_close_matches(attr, fields, n=1, cutoff=0.6)
    return {"suggest": close[0]} if close else {}


def resolve(name: str, search_path: tuple[str, ...] = ()) -> str:
    """The file template NAME comes from, for messages."""
    return _filename(environment(search_path), name)


def _filename(env, name: str) -> str:
    """The file a template name resolves to (an office's, or the built-in)."""
    try:
        return env.get_template(name).filename or name
    except jinja2.TemplateError:
        return name


def _template_frame(exc: BaseException, name: str) -> tuple[str, int | None]:
    """The template line being run, from the traceback Jinja rewrites (as jinja2.debug does)."""
    import traceback  # only for a template error

    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(".j2"):
            return frame.filename, frame.lineno
    return name, None


def _describe(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text
