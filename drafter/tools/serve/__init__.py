"""`drafter serve`: a local web workspace over a folder of YAML files (Starlette + uvicorn).

Imported by that command only: no other command pays for starlette or uvicorn.
"""
from __future__ import annotations

import ipaddress
import secrets
import socket
import sys
from pathlib import Path

from ...errors import fail
from ...messages import translate


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(root: Path, host: str = "127.0.0.1", port: int = 8765, search_path: tuple[str, ...] = (),
          lang: str = "vi", open_browser: bool = False) -> None:
    """Serve ROOT until interrupted; bad arguments are DrafterErrors before anything starts."""
    import uvicorn

    from .app import ServerConfig, create_app
    from .warm import warm

    if not root.is_dir():
        raise fail(str(root), "serve_not_dir")
    local = is_loopback(host)
    token = None if local else secrets.token_urlsafe(24)
    sock = _bind(host, port)
    app = create_app(ServerConfig(root.resolve(), search_path, token, lang, check_host=local))
    warm(search_path)
    # a wildcard address is not one to type: other machines reach this one by its name
    shown = socket.gethostname() if host in ("0.0.0.0", "::", "[::]") else f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{sock.getsockname()[1]}/" + (f"?token={token}" if token else "")
    print(translate("serve_started", lang, folder=str(root.resolve()), url=url), file=sys.stderr, flush=True)
    if open_browser:  # the socket listens already: the browser's request waits for the loop
        import webbrowser

        webbrowser.open(url.replace(f"//{shown}:", "//127.0.0.1:") if not local else url)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    server.run(sockets=[sock])


def _bind(host: str, port: int) -> socket.socket:
    """The listening socket, bound here so a busy port is a clear message, not a traceback."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named: asyncio then sets TCP_NODELAY on each connection (else ~40 ms per
    # kept-alive request, the response's two writes waiting on a delayed ACK)
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as exc:
        sock.close()
        code = "serve_port_in_use" if exc.errno in (98, 48, 10048) else "serve_cannot_listen"
        raise fail(f"{host}:{port}", code, port=port, reason=exc.strerror or str(exc)) from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock
