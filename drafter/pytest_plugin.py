"""pytest plugin: `pytest --drafter-golden DIR` checks an office's goldens with normal reporting.

Registered through the `pytest11` entry point, so installing drafter is enough. Each YAML
under DIR becomes one test item; a stale golden folder (its YAML deleted) is one more.
Offices who prefer explicit tests use the `drafter_golden` fixture instead.
"""
from __future__ import annotations

from pathlib import Path

import pytest

FORMATS = "txt,md,html,docx"  # as golden.FORMATS; drafter itself is imported only when asked for


def pytest_addoption(parser):
    group = parser.getgroup("drafter")
    group.addoption("--drafter-golden", action="append", default=[], metavar="DIR",
                    help="check the golden files of every YAML under DIR (may repeat)")
    group.addoption("--drafter-formats", default=FORMATS,
                    help="formats to check, comma-separated (default: all)")
    group.addoption("--drafter-templates", action="append", default=[], metavar="DIR",
                    help="office template folder(s), first wins")


def pytest_collection_modifyitems(session, config, items):
    if not config.getoption("drafter_golden"):
        return
    from . import golden

    formats = tuple(f for f in config.getoption("drafter_formats").split(",") if f)
    search = tuple(config.getoption("drafter_templates"))
    for folder in config.getoption("drafter_golden"):
        folder = Path(folder)
        for source in golden.sources(folder):
            items.append(GoldenItem.from_parent(session, name=f"golden[{source}]", source=source,
                                                formats=formats, search=search))
        items.append(StaleItem.from_parent(session, name=f"golden-stale[{folder}]", folder=folder))


class GoldenFailure(Exception):
    pass


class GoldenItem(pytest.Item):
    def __init__(self, *, source: Path, formats, search, **kwargs):
        super().__init__(**kwargs)
        self.source, self.formats, self.search = source, formats, search

    def runtest(self):
        from . import golden

        outcome = golden.Outcome()
        try:
            expected = golden.expected_files(self.source, self.formats, self.search, warnings=outcome.warnings)
        except golden.DrafterError as exc:  # bad YAML or template: its one-line messages
            raise GoldenFailure(exc.format()) from None
        folder = self.source.with_name(self.source.stem + golden.SUFFIX)
        for name, content in expected.items():
            golden._compare(folder / name, content, False, outcome)
        for warning in outcome.warnings:  # the fact audit's and the checks': shown, not fatal
            self.warn(pytest.PytestWarning(warning.format()))
        report = [diff for _, diff in outcome.changed] + [f"{p}: golden missing" for p in outcome.missing]
        if report:
            raise GoldenFailure("\n".join(report) + "\nAccept with: drafter golden DIR --update")

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, GoldenFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.source, None, f"golden: {self.source.name}"


class StaleItem(pytest.Item):
    def __init__(self, *, folder: Path, **kwargs):
        super().__init__(**kwargs)
        self.folder = folder

    def runtest(self):
        from . import golden

        live = {s.with_name(s.stem + golden.SUFFIX) for s in golden.sources(self.folder)}
        stale = [f for f in sorted(self.folder.rglob("*" + golden.SUFFIX)) if f.is_dir() and f not in live]
        if stale:
            raise GoldenFailure("goldens without a YAML (remove with --update):\n"
                                + "\n".join(f"  {f}" for f in stale))

    def repr_failure(self, excinfo):
        return str(excinfo.value) if isinstance(excinfo.value, GoldenFailure) else super().repr_failure(excinfo)

    def reportinfo(self):
        return self.folder, None, f"golden: stale folders in {self.folder}"


@pytest.fixture
def drafter_golden():
    """check(DIR, formats=...) fails the test with the diffs when goldens differ."""
    def check(directory, formats=tuple(FORMATS.split(",")), search_path=()):
        from . import golden

        outcome = golden.run(Path(directory), tuple(formats), False, tuple(search_path))
        problems = ([d for _, d in outcome.changed] + [f"{p}: golden missing" for p in outcome.missing]
                    + [f"{p}: golden without YAML" for p in outcome.stale]
                    + [e.format() for e in outcome.errors])
        if problems:
            pytest.fail("\n".join(problems), pytrace=False)
        return outcome
    return check
