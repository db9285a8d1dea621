"""The HTTP side of `drafter serve`: a Starlette app over the library.

    GET  /                       the page
    POST /api/render?format=&doc= the YAML as the body -> the document, or 422 {"issues": [...]}
    POST /api/validate           -> 200 {"issues": [...]}
    POST /api/preview?doc=       -> 200 {"html", "issues", "data"}: what the page shows as one types
    GET  /api/files              -> {"files": [{"name", "size", "modified"}]}
    GET  /api/files/NAME         -> the YAML text (ETag: its version)
    GET  /api/images/PATH        -> a picture inside DIR, for the preview
    PUT  /api/files/NAME         -> saved atomically (If-Match: refused with 409 if changed since)

Every issue is {"line", "col", "field", "message", "severity", "code"}, in the page's language
(?lang=en for English). Handlers run on the event loop's thread: a render takes milliseconds,
and the template time limit (SIGALRM) only works there.
"""
from __future__ import annotations

import hmac
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ...errors import DrafterError, Issue, pack
from ...read.loader import MAX_BYTES, decode
from ...messages import language, translate
from ...pipeline import DEFAULT_STYLE, Options
from . import drafting, page
from .files import Folder, Refused
from .preview import sheet

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
COOKIE = "drafter_token"
_TYPES = {"txt": "text/plain; charset=utf-8", "md": "text/markdown; charset=utf-8",
          "html": "text/html; charset=utf-8", "pdf": "application/pdf",
          "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


@dataclass(frozen=True)
class ServerConfig:
    root: Path
    search_path: tuple[str, ...] = ()
    token: str | None = None  # required on every request when set (a non-loopback --host)
    lang: str | None = None  # the server's default language; ?lang= wins
    check_host: bool = True  # loopback: refuse other Host names (DNS rebinding)


def create_app(config: ServerConfig) -> Starlette:
    folder = Folder(config.root)
    default_name = "untitled.yaml"

    def lang_of(request: Request) -> str:
        return language(request.query_params.get("lang") or config.lang)

    def refuse(request: Request, status: int, code: str, field: str = "", **args) -> JSONResponse:
        issue = Issue("", None, None, field, code, pack(args))
        return JSONResponse({"issues": [drafting.issue_json(issue, lang_of(request))]}, status)

    def issues(request: Request, found: list[Issue], status: int = 200, **extra) -> JSONResponse:
        lang = lang_of(request)
        return JSONResponse({"issues": [drafting.issue_json(i, lang) for i in found], **extra}, status)

    async def body_text(request: Request, name: str) -> str:
        """The request body as NFC text, at most MAX_BYTES (Refused 413 beyond)."""
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > MAX_BYTES:
            raise Refused(413, "file_too_large", size=int(declared), limit=MAX_BYTES)
        raw = bytearray()
        async for chunk in request.stream():
            raw += chunk
            if len(raw) > MAX_BYTES:
                raise Refused(413, "file_too_large", size=len(raw), limit=MAX_BYTES)
        return decode(bytes(raw), name)

    def doc_of(request: Request) -> str:
        doc = request.query_params.get("doc", "article")
        if doc not in DEFAULT_STYLE:
            raise Refused(400, "expected_one_of", field="doc", allowed=", ".join(DEFAULT_STYLE))
        return doc

    def place_of(request: Request) -> tuple[str, str]:
        """(name, path) the text stands for: images and messages are relative to it."""
        name = request.query_params.get("name") or default_name
        return name, str(folder.path(name))

    def guarded(handler):
        async def run(request: Request):
            started = time.process_time()
            try:
                response = await handler(request)
            except Refused as exc:
                field = exc.details.pop("field", "")
                response = refuse(request, exc.status, exc.code, field, **exc.details)
            except DrafterError as exc:
                response = issues(request, exc.issues, 422)
            # the CPU the answer took (browsers show it; bench/serve.py reads it): on a busy
            # machine the wall time says more about the other processes
            response.headers["Server-Timing"] = f"cpu;dur={(time.process_time() - started) * 1000:.2f}"
            return response
        return run

    async def index(request: Request):
        response = HTMLResponse(page.page(lang_of(request)))
        if config.token:  # the address printed at start carries the token once; then a cookie
            response.set_cookie(COOKIE, config.token, httponly=True, samesite="strict")
        return response

    async def render(request: Request):
        fmt = request.query_params.get("format", "txt")
        doc = doc_of(request)
        name, path = place_of(request)
        text = await body_text(request, name)
        result = drafting.render_text(text, path, Options(format=fmt, doc=doc,
                                                          search_path=config.search_path))
        stem = Path(name).stem
        headers = {"X-Drafter-Warnings": str(len(result.warnings))}
        if isinstance(result.data, bytes):
            filename = f"{stem}-{doc}.{fmt}"
            headers["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
        return Response(result.data, media_type=_TYPES.get(fmt, "application/octet-stream"),
                        headers=headers)

    async def validate(request: Request):
        name, path = place_of(request)
        options = Options(doc=doc_of(request), search_path=config.search_path)
        checked = drafting.check_text(await body_text(request, name), path, options)
        return issues(request, checked.issues)

    async def preview(request: Request):
        name, path = place_of(request)
        options = Options(doc=doc_of(request), search_path=config.search_path)
        checked = drafting.check_text(await body_text(request, name), path, options)
        data = drafting.plain(checked.loaded.data) if checked.loaded else None
        html = sheet(checked.rendered, images="/api/images/") if checked.rendered else None
        return issues(request, checked.issues, html=html, data=data)

    async def list_files(request: Request):
        return JSONResponse({"files": [{"name": e.name, "size": e.size, "modified": e.modified}
                                       for e in folder.entries()]})

    async def read_file(request: Request):
        text, version = folder.read(request.path_params["name"])
        return Response(text, media_type="application/yaml; charset=utf-8",
                        headers={"ETag": f'"{version}"', "Cache-Control": "no-store"})

    async def write_file(request: Request):
        name = request.path_params["name"]
        folder.path(name)
        text = await body_text(request, name)
        if request.headers.get("if-none-match") == "*" and folder.current_version(name) is not None:
            raise Refused(409, "eject_exists")  # "new file" never replaces one
        expected = request.headers.get("if-match", "").strip('"')
        if expected and expected != "*" and folder.current_version(name) not in (expected, None):
            raise Refused(409, "serve_changed")
        version = folder.write(name, text)
        checked = drafting.check_text(text, str(folder.path(name)), Options(search_path=config.search_path))
        response = issues(request, checked.issues, saved=name)
        response.headers["ETag"] = f'"{version}"'
        return response

    async def image(request: Request):
        return FileResponse(folder.image(request.path_params["path"]), headers={"Cache-Control": "no-cache"})

    static = Path(__file__).parent / "static"
    routes = [
        Route("/", index),
        Route("/api/render", guarded(render), methods=["POST"]),
        Route("/api/validate", guarded(validate), methods=["POST"]),
        Route("/api/preview", guarded(preview), methods=["POST"]),
        Route("/api/files", guarded(list_files)),
        Route("/api/files/{name:path}", guarded(read_file), methods=["GET"]),
        Route("/api/files/{name:path}", guarded(write_file), methods=["PUT"]),
        Route("/api/images/{path:path}", guarded(image)),
        Mount("/static", StaticFiles(directory=static)),
    ]
    app = Starlette(routes=routes)
    app.add_middleware(Gate, config=config)
    return app


class Gate:
    """Before any route: the Host a loopback server answers to, and the token of a public one."""

    def __init__(self, app, config: ServerConfig):
        self.app, self.config = app, config

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        request = Request(scope)
        lang = language(request.query_params.get("lang") or self.config.lang)
        if self.config.check_host and not _loopback_host(request.headers.get("host", "")):
            return await _deny(400, "serve_host", lang)(scope, receive, send)
        if self.config.token and not _has_token(request, self.config.token):
            return await _deny(401, "serve_token", lang)(scope, receive, send)
        origin = request.headers.get("origin")
        if request.method not in ("GET", "HEAD") and origin and urlsplit(origin).netloc != request.headers.get("host"):
            return await _deny(403, "serve_origin", lang)(scope, receive, send)  # another site's page
        await self.app(scope, receive, send)


def _deny(status: int, code: str, lang: str) -> JSONResponse:
    return JSONResponse({"issues": [{"line": None, "col": None, "field": "", "severity": "error",
                                     "code": code, "message": translate(code, lang)}]}, status)


def _loopback_host(host: str) -> bool:
    name = host.rsplit("]", 1)[0].lstrip("[") if host.startswith("[") else host.split(":")[0]
    return name.lower() in LOOPBACK_NAMES


def _has_token(request: Request, token: str) -> bool:
    auth = request.headers.get("authorization", "")
    given = (request.query_params.get("token") or request.headers.get("x-drafter-token")
             or (auth[7:] if auth.lower().startswith("bearer ") else "") or request.cookies.get(COOKIE, ""))
    return hmac.compare_digest(given.encode(), token.encode())
