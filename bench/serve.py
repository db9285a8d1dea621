"""`drafter serve` latency over real HTTP: the server as a user starts it, one kept-alive client.

    python bench/serve.py          # 200 requests per measure
    python bench/serve.py -n 1000

Median and 95th percentile (ms, wall) and the server's CPU median (its Server-Timing header:
on a busy machine wall time mostly measures the other processes) of: a txt render of each bundled example, the page's preview
(issues + the report as HTML), and a DOCX report. The first request after start counts too
("first"): the server warms templates and writers before it listens.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def start(folder: Path) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "drafter", "serve", str(folder), "--port", "0"],
                            stderr=subprocess.PIPE, text=True)
    for line in proc.stderr:
        found = re.search(r"http://\S+", line)
        if found:
            return proc, found[0]
    raise SystemExit("drafter serve did not start")


def measure(client: httpx.Client, url: str, bodies: list[tuple[str, bytes]], n: int) -> tuple[list[float], list[float]]:
    """(wall ms per request, server CPU ms per request from its Server-Timing header)."""
    times, cpu = [], []
    for i in range(n):
        name, body = bodies[i % len(bodies)]
        t = time.perf_counter()
        response = client.post(url, params={"name": name}, content=body)
        times.append((time.perf_counter() - t) * 1000)
        response.raise_for_status()
        cpu.append(float(response.headers["server-timing"].split("dur=")[1]))
    return times, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bodies = []
        for path in sorted(EXAMPLES.glob("*.yaml")):
            shutil.copy(path, folder / path.name)
            bodies.append((path.name, path.read_bytes()))
        shutil.copytree(EXAMPLES / "anh", folder / "anh")
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPU(s)")
        t0 = time.perf_counter()
        proc, base = start(folder)
        ready = time.perf_counter() - t0
        try:
            # TCP_NODELAY as browsers set it: else headers and body wait on a delayed ACK (~40 ms)
            transport = httpx.HTTPTransport(socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)])
            with httpx.Client(base_url=base, timeout=30, transport=transport) as client:
                t = time.perf_counter()
                client.post("/api/render?format=txt", params={"name": bodies[0][0]}, content=bodies[0][1])
                first = (time.perf_counter() - t) * 1000
                print(f"drafter serve: ready in {ready:.2f} s; first txt render {first:.1f} ms; n={args.n}")
                for label, url in (("txt article", "/api/render?format=txt"),
                                   ("preview (report)", "/api/preview?doc=report"),
                                   ("DOCX report", "/api/render?format=docx&doc=report")):
                    times, cpu = measure(client, url, bodies, args.n)
                    p95 = sorted(times)[int(len(times) * 0.95) - 1]
                    print(f"  {label:<20} median {statistics.median(times):6.2f} ms   p95 {p95:6.2f} ms"
                          f"   server CPU median {statistics.median(cpu):5.2f} ms")
        finally:
            proc.terminate()
            proc.wait(10)


if __name__ == "__main__":
    main()
