"""What a run of drafter is configured with, and where each part came from.

    config = load(templates=[Path("mau")], near=Path("bai-viet"), formats="docx,html", lang="en")

The template search path is --templates' folders first, then those the nearest drafter.toml
names (from the working folder up, or else from NEAR up: project.find), then, implicitly, the
built-ins. Every command and the pytest plugin get their configuration here, so they cannot
disagree on which templates a folder is rendered with.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import fail
from .project import Project, load as load_project


@dataclass(frozen=True)
class Config:
    search_path: tuple[str, ...] = ()  # office template folders, first wins; built-ins after
    formats: tuple[str, ...] = ()  # () is each command's default (render: txt; golden: all)
    lang: str = "vi"  # of the messages: "vi" or "en"
    project: Path | None = None  # the drafter.toml the office folders came from, if any

    def notice(self) -> str | None:
        """The line saying which drafter.toml is in use: it changes every document's wording,
        so a command never uses one silently."""
        if self.project is None:
            return None
        from ..messages import translate

        return f"drafter: {translate('project_in_use', self.lang, path=self.project)}"


def load(templates=(), near: Path | None = None, formats: str | tuple[str, ...] = (),
         lang: str | None = None, say: Callable[[str], None] | None = None) -> Config:
    """The configuration of a run: --templates folders (each must exist), drafter.toml's, the
    formats asked for ("docx,html" or a tuple; each must have a writer) and the message language.
    SAY, when given, receives the line naming the drafter.toml in use (a command never uses one
    silently)."""
    from ..messages import language

    for folder in templates:
        if not Path(folder).is_dir():
            raise fail(str(folder), "templates_missing")
    project = _project(near)
    found = project.template_dirs if project else ()
    config = Config(search_path=tuple(str(t) for t in templates) + found, formats=parse_formats(formats),
                    lang=language(lang), project=project.path if project else None)
    if say and config.notice():
        say(config.notice())
    return config


def _project(near: Path | None) -> Project | None:
    project = load_project()
    if project is None and near:
        project = load_project(Path(near).resolve())
    return project


def parse_formats(formats: str | tuple[str, ...]) -> tuple[str, ...]:
    """"docx,html" -> ("docx", "html"); each must have a writer (a clean error otherwise)."""
    if isinstance(formats, str):
        formats = tuple(f.strip() for f in formats.split(",") if f.strip()) or (formats,)
    if formats:
        from ..pipeline import writer_for

        for name in formats:
            writer_for(name)
    return tuple(formats)
