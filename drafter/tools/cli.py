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

from .cli_text import Command, Group  # noqa: E402  (the frame in the user's language)

# rich_markup_mode=None: plain help, so `drafter --help` does not import rich (start-up time)
app = typer.Typer(name="drafter", add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  rich_markup_mode=None, cls=Group,
                  help="drafter: soạn tin bài và báo cáo về đại hội, hội nghị của Đảng từ tệp YAML.")

LangOpt = typer.Option(None, "--lang", metavar="vi|en", help="Ngôn ngữ thông báo: vi (mặc định) hoặc en.")
StrictOpt = typer.Option(False, "--strict", help="Coi cảnh báo là lỗi.")
EncodingOpt = typer.Option(None, "--from-encoding", metavar="BẢNG_MÃ",
                           help="Chuyển tệp từ bảng mã cũ: tcvn3, vni, cp1258.")


def _version(value: bool):
    if value:
        from importlib.metadata import version

        typer.echo(f"drafter {version('drafter')}")
        raise typer.Exit()


@app.callback()
def root(show_version: bool = typer.Option(False, "--version", is_eager=True, callback=_version,
                                           help="In số phiên bản của drafter rồi thoát."),
         lang: Optional[str] = LangOpt):
    """drafter: soạn tin bài và báo cáo về đại hội, hội nghị của Đảng từ tệp YAML."""


def _err(line: str) -> None:
    typer.echo(line, err=True)


def _config(templates, near: Path | None, lang: str | None, formats: str | tuple = ()):
    """The library's configuration of this run (the drafter.toml in use said on stderr)."""
    from .config import load

    return _run(lambda: load(templates, near=near, formats=formats, lang=lang, say=_err), lang)


def _say(code: str, lang: str | None, **args) -> None:
    """One line on stderr saying what a command did (stdout keeps the document itself)."""
    from ..messages import language, translate

    typer.echo(translate(code, language(lang), **args), err=True)


def _run(fn, lang: str | None):
    """Run a library call; bad input is one line per problem on stderr and exit code 2."""
    from ..errors import DrafterError

    try:
        return fn()
    except DrafterError as exc:
        _fail(exc, lang)
    except KeyboardInterrupt:
        _interrupted(lang)


def _interrupted(lang: str | None):
    """Ctrl-C: one line, exit code 130 (128 + SIGINT), as shells expect."""
    from ..messages import language, translate

    typer.echo(f"drafter: {translate('interrupted', language(lang))}", err=True)
    raise typer.Exit(130)


def _batch(files, outdir, formats, options, jobs, lang) -> int:
    """Batch render with a progress bar on a terminal (none when piped); exit 1 if any failed."""
    from . import batch
    from ..compose.filters import number
    from ..messages import translate

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


def _fail(exc, lang: str | None):
    from ..messages import language

    typer.echo(exc.format(language(lang)), err=True)
    raise typer.Exit(2)


@app.command(cls=Command)
def validate(files: list[Path] = typer.Argument(..., metavar="TỆP_YAML", help="Các tệp YAML cần kiểm tra."),
             doc: str = typer.Option("article", "--doc", metavar="LOẠI",
                                     help="Văn bản được soạn thử để kiểm tra: article (tin bài), report (báo cáo), resolution (nghị quyết)…"),
             template: Optional[str] = typer.Option(None, "--template", metavar="KIỂU", help="Kiểu bài, ví dụ bai, tin."),
             templates: list[Path] = typer.Option([], "--templates", metavar="THƯ_MỤC", help="Thư mục mẫu của cơ quan."),
             strict: bool = StrictOpt, from_encoding: Optional[str] = EncodingOpt,
             lang: Optional[str] = LangOpt):
    """Kiểm tra tệp YAML, số liệu và bài soạn thử. Mỗi lỗi một dòng TỆP:DÒNG:CỘT: trường: thông báo."""
    from . import jobs

    _run(lambda: jobs.validate(files, doc, templates, lang, _err, template=template, strict=strict,
                               from_encoding=from_encoding), lang)
    _say("validated", lang, count=len(files))


def _check_min(name: str, value: int | None, limit: int) -> None:
    from ..errors import fail

    if value is not None and value < limit:
        raise fail(name, "too_small", limit=limit)


@app.command(cls=Command)
def render(files: list[Path] = typer.Argument(..., metavar="TỆP_YAML", help="Tệp YAML (hoặc nhiều tệp, thư mục: soạn hàng loạt)."),
           format: str = typer.Option("txt", "--format", "-f", metavar="ĐỊNH_DẠNG", help="txt, md, html, docx, pdf; nhiều định dạng: docx,html."),
           output: Optional[str] = typer.Option(None, "--output", "-o", metavar="TỆP", help="Tệp kết quả (mặc định: in ra màn hình); thư mục khi soạn hàng loạt."),
           jobs: Optional[int] = typer.Option(None, "--jobs", "-j", metavar="N", help="Số tiến trình khi soạn hàng loạt (mặc định: số CPU)."),
           doc: str = typer.Option("article", "--doc", metavar="LOẠI", help="Loại văn bản: article (tin bài), report (báo cáo), resolution (nghị quyết đại hội)…"),
           template: Optional[str] = typer.Option(None, "--template", metavar="KIỂU", help="Kiểu bài, ví dụ bai, tin; hoặc tên tệp mẫu."),
           templates: list[Path] = typer.Option([], "--templates", metavar="THƯ_MỤC", help="Thư mục mẫu của cơ quan (ưu tiên hơn mẫu có sẵn)."),
           reference_doc: Optional[Path] = typer.Option(None, "--reference-doc", metavar="TỆP_DOCX", help="Tệp DOCX mẫu lấy kiểu chữ, khổ giấy."),
           variant: Optional[int] = typer.Option(None, "--variant", metavar="N", help="Chọn cố định cách diễn đạt thứ N (0, 1, 2…)."),
           embed: bool = typer.Option(False, "--embed", help="HTML: nhúng ảnh vào trang thay vì chép ảnh ra cạnh trang."),
           fragment: bool = typer.Option(False, "--fragment", help="HTML: chỉ phần bài, để dán vào trình soạn thảo của cổng thông tin."),
           strict: bool = StrictOpt,
           from_encoding: Optional[str] = EncodingOpt,
           lang: Optional[str] = LangOpt):
    """Soạn bài từ tệp YAML."""
    from .config import parse_formats
    from ..errors import fail
    from .jobs import check_args, render as render_one, render_options
    from ..messages import language

    formats = _run(lambda: parse_formats(format), lang)
    # "-o ket-qua/" names a folder even before it exists
    to_folder = output is not None and (output.endswith(("/", os.sep)) or Path(output).is_dir())
    out = Path(output) if output else None
    fields = dict(doc=doc, template=template, reference_doc=reference_doc, variant=variant, strict=strict,
                  from_encoding=from_encoding, embed=embed, fragment=fragment)
    _run(lambda: _check_min("--jobs", jobs, 1), lang)
    if len(files) > 1 or files[0].is_dir() or len(formats) > 1 or to_folder:
        _run(lambda: check_args(doc, variant), lang)
        config = _config(templates, files[0].parent, lang)
        batch_options = _run(lambda: render_options(config, format=formats[0], **fields), lang)
        if out is None:
            _fail(fail("-o", "batch_needs_outdir"), lang)
        raise typer.Exit(_run(lambda: _batch(files, out, formats, batch_options, jobs, language(lang)), lang))
    _run(lambda: render_one(files[0], out, templates, lang, _err, format=formats[0], **fields), lang)


@app.command(cls=Command)
def golden(directory: Path = typer.Argument(..., metavar="THƯ_MỤC", help="Thư mục chứa các tệp YAML."),
           update: bool = typer.Option(False, "--update", help="Ghi lại tệp chuẩn theo kết quả hiện tại."),
           format: str = typer.Option("txt,md,html,docx", "--format", metavar="ĐỊNH_DẠNG", help="Các định dạng, cách nhau bởi dấu phẩy."),
           templates: list[Path] = typer.Option([], "--templates", metavar="THƯ_MỤC", help="Thư mục mẫu của cơ quan."),
           reference_doc: Optional[Path] = typer.Option(None, "--reference-doc", metavar="TỆP_DOCX", help="Tệp DOCX mẫu của cơ quan."),
           strict: bool = StrictOpt,
           lang: Optional[str] = LangOpt):
    """So sánh kết quả với tệp chuẩn (golden). Thêm --update để chấp nhận thay đổi."""
    from . import golden as golden_files

    config = _config(templates, directory, lang, format)
    report = _run(lambda: golden_files.check(directory, config, update, strict,
                                             str(reference_doc) if reference_doc else None), lang)
    for line in report.messages(config.lang):
        typer.echo(line, err=True)
    for text in report.summary(config.lang, update):
        typer.echo(text, nl=False)
    raise typer.Exit(report.exit_code(update))


templates_app = typer.Typer(help="Xem, sao chép và kiểm tra các mẫu câu chữ (Jinja).", no_args_is_help=True,
                            rich_markup_mode=None, cls=Group)
app.add_typer(templates_app, name="templates")
TemplatesOpt = typer.Option([], "--templates", metavar="THƯ_MỤC", help="Thư mục mẫu của cơ quan.")


@templates_app.callback()
def templates_root(lang: Optional[str] = LangOpt):
    """Xem, sao chép và kiểm tra các mẫu câu chữ (Jinja)."""
NameArg = typer.Argument(..., metavar="MẪU", help="Tên mẫu, ví dụ dai-hoi/bai.")


@templates_app.command("list", cls=Command)
def templates_list(templates: list[Path] = TemplatesOpt, lang: Optional[str] = LangOpt):
    """Liệt kê các mẫu và nguồn gốc (có sẵn hay của cơ quan)."""
    from .catalog import entries

    for entry in _run(lambda: entries(_config(templates, None, lang).search_path), lang):
        typer.echo(f"{entry.name}\t{entry.origin}")


@templates_app.command("show", cls=Command)
def templates_show(name: str = NameArg, templates: list[Path] = TemplatesOpt, lang: Optional[str] = LangOpt):
    """In nội dung một mẫu."""
    from .catalog import find

    entry = _run(lambda: find(name, _config(templates, None, lang).search_path), lang)
    typer.echo(entry.path.read_text(encoding="utf-8"), nl=False)


@templates_app.command("eject", cls=Command)
def templates_eject(name: str = NameArg,
                    to: Optional[Path] = typer.Option(None, "--to", metavar="THƯ_MỤC",
                                                      help="Thư mục đích (mặc định: thư mục mẫu trong drafter.toml)."),
                    lang: Optional[str] = LangOpt):
    """Sao chép một mẫu có sẵn ra thư mục mẫu của cơ quan để sửa."""
    from .catalog import eject_to_office

    target, created = _run(lambda: eject_to_office(name, to), lang)
    if created is not None:
        _say("project_created", lang, path=created)
    _say("ejected", lang, path=target)


@templates_app.command("check", cls=Command)
def templates_check(directory: Optional[Path] = typer.Argument(None, metavar="THƯ_MỤC", help="Thư mục mẫu (mặc định: tất cả)."),
                    lang: Optional[str] = LangOpt):
    """Kiểm tra cú pháp mẫu và các tên trường mẫu dùng, không cần soạn bài."""
    from ..errors import DrafterError
    from .lint import check_templates
    from ..messages import language

    folders = (str(directory),) if directory else _config([], None, lang).search_path
    issues = check_templates(folders, include_builtin=directory is None, rules=True)
    for warning in (i for i in issues if i.severity != "error"):
        typer.echo(warning.format(language(lang)), err=True)
    errors = [i for i in issues if i.severity == "error"]
    if errors:
        _fail(DrafterError(errors), lang)
    _say("templates_ok", lang, folders=", ".join(folders) if folders else "có sẵn / built-in")


@app.command(cls=Command)
def new(kind: str = typer.Argument(..., metavar="LOẠI", help="Loại hoạt động: dai-hoi, hoi-nghi-tong-ket, kiem-diem, so-ket, trao-huy-hieu, ket-nap, hoi-nghi-bch hoặc quan-triet."),
        output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="TỆP", help="Tệp cần tạo (mặc định: in ra)."),
        full: bool = typer.Option(False, "--full", help="Ghi mọi trường (mặc định: chỉ các trường hay dùng)."),
        lang: Optional[str] = LangOpt):
    """Tạo tệp YAML mẫu có chú thích để điền."""
    from .skeleton import create

    if _run(lambda: create(kind, output, full), lang):
        _say("created", lang, path=output, kind=kind)


@app.command(cls=Command)
def learn(article: Path = typer.Argument(..., metavar="TỆP", help="Bài viết của cơ quan (văn bản: tít ở dòng đầu, các đoạn cách nhau một dòng trống; hoặc trang web đã lưu)."),
          data: Path = typer.Argument(..., metavar="TỆP_YAML", help="Tệp YAML ghi các dữ kiện của bài viết đó."),
          output: Path = typer.Option(..., "--output", "-o", metavar="THƯ_MỤC", help="Thư mục mẫu của cơ quan (ghi vào <kind>/TÊN.j2)."),
          style: str = typer.Option(..., "--style", metavar="KIỂU", help="Tên kiểu bài, ví dụ van-phong (dùng với --template)."),
          force: bool = typer.Option(False, "--force", help="Ghi đè kiểu bài đã có."),
          lang: Optional[str] = LangOpt):
    """Học kiểu bài của cơ quan từ một bài viết và tệp YAML của nó."""
    from .learn.findings import lines
    from .learn.style import learn_files
    from ..messages import language, translate

    result = _run(lambda: learn_files(article, data, output, style, force), lang)
    lang = language(lang)
    for line in lines(result.learned.report, lang):
        typer.echo(line)
    typer.echo(translate("learn_written", lang, path=result.path, office=output, name=style))
    if result.difference:
        n, want, got = result.difference
        typer.echo(translate("learn_roundtrip_diff", lang, n=n, article=want, render=got))
        raise typer.Exit(1)
    typer.echo(translate("learn_roundtrip_ok", lang, count=len(result.learned.article)))


@app.command(cls=Command)
def serve(directory: Path = typer.Argument(Path("."), help="Thư mục chứa các tệp YAML (mặc định: thư mục hiện tại)."),
          port: int = typer.Option(8765, "--port", min=0, max=65535, help="Cổng."),
          host: str = typer.Option("127.0.0.1", "--host", help="Địa chỉ; khác 127.0.0.1 thì cần mã truy cập in ra khi khởi động."),
          templates: list[Path] = typer.Option([], "--templates", help="Thư mục mẫu của cơ quan."),
          open_browser: bool = typer.Option(False, "--open", help="Mở trình duyệt ngay."),
          lang: Optional[str] = LangOpt):
    """Mở trang soạn bài trong trình duyệt: điền biểu mẫu, xem trước, tải DOCX/PDF/HTML."""
    from .serve import serve as run_server  # starlette and uvicorn load here only

    config = _config(templates, directory, lang)
    _run(lambda: run_server(directory, host, port, config.search_path, config.lang, open_browser), lang)


@app.command(cls=Command)
def schema(lang: Optional[str] = LangOpt):
    """In JSON Schema của tệp YAML (để VS Code gợi ý trường)."""
    import json

    from ..model.docs import json_schema

    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


def internal_error(exc: Exception):
    """A bug in drafter, not bad input: say so briefly (exit 1)."""
    typer.echo(f"drafter: lỗi nội bộ / internal error: {type(exc).__name__}: {exc} "
               "(DRAFTER_DEBUG=1 để xem chi tiết)", err=True)
    raise SystemExit(1)


def main():
    # The `drafter` command starts in launch.main, which runs a plain one-file render itself
    # and hands everything else to this typer CLI.
    if os.environ.get("DRAFTER_DEBUG"):
        app()
        return
    try:
        app()
    except SystemExit:
        raise
    except Exception as exc:
        internal_error(exc)
