"""Many documents at once: `drafter render a.yaml b.yaml DIR -o OUTDIR --format docx,html --jobs N`.

Workers are processes, each warmed once (templates compiled, the DOCX base zipped), fed in
chunks. A bad file is reported and skipped; the rest go on. Output names are slugs of the
input names, made unique, and can never leave OUTDIR.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from ..errors import DrafterError, fail
from .golden import sources
from ..writers.output import identities, sweep, write_atomic, write_result
from ..pipeline import Options, draft_file, write
from ..writers import WRITERS
from ..compose.words import load as load_words


@dataclass(frozen=True)
class Task:
    source: Path
    stem: str  # output name without extension, unique within the batch


@dataclass
class Done:
    source: Path
    written: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # formatted lines; empty when it worked
    warnings: list[str] = field(default_factory=list)
    pdfs: list[tuple[Path, bytes]] = field(default_factory=list)  # (target, DOCX) converted after the batch


@dataclass
class Summary:
    rendered: int
    failed: int
    files: int
    seconds: float
    results: list[Done]


def collect(inputs: list[Path]) -> list[Path]:
    """YAML files named, and those under folders named (golden folders excluded), in order."""
    found: list[Path] = []
    for item in inputs:
        if item.is_dir():
            found += sources(item)
        else:
            found.append(item)
    return list(dict.fromkeys(found))


def stems(sources: list[Path], untitled: str | None = None) -> list[str]:
    """"Đại hội Chi bộ 3.yaml" -> "dai-hoi-chi-bo-3"; a second one of the same name gets "-2";
    a name with no letters gets UNTITLED (words.yaml file_names)."""
    from slugify import slugify

    untitled = untitled or load_words().file_names.untitled
    taken: set[str] = set()
    out = []
    for source in sources:
        base = slugify(source.stem) or untitled
        name, n = base, 1
        while name in taken:
            n += 1
            name = f"{base}-{n}"
        taken.add(name)
        out.append(name)
    return out


def run(inputs: list[Path], outdir: Path, formats: tuple[str, ...], options: Options, jobs: int | None = None,
        lang: str = "vi", progress: Callable[[int, int], None] | None = None) -> Summary:
    started = time.perf_counter()
    sources = collect(inputs)
    untitled = load_words(options.search_path).file_names.untitled
    tasks = [Task(s, stem) for s, stem in zip(sources, stems(sources, untitled))]
    _prepare(outdir)
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(tasks) or 1))
    work = _Worker(outdir.resolve(), formats, options, lang, identities(sources))
    results: list[Done] = []
    if jobs == 1:
        iterator = map(work, tasks)
        pool = None
    else:
        # Workers are born ignoring Ctrl-C (the parent alone handles it, once); the worker's
        # settings travel once, at start-up; each chunk then carries only its tasks.
        main = threading.current_thread() is threading.main_thread()  # signals: main thread only
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
        try:
            pool = multiprocessing.get_context(_start_method()).Pool(jobs, initializer=_start, initargs=(work,))
        finally:
            if main:
                signal.signal(signal.SIGINT, previous)
        iterator = pool.imap_unordered(_task, tasks, chunksize=max(1, min(32, len(tasks) // (jobs * 8) or 1)))
    try:
        for done in iterator:
            results.append(done)
            if progress:
                progress(len(results), len(tasks))
    except BaseException:  # Ctrl-C: stop every worker now, then remove what they were writing
        if pool is not None:
            pool.terminate()
            pool.join()
            pool = None
        sweep(outdir)
        raise
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    results.sort(key=lambda d: str(d.source))
    _convert_pdfs(results, work.inputs, lang)
    failed = sum(1 for d in results if d.problems)
    return Summary(len(results) - failed, failed, sum(len(d.written) for d in results),
                   time.perf_counter() - started, results)


def _prepare(outdir: Path) -> None:
    """The output folder exists and is writable, and holds no leftovers of a killed run."""
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise fail(str(outdir), "outdir_not_folder") from None
    except OSError as exc:
        raise fail(str(outdir), "write_failed", reason=exc.strerror or str(exc)) from None
    if not outdir.is_dir():
        raise fail(str(outdir), "outdir_not_folder")
    if not os.access(outdir, os.W_OK | os.X_OK):
        raise fail(str(outdir), "write_failed", reason=os.strerror(13))
    sweep(outdir)


def _convert_pdfs(results: list[Done], inputs: frozenset, lang: str) -> None:
    """Every PDF of the batch through one LibreOffice process."""
    pending = [(done, target, data) for done in results if not done.problems for target, data in done.pdfs]
    if not pending:
        return
    from ..writers.pdf import docx_to_pdf_many

    try:
        pdfs = docx_to_pdf_many([data for _, _, data in pending])
        for (done, target, _), pdf in zip(pending, pdfs):
            write_atomic(target, pdf, inputs=inputs, durable=False)
            done.written.append(target)
    except DrafterError as exc:
        for done in {id(d): d for d, _, _ in pending}.values():
            done.problems = [f"{done.source}: {line}" for line in exc.format(lang).splitlines()]


def _start_method() -> str:
    # fork: workers inherit the warm interpreter; elsewhere the platform default
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else multiprocessing.get_start_method()


_WORK: "_Worker | None" = None  # this worker process's settings, set once by _start


def _start(work: "_Worker") -> None:
    """Once per worker: keep its settings and import what its formats need."""
    global _WORK
    _WORK = work
    # terminate() sends SIGTERM: unwind, so a file being written removes its temporary file
    signal.signal(signal.SIGTERM, _stop)
    for fmt in work.formats:
        WRITERS[fmt].load()


def _stop(signum, frame):
    raise SystemExit(128 + signum)


def _task(task: Task) -> Done:
    return _WORK(task)


@dataclass(frozen=True)
class _Worker:
    outdir: Path
    formats: tuple[str, ...]
    options: Options
    lang: str
    inputs: frozenset  # identities of the inputs, never overwritten

    def __call__(self, task: Task) -> Done:
        done = Done(task.source)
        try:
            document, warnings = draft_file(task.source, self.options)  # once, for every format
            done.warnings += [w.format(self.lang) for w in warnings]
            outputs = []
            for fmt in self.formats:  # write every format first: a bad file writes nothing
                # PDF: the DOCX now, converted with every other file's in one LibreOffice run
                result = write(document, replace(self.options, format="docx" if fmt == "pdf" else fmt))
                outputs.append((self._target(task.stem, fmt), fmt, result))
            for target, fmt, result in outputs:
                if fmt == "pdf":
                    done.pdfs.append((target, result.data))
                    continue
                write_result(target, result, inputs=self.inputs, durable=False)
                done.written.append(target)
        except DrafterError as exc:
            done.problems = exc.format(self.lang).splitlines()
        except Exception as exc:  # a bug must not stop the batch; it is reported like bad input
            done.problems = [f"{task.source}: lỗi nội bộ / internal error: {type(exc).__name__}: {exc}"]
        return done

    def _target(self, stem: str, fmt: str) -> Path:
        suffix = load_words(self.options.search_path).file_suffix(self.options.doc)  # words.yaml file_names
        target = (self.outdir / f"{stem}{suffix}{WRITERS[fmt].extension}").resolve()
        if not target.is_relative_to(self.outdir):  # slugs have no "/", but never trust a name
            raise ValueError(f"output {target} outside {self.outdir}")
        return target
