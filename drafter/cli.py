"""The command line: option declarations and one call each; errors become exit codes here only."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

# pydantic looks for plugins in every installed package's entry points at the first model
# (~20 ms at each start); drafter's command line uses none. A library user's process is untouched.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import typer  # noqa: E402

# rich_markup_mode=None: plain help, so `drafter --help` does not import rich (start-up time)
app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  rich_markup_mode=None,
                  help="drafter: soạn tin bài và báo cáo về đại hội, hội nghị của Đảng từ tệp YAML.")

LangOpt = typer.Option(None, "--lang", help="Ngôn ngữ thông báo: vi (mặc định) hoặc en.")
StrictOpt = typer.Option(False, "--strict", help="Coi cảnh báo là lỗi.")
EncodingOpt = typer.Option(None, "--from-encoding", help="Chuyển tệp từ bảng mã cũ: tcvn3, vni, cp1258.")


def _run(fn, lang: str | None):
    """Run a library call; bad input is one line per problem on stderr and exit code 2."""
    from .errors import DrafterError

    try:
        return fn()
    except DrafterError as exc:
        _fail(exc, lang)
    except KeyboardInterrupt:
        _interrupted(lang)


def _interrupted(lang: str | None):
    """Ctrl-C: one line, exit code 130 (128 + SIGINT), as shells expect."""
    from .messages import language, translate

    typer.echo(f"drafter: {translate('interrupted', language(lang))}", err=True)
    raise typer.Exit(130)


def _batch(files, outdir, formats, options, jobs, lang) -> int:
    """Batch render with a progress bar on a terminal (none when piped); exit 1 if any failed."""
    from . import batch
    from .filters import number
    from .messages import translate

    def run(progress=None):
        return batch.run(files, outdir, formats, options, jobs, lang, progress)

    if sys.stderr.isatty():
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task(translate("batch_progress", lang), total=None)
            summary = run(lambda done, total: bar.update(task, completed=done, total=total))
    else:
        summary = run()
    for done in summary.results:
        for line in done.warnings + done.problems:
            typer.echo(line, err=True)
    typer.echo(translate("batch_summary", lang, rendered=summary.rendered, failed=summary.failed,
                         files=summary.files, seconds=number(round(summary.seconds, 2))), err=True)
    return 1 if summary.failed else 0


def _formats(text: str) -> tuple[str, ...]:
    """"docx,html" -> ("docx", "html"); each must have a writer (a clean error otherwise)."""
    from .pipeline import writer_for

    formats = tuple(f.strip() for f in text.split(",") if f.strip()) or (text,)
    for name in formats:
        writer_for(name)
    return formats


def search_path(templates: list[Path], near: Path | None = None, lang: str | None = None) -> tuple[str, ...]:
    """--templates folders first, then those of drafter.toml (from the working folder up, or
    else from the YAML's folder up), then (implicitly) the built-ins."""
    from .errors import fail
    from .messages import language, translate
    from .project import templates as project_templates

    for folder in templates:
        if not folder.is_dir():
            raise fail(str(folder), "templates_missing")
    project, found = project_templates()
    if project is None and near:
        project, found = project_templates(near.resolve())
    if project is not None:  # never silent: a drafter.toml changes every document's wording
        typer.echo(f"drafter: {translate('project_in_use', language(lang), path=project)}", err=True)
    return tuple(str(t) for t in templates) + found


def _stdout(text: str) -> None:
    """Print a document; a closed stdout (`>&-`) or a reader gone (`| head`) is one clean line."""
    from .errors import fail

    try:
        if sys.stdout is None:  # started with fd 1 closed
            raise BrokenPipeError(32, "stdout is closed")
        sys.stdout.write(text)
        sys.stdout.flush()
    except (OSError, ValueError) as exc:  # ValueError: a closed file object
        try:  # nothing more can reach the reader: keep Python's own exit flush quiet
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
        except OSError:
            pass
        raise fail("stdout", "stdout_closed", reason=getattr(exc, "strerror", None) or str(exc)) from None


def _fail(exc, lang: str | None):
    from .messages import language

    typer.echo(exc.format(language(lang)), err=True)
    raise typer.Exit(2)


@app.command()
def validate(files: list[Path] = typer.Argument(..., help="Các tệp YAML cần kiểm tra."),
             doc: str = typer.Option("article", "--doc", help="Văn bản được soạn thử để kiểm tra: article, report hoặc resolution."),
             template: Optional[str] = typer.Option(None, "--template", help="Kiểu bài, ví dụ bai, tin."),
             templates: list[Path] = typer.Option([], "--templates", help="Thư mục mẫu của cơ quan."),
             strict: bool = StrictOpt, from_encoding: Optional[str] = EncodingOpt,
             lang: Optional[str] = LangOpt):
    """Kiểm tra tệp YAML, số liệu và bài soạn thử: mỗi lỗi một dòng TỆP:DÒNG:CỘT: trường: thông báo."""
    from .errors import DrafterError, Issue
    from .messages import language
    from .pipeline import Options, validate_file

    issues: list[Issue] = []
    for path in files:  # every file is checked, then all problems are reported at once
        try:
            options = Options(doc=_doc(doc), template=template, search_path=search_path(templates, path.parent),
                              strict=strict, from_encoding=from_encoding)
            for warning in validate_file(path, options):
                typer.echo(warning.format(language(lang)), err=True)
        except DrafterError as exc:
            issues.extend(exc.issues)
    if issues:
        _fail(DrafterError(issues), lang)


def _doc(doc: str) -> str:
    from .errors import fail
    from .pipeline import DEFAULT_STYLE

    if doc not in DEFAULT_STYLE:
        raise fail("--doc", "expected_one_of", allowed=", ".join(DEFAULT_STYLE))
    return doc


@app.command()
def render(files: list[Path] = typer.Argument(..., help="Tệp YAML (hoặc nhiều tệp, thư mục: soạn hàng loạt)."),
           format: str = typer.Option("txt", "--format", "-f", help="txt, md, html, docx; nhiều định dạng: docx,html."),
           output: Optional[Path] = typer.Option(None, "--output", "-o", help="Tệp kết quả (mặc định: in ra màn hình); thư mục khi soạn hàng loạt."),
           jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Số tiến trình khi soạn hàng loạt (mặc định: số CPU)."),
           doc: str = typer.Option("article", "--doc", help="article (tin bài), report (báo cáo) hoặc resolution (nghị quyết đại hội)."),
           template: Optional[str] = typer.Option(None, "--template", help="Kiểu bài, ví dụ bai, tin; hoặc tên tệp mẫu."),
           templates: list[Path] = typer.Option([], "--templates", help="Thư mục mẫu của cơ quan (ưu tiên hơn mẫu có sẵn)."),
           reference_doc: Optional[Path] = typer.Option(None, "--reference-doc", help="Tệp DOCX mẫu lấy kiểu chữ, khổ giấy."),
           variant: Optional[int] = typer.Option(None, "--variant", min=0, help="Chọn cố định cách diễn đạt thứ N (0, 1, 2…)."),
           strict: bool = StrictOpt,
           from_encoding: Optional[str] = EncodingOpt,
           lang: Optional[str] = LangOpt):
    """Soạn bài từ tệp YAML."""
    from .errors import fail
    from .messages import language
    from .output import write_atomic
    from .pipeline import Options, render_file, writer_for

    formats = _run(lambda: _formats(format), lang)

    def make_options():
        return Options(format=formats[0], doc=_doc(doc), template=template,
                       search_path=search_path(templates, files[0].parent, lang),
                       reference_doc=str(reference_doc) if reference_doc else None,
                       variant=variant, strict=strict, from_encoding=from_encoding)

    if len(files) > 1 or files[0].is_dir() or len(formats) > 1 or (output is not None and output.is_dir()):
        batch_options = _run(make_options, lang)
        if output is None:
            _fail(fail("-o", "batch_needs_outdir"), lang)
        raise typer.Exit(_run(lambda: _batch(files, output, formats, batch_options, jobs, language(lang)), lang))
    file = files[0]

    def job():
        options = make_options()
        if writer_for(options.format).binary and output is None:
            raise fail("--format", "binary_to_stdout", name=options.format)
        result = render_file(file, options)
        for warning in result.warnings:
            typer.echo(warning.format(language(lang)), err=True)
        if output is None:
            _stdout(result.data)
        else:
            write_atomic(output, result.data, inputs=(file,))

    _run(job, lang)


@app.command()
def golden(directory: Path = typer.Argument(..., help="Thư mục chứa các tệp YAML."),
           update: bool = typer.Option(False, "--update", help="Ghi lại tệp chuẩn theo kết quả hiện tại."),
           format: str = typer.Option("txt,md,html,docx", "--format", help="Các định dạng, cách nhau bởi dấu phẩy."),
           templates: list[Path] = typer.Option([], "--templates", help="Thư mục mẫu của cơ quan."),
           reference_doc: Optional[Path] = typer.Option(None, "--reference-doc", help="Tệp DOCX mẫu của cơ quan."),
           strict: bool = StrictOpt,
           lang: Optional[str] = LangOpt):
    """So sánh kết quả với tệp chuẩn (golden); --update để chấp nhận thay đổi."""
    from . import golden as golden_files
    from .messages import language, translate

    def job():
        return golden_files.run(directory, _formats(format), update, search_path(templates, directory, lang),
                                str(reference_doc) if reference_doc else None, strict)

    outcome = _run(job, lang)
    lg = language(lang)
    for warning in outcome.warnings:
        typer.echo(warning.format(lg), err=True)
    for error in outcome.errors:
        typer.echo(error.format(lg), err=True)
    for path, diff in outcome.changed:
        typer.echo(diff, nl=False)
    for path in outcome.missing:
        typer.echo(f"{path}: {translate('golden_missing', lg)}")
    for path in outcome.stale:
        typer.echo(f"{path}: {translate('golden_stale', lg)}")
    changed = [p for p, _ in outcome.changed]
    if update:
        for path in outcome.updated:
            typer.echo(f"{path}: {translate('golden_updated', lg)}")
        for path in outcome.removed:
            typer.echo(f"{path}: {translate('golden_removed', lg)}")
    elif changed:
        typer.echo(translate("golden_changed", lg, count=len(changed)))
        for path in changed:
            typer.echo(f"  {path}")
    if outcome.errors:
        raise typer.Exit(2)
    if not outcome.ok and not update:
        raise typer.Exit(1)


templates_app = typer.Typer(help="Xem, sao chép và kiểm tra các mẫu câu chữ (Jinja).", no_args_is_help=True,
                            rich_markup_mode=None)
app.add_typer(templates_app, name="templates")
TemplatesOpt = typer.Option([], "--templates", help="Thư mục mẫu của cơ quan.")


@templates_app.command("list")
def templates_list(templates: list[Path] = TemplatesOpt, lang: Optional[str] = LangOpt):
    """Liệt kê các mẫu và nguồn gốc (có sẵn hay của cơ quan)."""
    from .catalog import entries

    for entry in _run(lambda: entries(search_path(templates, lang=lang)), lang):
        typer.echo(f"{entry.name}\t{entry.origin}")


@templates_app.command("show")
def templates_show(name: str, templates: list[Path] = TemplatesOpt, lang: Optional[str] = LangOpt):
    """In nội dung một mẫu."""
    from .catalog import find

    entry = _run(lambda: find(name, search_path(templates, lang=lang)), lang)
    typer.echo(entry.path.read_text(encoding="utf-8"), nl=False)


@templates_app.command("eject")
def templates_eject(name: str, to: Path = typer.Option(Path("templates"), "--to", help="Thư mục đích."),
                    lang: Optional[str] = LangOpt):
    """Sao chép một mẫu có sẵn ra thư mục của cơ quan để sửa."""
    from .catalog import eject

    typer.echo(_run(lambda: eject(name, to), lang))


@templates_app.command("check")
def templates_check(directory: Optional[Path] = typer.Argument(None, help="Thư mục mẫu (mặc định: tất cả)."),
                    lang: Optional[str] = LangOpt):
    """Kiểm tra cú pháp mẫu và các tên trường mẫu dùng, không cần soạn bài."""
    from .errors import DrafterError
    from .lint import check_templates

    folders = (str(directory),) if directory else _run(lambda: search_path([], lang=lang), lang)
    issues = check_templates(folders, include_builtin=directory is None)
    if issues:
        _fail(DrafterError(issues), lang)


@app.command()
def new(kind: str = typer.Argument(..., help="dai-hoi, hoi-nghi-tong-ket hoặc kiem-diem."),
        output: Optional[Path] = typer.Option(None, "--output", "-o", help="Tệp cần tạo (mặc định: in ra)."),
        lang: Optional[str] = LangOpt):
    """Tạo tệp YAML mẫu có chú thích để điền."""
    from .errors import fail
    from .model import KINDS
    from .output import write_atomic
    from .skeleton import skeleton

    def job():
        if kind not in KINDS:
            raise fail("kind", "unknown_kind", allowed=", ".join(KINDS))
        text = skeleton(kind)
        if output is None:
            _stdout(text)
        elif output.exists():
            raise fail(str(output), "eject_exists")
        else:
            write_atomic(output, text)

    _run(job, lang)


@app.command()
def schema():
    """In JSON Schema của tệp YAML (để VS Code gợi ý trường)."""
    import json

    from .model.docs import json_schema

    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


def main():
    if os.environ.get("DRAFTER_DEBUG"):
        app()
        return
    try:
        app()
    except SystemExit:
        raise
    except Exception as exc:  # a bug in drafter, not bad input: say so briefly
        typer.echo(f"drafter: lỗi nội bộ / internal error: {type(exc).__name__}: {exc} "
                   "(DRAFTER_DEBUG=1 để xem chi tiết)", err=True)
        raise SystemExit(1)
