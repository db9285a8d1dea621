"""drafter benchmark: throughput, cold start and memory, with baselines measured in the same run.

    python bench/run.py            # N=1000 documents, memory batch of 5000
    python bench/run.py --quick    # N=200, memory batch of 1000
    python bench/run.py --quick --json   # the same, ending with one JSON line of the key figures

Baselines build the same content (the blocks drafter renders) without drafter: plain
python-docx from its default template, and docxtpl from an equivalent Word template.
The bare stack renders the same files with nothing but the libraries drafter is built on (YAML
load, model validation, plain Jinja with the same templates, a plain write): the floor per document.
Ratios are drafter / baseline; higher is better for throughput, lower for time and memory.
"""
from __future__ import annotations

import argparse
import compileall
import io
import json
import multiprocessing
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
WORKERS = os.cpu_count() or 1

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ"]
MIDDLE = ["Văn", "Thị", "Hữu", "Thanh", "Minh", "Quốc", "Ngọc", "Đức"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Lan", "Long", "Mai", "Nam", "Phong", "Quang",
         "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Vân", "Yến"]
PLACES = ["Vĩnh Lộc", "Vĩnh Điều", "An Phú", "Tân Phú", "Phù Vân", "Hòa Bình", "Thanh Sơn", "Đông Hòa"]


# ---- realistic inputs ---------------------------------------------------------------------------


def generate(folder: Path, n: int, seed: int = 7) -> list[Path]:
    """N congress/review YAML files: the examples with other names, places, dates and figures."""
    rng = random.Random(seed)
    bases = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.yaml"))]
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(EXAMPLES / "anh", folder / "anh", dirs_exist_ok=True)
    paths = []
    for i in range(n):
        data = _vary(rng.choice(bases), rng)
        path = folder / f"su-kien-{i:05d}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        paths.append(path)
    return paths


def _vary(data: dict, rng: random.Random) -> dict:
    """Same shape, other people (renamed consistently everywhere), places and figures."""
    names: dict[str, str] = {}

    def collect(node, key=None):
        if isinstance(node, dict):
            for k, v in node.items():
                collect(v, k)
        elif isinstance(node, list):
            for v in node:
                collect(v, key)
        elif key == "name" and isinstance(node, str) and len(node.split()) == 3 and not node.startswith(("Đảng", "Chi")):
            names.setdefault(node, f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}")

    def walk(node, key=None):
        if isinstance(node, dict):
            return {k: walk(v, k) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v, key) for v in node]
        if isinstance(node, str) and node in names:
            return names[node]
        if key == "value" and isinstance(node, int) and node > 100:
            return node + rng.randint(-50, 50)
        return node

    collect(data)
    out = walk(data)
    place = rng.choice(PLACES)
    for field in ("org", "higher"):
        org = out.get(field)
        if org and org.get("place"):
            org["place"]["name"] = place
    return out


# ---- measurements -------------------------------------------------------------------------------


def rate(fn, items) -> float:
    start = time.perf_counter()
    for item in items:
        fn(item)
    return len(items) / (time.perf_counter() - start)


def pooled_rate(fn, items, workers: int) -> float:
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pool.map(fn, items[: workers * 2])  # warm every worker
        start = time.perf_counter()
        for _ in pool.imap_unordered(fn, items, chunksize=16):
            pass
        return len(items) / (time.perf_counter() - start)


def ms_per_doc(fn, items, rounds: int = 3) -> float:
    """Processor time per item (ms), best of ROUNDS passes over ITEMS: on a shared machine the
    wall clock also counts the time other processes hold the CPU."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for item in items:
            fn(item)
        best = min(best, (time.process_time() - start) * 1000 / len(items))
    return best


def alternating(makers: dict, items, rounds: int = 3) -> dict[str, float]:
    """ms_per_doc of each maker's function, the measures taking turns round by round (so a busy
    spell on the machine does not fall on one side of a ratio); best round of each."""
    best = {name: float("inf") for name in makers}
    for round_ in range(rounds):
        for name, make in makers.items():
            best[name] = min(best[name], ms_per_doc(make(round_), items, rounds=1))
    return best


def drafter_text_write(out: Path):
    """drafter as a batch worker runs it: render the article, write it (atomically, no fsync)."""
    from drafter.writers.output import write_atomic
    from drafter.pipeline import Options, render_file

    options = Options(format="txt", doc="article")
    out.mkdir(parents=True, exist_ok=True)

    def one(path: Path):
        write_atomic(out / (path.stem + ".txt"), render_file(path, options).data, durable=False)
    return one


def bare_stack_write(out: Path):
    """The floor: the same files through the same libraries and nothing else. libyaml load,
    the same pydantic model, a plain (unsandboxed) Jinja environment over the same templates,
    filters and globals, the template's output written as it is."""
    import jinja2

    from drafter.compose import filters, templating
    from drafter.model import Document
    from drafter.pipeline import context, identity

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templating.BUILTIN_DIR)),
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(filters.FILTERS)
    drafters = templating.environment()  # the same globals (pick, photos, table…)
    env.globals.update({k: v for k, v in drafters.globals.items() if k not in env.globals})
    env.tests.update({k: v for k, v in drafters.tests.items() if k not in env.tests})  # the sentence unit's "given"
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    out.mkdir(parents=True, exist_ok=True)

    def one(path: Path):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        event = Document.model_validate(data).root
        template = env.get_template(f"{event.kind}/bai.j2")
        state = templating.RenderState(identity(event), None)
        text = template.render({**context(event), "_state": state})
        with open(out / (path.stem + ".txt"), "w", encoding="utf-8") as handle:
            handle.write(text)
    return one


def drafter_one(fmt: str, doc: str):
    from drafter.pipeline import Options, render_file

    options = Options(format=fmt, doc=doc)
    return lambda path: render_file(path, options).data


def batch_rate(paths, fmt: str, doc: str, jobs: int, out: Path) -> float:
    from drafter.tools import batch
    from drafter.pipeline import Options

    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    summary = batch.run(paths, out, (fmt,), Options(format=fmt, doc=doc), jobs=jobs)
    seconds = time.perf_counter() - start
    assert summary.failed == 0, [d.problems for d in summary.results if d.problems][:3]
    return len(paths) / seconds


# The baselines build the same paragraphs (rendered once by drafter, not timed) without drafter.
_CONTENT: list = []


def _blocks(paths):
    from drafter.read.loader import load_file
    from drafter.pipeline import Options, render_event
    from drafter.model.validate import validate
    from drafter.writers.numbering import numbered

    return [numbered(render_event(validate(load_file(p)), Options(doc="report"))[0]) for p in paths]


def python_docx_one(index: int) -> bytes:
    import docx

    document = docx.Document()
    for block in _CONTENT[index]:
        if block.kind == "table":
            table = document.add_table(rows=1 + len(block.rows), cols=len(block.header))
            for r, row in enumerate((block.header, *block.rows)):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        elif block.kind in ("title", "heading"):
            document.add_heading(block.text, level=max(0, block.level))
        else:
            document.add_paragraph(block.text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_DOCXTPL = ""


def make_docxtpl_template(folder: Path) -> str:
    import docx

    document = docx.Document()
    document.add_paragraph("{%p for b in blocks %}")
    document.add_paragraph("{{ b }}")
    document.add_paragraph("{%p endfor %}")
    path = folder / "template.docx"
    document.save(path)
    return str(path)


def docxtpl_one(index: int) -> bytes:
    from docxtpl import DocxTemplate

    template = DocxTemplate(_DOCXTPL)
    template.render({"blocks": [b.text for b in _CONTENT[index] if b.text]})
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


def command(*args) -> list[str]:
    script = Path(sys.executable).parent / "drafter"
    return [str(script), *args] if script.exists() else [sys.executable, "-m", "drafter", *args]


def wall(cmd, repeat=9) -> float:
    return walls({"cmd": cmd}, repeat)["cmd"]


def walls(commands: dict[str, list[str]], repeat=9) -> dict[str, float]:
    """Median wall time of each command, the commands taking turns (drift on a shared machine
    then hits all of them alike); one untimed warm-up each (per-user caches)."""
    return {name: statistics.median(runs) for name, (runs, _) in starts(commands, repeat).items()}


def starts(commands: dict[str, list[str]], repeat=9) -> dict[str, tuple[list[float], list[float]]]:
    """Wall and processor (user + system) seconds of each run of each command, the commands
    taking turns, after one untimed warm-up each (per-user caches)."""
    times: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in commands}
    for round_ in range(repeat + 1):
        for name, cmd in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if round_:
                times[name][0].append(wall)
                times[name][1].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return times


def compile_bytecode() -> None:
    """Bytecode as an installed package has it: pip compiles a package's modules when it
    installs them; a source checkout run with PYTHONDONTWRITEBYTECODE has none, and would
    compile every drafter module on every start."""
    import drafter

    compileall.compile_dir(str(Path(drafter.__file__).parent), quiet=1)


def peak_memory(folder: Path, n: int, jobs: int) -> tuple[float, float]:
    """Peak resident MB of the batch's parent and of its largest worker, in a fresh process."""
    code = f"""
import resource, sys
from pathlib import Path
sys.path.insert(0, {str(ROOT)!r})
from drafter.tools import batch
from drafter.pipeline import Options
paths = sorted(Path({str(folder)!r}).glob("*.yaml"))[:{n}]
summary = batch.run(paths, Path({str(folder / 'out-memory')!r}), ("docx",), Options(format="docx", doc="report"), jobs={jobs})
assert summary.failed == 0
# VmHWM, not RUSAGE_SELF: ru_maxrss survives exec and would count the benchmark process itself
own = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM"))
print(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return int(out[0]) / 1024, int(out[1]) / 1024


def main() -> None:
    global _CONTENT, _DOCXTPL
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--memory-n", type=int, default=5000)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", action="store_true", help="end with one JSON line of the key figures")
    args = parser.parse_args()
    if args.quick:
        args.n, args.memory_n = 200, 1000
    work = Path(tempfile.mkdtemp(prefix="drafter-bench-"))
    try:
        paths = generate(work / "in", max(args.n, args.memory_n))
        sample = paths[: args.n]
        rows = []
        figures: dict[str, float] = {}

        # per document, one process, processor time: drafter and the bare stack take turns.
        # (each pass writes into a new folder: replacing files is slow and erratic on a
        # file system mounted with discard, and both would pay it alike)
        drafter_text_write(work / "warm-txt")(sample[0]), bare_stack_write(work / "warm-bare")(sample[0])
        per_doc = alternating({"text": lambda r: drafter_text_write(work / f"o-txt-{r}"),
                               "bare": lambda r: bare_stack_write(work / f"o-bare-{r}")}, sample)
        text_ms, bare_ms = per_doc["text"], per_doc["bare"]
        figures["text_ms_per_doc"], figures["bare_stack_ms_per_doc"] = text_ms, bare_ms
        rows.append(("text, 1 worker, written (ms/doc)", text_ms,
                     f"x{text_ms / bare_ms:.2f} bare stack ({bare_ms:.3f} ms/doc)"))
        rows.append((f"text, {WORKERS} workers, batch (docs/s)", batch_rate(sample, "txt", "article", WORKERS, work / "o1"), None))

        docx_one = drafter_one("docx", "report")
        docx_one(sample[0])
        _CONTENT = _blocks(sample)
        _DOCXTPL = make_docxtpl_template(work)
        indexes = list(range(len(sample)))
        python_docx_one(0), docxtpl_one(0)
        position = {path: i for i, path in enumerate(sample)}  # baselines build that file's blocks
        docx_ms = alternating({"drafter": lambda r: docx_one,
                               "python-docx": lambda r: lambda path: python_docx_one(position[path]),
                               "docxtpl": lambda r: lambda path: docxtpl_one(position[path])}, sample)
        d1, p1, t1 = docx_ms["drafter"], docx_ms["python-docx"], docx_ms["docxtpl"]
        dn = batch_rate(sample, "docx", "report", WORKERS, work / "o2")
        pn = pooled_rate(python_docx_one, indexes, WORKERS)
        tn = pooled_rate(docxtpl_one, indexes, WORKERS)
        figures.update(docx_ms_per_doc=d1, python_docx_ms_per_doc=p1, docxtpl_ms_per_doc=t1)
        rows += [
            ("DOCX report, 1 worker (ms/doc)", d1, f"python-docx x{p1 / d1:.1f} slower ({p1:.2f} ms), "
                                                   f"docxtpl x{t1 / d1:.1f} ({t1:.2f} ms)"),
            (f"DOCX report, {WORKERS} workers, batch (docs/s)", dn,
             f"x{dn / pn:.2f} python-docx ({pn:.0f}/s), x{dn / tn:.2f} docxtpl ({tn:.0f}/s)"),
        ]

        compile_bytecode()
        example = str(EXAMPLES / "vinh-loc-kiem-diem-2023.yaml")
        cold = starts({
            "python": [sys.executable, "-c", "pass"],
            "floor": [sys.executable, "-c", "import pydantic, jinja2, yaml"],
            "txt": command("render", example, "--format", "txt"),
            "docx": command("render", example, "--format", "docx", "-o", str(work / "cold.docx")),
            "help": command("--help"),
        })
        # the fastest of the runs: what a start costs when the machine lets it run
        wall = {name: min(w) for name, (w, _) in cold.items()}
        cpu = {name: min(c) for name, (_, c) in cold.items()}
        floor = wall["floor"]
        figures.update(cold_txt_s=wall["txt"], cold_docx_s=wall["docx"], import_floor_s=floor)
        rows += [
            ("cold start: render --format txt (s)", wall["txt"],
             f"x{wall['txt'] / floor:.2f} import floor ({floor:.3f} s); processor x{cpu['txt'] / cpu['floor']:.2f}"),
            ("cold start: render --format docx (s)", wall["docx"],
             f"x{wall['docx'] / floor:.2f} import floor; processor x{cpu['docx'] / cpu['floor']:.2f}"),
            ("cold start: --help (s)", wall["help"], f"x{wall['help'] / wall['python']:.1f} bare python ({wall['python']:.3f} s)"),
        ]
        parent, worker = peak_memory(work / "in", args.memory_n, WORKERS)
        figures["peak_rss_mb"] = worker
        rows.append((f"peak RSS, {args.memory_n}-report batch (MB)", worker, f"largest worker; parent {parent:.0f} MB"))

        print(f"drafter benchmark: {args.n} documents, {WORKERS} CPU(s), Python {sys.version.split()[0]}")
        for name, value, note in rows:
            shown = f"{value:,.3f}" if value < 10 else f"{value:,.0f}"
            print(f"  {name:<44} {shown:>10}   {note or ''}")
        if args.json:
            print(json.dumps({k: round(v, 4) for k, v in figures.items()}))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
