"""Everything the generated blocks show, assembled once from the repository's files.

[`load_site`][fieldguide.facts.load_site] reads the comparison data, the lecture record, the
locks and what the tests verify, checks them against one another, and keeps the result for as
long as none of those files changes: a live-reloading preview pays for it once.
"""

from __future__ import annotations

import datetime
import functools
import os
from dataclasses import dataclass
from pathlib import Path

from .concepts import CONCEPTS_FILE, ConceptsData, load_concepts
from .datafile import DataError
from .layout import ROOT
from .lecture import LECTURE_FILE, Lecture, LectureTool, load_lecture
from .locks import NPM_LOCK, UV_LOCK, LockedVersion, LockError, locked_version, read_uv_lock
from .measured import MEASURED_FILE, Measured, load_measured
from .model import COMPARISON_FILE, Comparison, Tool, check_against_lecture, load_comparison
from .verification import Verification, VerificationError, read_verification


class SiteError(Exception):
    """The site's sources disagree or are invalid: one line per problem, each saying what to do."""


@dataclass(frozen=True)
class ToolFacts:
    """One tool's data, with what its page states from elsewhere: versions, tests, the lecture."""

    tool: Tool
    version: LockedVersion | None
    """The locked release of the package the tests check it with; None for a draft without one."""
    verification: Verification
    lecture: LectureTool | None
    """What the lecture said about it, if it covered the tool."""

    def checked_with(self) -> str:
        """`hera 7.1.0`: the package and release the tests ran, or why there is none."""
        if self.version is None:
            return "no package chosen yet (draft)"
        return f"{self.version.package} {self.version.version}"

    def engine(self) -> str:
        """What the page describes: the engine release its files target, or the package itself."""
        target = self.tool.targets
        return f"{target.name} {target.version}" if target else self.checked_with()


@dataclass(frozen=True)
class Site:
    """The validated sources of every generated block."""

    root: Path
    data: Comparison
    lecture: Lecture
    tools: dict[str, ToolFacts]
    """Every tool, in the data file's order."""
    concepts: ConceptsData
    measured: Measured | None
    """What `nox -s bench` measured last (None only for the benchmark itself, which writes it)."""
    locked_on: datetime.date | None
    """The day the lock was resolved as of (uv.lock's `exclude-newer`)."""

    def ordered(self) -> list[ToolFacts]:
        """The tools as tabs and lists show them: the orchestrators, then the baseline."""
        return sorted(self.tools.values(), key=lambda f: f.tool.baseline)


def site_inputs(root: Path) -> list[Path]:
    """The files the site's facts are read from: its data, its locks and its examples' tests."""
    files = [root / COMPARISON_FILE, root / LECTURE_FILE, root / CONCEPTS_FILE]
    files += [root / MEASURED_FILE, root / UV_LOCK, root / NPM_LOCK]
    return files + sorted((root / "tests" / "examples").glob("test_*.py"))


def _inputs(root: Path) -> tuple:
    """A cheap fingerprint of every file the site's facts come from (names, sizes, times)."""
    stamps = tuple((str(p), *_stat(p)) for p in site_inputs(root))
    listed = []
    for folder in ("examples", "docs"):
        for dirpath, _, names in os.walk(root / folder):
            listed += [os.path.join(dirpath, n) for n in names]
    return (*stamps, frozenset(listed))


def _stat(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return (0, -1)
    return stat.st_mtime_ns, stat.st_size


def load_site(root: Path = ROOT, *, measured: bool = True) -> Site:
    """The site's facts, rebuilt only when one of the files they come from has changed.

    `measured=False` leaves out the benchmark's results: for the benchmark, which writes them.

    Raises:
        SiteError: Every problem found, one line each, naming the file and what to fix.
    """
    return _load_site(root, _inputs(root), measured)


@functools.lru_cache(maxsize=4)
def _load_site(root: Path, _inputs: tuple, with_measured: bool = True) -> Site:
    try:
        data = load_comparison(root)
        lecture = load_lecture(
            root,
            tools=[t.slug for t in data.tools],
            criteria={c.id: c.scale for c in data.criteria},
        )
        check_against_lecture(root, data, {key: now for key, (_, now) in lecture.cells().items()})
        tools = {}
        for tool in data.tools:
            version = locked_version(tool.package, root) if tool.package else None
            tools[tool.slug] = ToolFacts(
                tool, version, read_verification(tool.slug, root), lecture.about(tool.slug)
            )
        concepts = load_concepts(root, tools={t.slug: t.draft for t in data.tools})
        measured = load_measured(root) if with_measured else None
        locked_on = read_uv_lock(root).resolved_on
    except (DataError, LockError, VerificationError) as exc:
        raise SiteError(str(exc)) from None
    return Site(root, data, lecture, tools, concepts, measured, locked_on)
