"""pytest plugin: `pytest --drafter-golden DIR` checks an office's goldens with normal reporting.

Registered through the `pytest11` entry point, so installing drafter is enough. Each YAML
under DIR becomes one test item; a stale golden folder (its YAML deleted) is one more.
Offices who prefer explicit tests use the `drafter_golden` fixture instead. Both read the
configuration (drafter.toml included) and run the check that `drafter golden` runs.
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
    from ..errors import DrafterError

    for folder in config.getoption("drafter_golden"):
        folder = Path(folder)
        try:  # the configuration `drafter golden FOLDER` would use, drafter.toml included
            office = _config(config, folder)
        except DrafterError as exc:  # a bad drafter.toml or --drafter-formats: one failing item
            items.append(ConfigItem.from_parent(session, name=f"golden-config[{folder}]", folder=folder, error=exc))
            continue
        for source in golden.sources(folder):
            items.append(GoldenItem.from_parent(session, name=f"golden[{source}]", source=source, office=office))
        items.append(StaleItem.from_parent(session, name=f"golden-stale[{folder}]", folder=folder))


def pytest_report_header(config):
    """The drafter.toml in use, as `drafter golden` says it."""
    if not config.getoption("drafter_golden"):
        return None
    from ..errors import DrafterError

    lines = []
    for folder in config.getoption("drafter_golden"):
        try:
            notice = _config(config, Path(folder)).notice()
        except DrafterError:
            continue
        if notice and notice not in lines:
            lines.append(notice)
    return lines


def _config(config, folder: Path):
    from .config import load

    return load(config.getoption("drafter_templates"), near=folder, formats=config.getoption("drafter_formats"))


class GoldenFailure(Exception):
    pass


class _Item(pytest.Item):
    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, GoldenFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo)


class GoldenItem(_Item):
    def __init__(self, *, source: Path, office, **kwargs):
        super().__init__(**kwargs)
        self.source, self.office = source, office

    def runtest(self):
        from . import golden

        report = golden.check_source(self.source, self.office)
        if report.error:  # bad YAML or template: its one-line messages
            raise GoldenFailure(report.error.format(self.office.lang))
        for warning in report.warnings:  # the fact audit's and the checks': shown, not fatal
            self.warn(pytest.PytestWarning(warning.format(self.office.lang)))
        if not report.ok:
            raise GoldenFailure("".join(report.problems(self.office.lang)) + "Accept with: drafter golden DIR --update")

    def reportinfo(self):
        return self.source, 0, f"golden: {self.source.name}"  # a line: pytest needs one to show warnings


class StaleItem(_Item):
    def __init__(self, *, folder: Path, **kwargs):
        super().__init__(**kwargs)
        self.folder = folder

    def runtest(self):
        from . import golden

        stale = golden.stale(self.folder)
        if stale:
            raise GoldenFailure("goldens without a YAML (remove with --update):\n"
                                + "\n".join(f"  {f}" for f in stale))

    def reportinfo(self):
        return self.folder, None, f"golden: stale folders in {self.folder}"


class ConfigItem(_Item):
    def __init__(self, *, folder: Path, error, **kwargs):
        super().__init__(**kwargs)
        self.folder, self.error = folder, error

    def runtest(self):
        from ..messages import language

        raise GoldenFailure(self.error.format(language()))

    def reportinfo(self):
        return self.folder, None, f"golden: configuration of {self.folder}"


@pytest.fixture
def drafter_golden():
    """check(DIR, formats=...) fails the test with the diffs when goldens differ."""
    def check(directory, formats=tuple(FORMATS.split(",")), search_path=()):
        from . import golden
        from .config import load

        from ..errors import DrafterError

        directory = Path(directory)
        try:
            office = load(search_path, near=directory, formats=tuple(formats))
        except DrafterError as exc:
            pytest.fail(exc.format(), pytrace=False)
        report = golden.check(directory, office)
        if not report.ok:
            pytest.fail("".join(report.summary(office.lang, False)) + "\n".join(report.messages(office.lang)),
                        pytrace=False)
        return report
    return check
