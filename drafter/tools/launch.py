"""The `drafter` command's entry point: a plain one-file render starts without typer.

typer builds a pydantic TypeAdapter for every option of a command before it runs it, and its
import alone is more than the render of one document: together ~40 ms of a ~0.2 s start.
`drafter render FILE [options]`, the command scripts run once per document, is read here
when its arguments are plain, and run the way cli.render runs it. Everything else (help,
batch, other commands, a value typer must check or explain, anything unusual) goes to the
typer CLI in cli.py, which owns the interface and its messages. tests/test_launch.py runs
both on the same command lines and requires the same output, files and exit code, and that
the options read here are exactly those cli.render declares.
"""
from __future__ import annotations

import errno
import gc
import os
import re
import sys
import types
from pathlib import Path

# cli.render's options: name -> (field, takes a value). Flags take none.
OPTIONS = {
    "--format": ("format", True), "-f": ("format", True),
    "--output": ("output", True), "-o": ("output", True),
    "--doc": ("doc", True), "--template": ("template", True), "--templates": ("templates", True),
    "--reference-doc": ("reference_doc", True), "--variant": ("variant", True),
    "--from-encoding": ("from_encoding", True), "--lang": ("lang", True), "--strict": ("strict", False),
    "--embed": ("embed", False), "--fragment": ("fragment", False),
}
REPEATABLE = {"templates"}
# cli.render's options left to typer: a batch option (and what typer checks, min=1).
TYPER_ONLY = {"--jobs", "-j"}
# Formats whose single-file render is output, or -o FILE, and nothing else (HTML has images to
# copy, PDF a LibreOffice to run: typer's path).
FORMATS = ("txt", "md", "docx")
_ANSI = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")  # what click.echo strips when not on a terminal


def main() -> None:
    # Start-up allocates much and frees little: collection passes during import are wasted
    # (~14 ms). A one-file render runs without them; other commands get them back.
    gc.disable()
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")  # as cli.py sets it
    _without_plugin_lookup()
    request = parse(sys.argv[1:])
    if request is None:
        from . import cli

        gc.freeze()  # what is imported stays; it need not be scanned again
        gc.enable()
        cli.main()
        return
    raise SystemExit(render(**request))


def parse(args: list[str]) -> dict | None:
    """cli.render's arguments when they are plain, else None (the typer CLI takes them)."""
    if not args or args[0] != "render" or "_DRAFTER_COMPLETE" in os.environ:
        return None
    values: dict = {"templates": []}
    files = []
    rest = iter(args[1:])
    for arg in rest:
        if not arg.startswith("-"):
            files.append(arg)
            continue
        name, has_value, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name not in OPTIONS:
            return None
        field, takes_value = OPTIONS[name]
        if not takes_value:
            if has_value:
                return None
            values[field] = True
            continue
        if not has_value:
            value = next(rest, None)
        if not value or value.startswith("-"):  # missing, empty or odd: typer explains
            return None
        if field in REPEATABLE:
            values[field].append(value)
        elif field in values:
            return None
        else:
            values[field] = value
    if len(files) != 1 or not files[0]:
        return None
    file = Path(files[0])
    output = Path(values["output"]) if "output" in values else None
    variant = values.get("variant")
    from ..pipeline import DEFAULT_STYLE  # the documents there are (a wrong one: typer explains)

    if (values.get("format", "txt") not in FORMATS or values.get("doc", "article") not in DEFAULT_STYLE
            or (variant is not None and not (variant.isascii() and variant.isdigit()))
            or file.is_dir() or (output is not None and (output.is_dir() or values["output"].endswith(("/", os.sep))))):
        return None
    return {"file": file, "format": values.get("format", "txt"), "output": output,
            "doc": values.get("doc", "article"), "template": values.get("template"),
            "templates": [Path(t) for t in values["templates"]],
            "reference_doc": Path(values["reference_doc"]) if "reference_doc" in values else None,
            "variant": int(variant) if variant is not None else None, "strict": values.get("strict", False),
            "from_encoding": values.get("from_encoding"), "lang": values.get("lang"),
            "embed": values.get("embed", False), "fragment": values.get("fragment", False)}


def render(file: Path, format: str, output: Path | None, doc: str, template: str | None,
           templates: list[Path], reference_doc: Path | None, variant: int | None, strict: bool,
           from_encoding: str | None, lang: str | None, embed: bool, fragment: bool) -> int:
    """cli.render for one file: the same library call (jobs.render), messages and exit codes."""
    try:
        from ..errors import DrafterError
        from .jobs import render as render_one
        from ..messages import language, translate

        try:
            render_one(file, output, templates, lang, _echo, format=format, doc=doc, template=template,
                       reference_doc=reference_doc, variant=variant, strict=strict,
                       from_encoding=from_encoding, embed=embed, fragment=fragment)
        except DrafterError as exc:
            _echo(exc.format(language(lang)))
            return 2
        except KeyboardInterrupt:  # as cli._interrupted: one line, 130
            _echo(f"drafter: {translate('interrupted', language(lang))}")
            return 130
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            return _internal(exc)
        # a closed pipe (`drafter render … | head`): exit 1 quietly, as click does
        sys.stdout = _Quiet(sys.stdout)
        return 1
    except Exception as exc:
        return _internal(exc)
    return 0


def _internal(exc: Exception) -> int:
    if os.environ.get("DRAFTER_DEBUG"):
        raise exc
    from .cli import internal_error

    try:
        internal_error(exc)
    except SystemExit as done:
        return int(done.code)
    return 1


def _echo(text: str) -> None:
    """typer.echo(text, err=True)."""
    if "\033" in text and not sys.stderr.isatty():
        text = _ANSI.sub("", text)
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


class _Quiet:
    """stdout after a broken pipe: the final flush must not raise again (click's wrapper)."""

    def __init__(self, stream):
        self._stream = stream

    def flush(self):
        try:
            self._stream.flush()
        except OSError:
            pass

    def __getattr__(self, name):
        return getattr(self._stream, name)


def _without_plugin_lookup() -> None:
    """pydantic's plugin loader imports importlib.metadata (~10 ms with what it pulls in) even
    when PYDANTIC_DISABLE_PLUGINS says there are none. When all are disabled, as for drafter's
    command line, give pydantic a loader that answers what its own would: no plugins."""
    name = "pydantic.plugin._loader"
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in ("__all__", "1", "true") or name in sys.modules:
        return
    loader = types.ModuleType(name, "No pydantic plugins (drafter's command line disables them all).")
    loader.PYDANTIC_ENTRY_POINT_GROUP = "pydantic"
    loader.get_plugins = lambda: ()
    sys.modules[name] = loader
