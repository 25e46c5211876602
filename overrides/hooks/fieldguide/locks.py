"""Versions the site prints, read from the lockfiles: `uv.lock`, and `package-lock.json` for npm.

Nothing here imports an orchestrator, and nothing parses a whole lock: `uv.lock` opens each
package with the same three lines (`[[package]]`, `name = ...`, `version = ...`), which one
regular expression reads in milliseconds, once per process and again only if the file changes.
"""

from __future__ import annotations

import datetime
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from packaging.utils import canonicalize_name

from .model import Package

UV_LOCK = "uv.lock"
NPM_LOCK = "package-lock.json"
_PACKAGE = re.compile(r'^\[\[package\]\]\nname = "([^"]+)"\nversion = "([^"]+)"', re.M)
_EXCLUDE_NEWER = re.compile(r'^\[options\]\n(?:.+\n)*?exclude-newer = "([^"]+)"', re.M)


class LockError(Exception):
    """A lock the site reads from is missing, or does not pin what it should; says what to run."""


@dataclass(frozen=True)
class LockedVersion:
    package: str
    version: str
    lock: str
    """The lockfile it was read from, relative to the repository root."""


@dataclass(frozen=True)
class UvLock:
    versions: dict[str, frozenset[str]]
    """Every locked package (canonical name) and its versions (several where groups conflict)."""
    resolved_on: datetime.date | None
    """The day uv resolved it as of (`exclude-newer`): no newer release can be in it."""


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


@functools.cache
def _read_uv_lock(path: Path, _stamp: tuple[int, int]) -> UvLock:
    text = path.read_text(encoding="utf-8")
    versions: dict[str, set[str]] = {}
    for name, version in _PACKAGE.findall(text):
        versions.setdefault(canonicalize_name(name), set()).add(version)
    newer = _EXCLUDE_NEWER.search(text)
    return UvLock(
        {name: frozenset(found) for name, found in versions.items()},
        datetime.date.fromisoformat(newer[1][:10]) if newer else None,
    )


def read_uv_lock(root: Path) -> UvLock:
    """The repository's uv.lock, read once per process and again only when it changes."""
    path = root / UV_LOCK
    if not path.exists():
        raise LockError(f"{UV_LOCK} is missing: run nox -s lock")
    return _read_uv_lock(path, _stamp(path))


@functools.cache
def _read_npm_lock(path: Path, _stamp: tuple[int, int]) -> dict[str, str]:
    packages = json.loads(path.read_text(encoding="utf-8")).get("packages", {})
    return {k.removeprefix("node_modules/"): v["version"] for k, v in packages.items() if k}


def locked_version(package: Package, root: Path) -> LockedVersion:
    """The version of `package` pinned in uv.lock, or in package-lock.json for npm packages."""
    if package.registry == "pypi":
        found = read_uv_lock(root).versions.get(canonicalize_name(package.name), frozenset())
        lock, fix = (
            UV_LOCK,
            f"add {package.name} to its tool's group in pyproject.toml, then run nox -s lock",
        )
    else:
        path = root / NPM_LOCK
        if not path.exists():
            raise LockError(f"{NPM_LOCK} is missing: run npm install")
        version = _read_npm_lock(path, _stamp(path)).get(package.name)
        found = frozenset([version] if version else [])
        lock, fix = NPM_LOCK, f"add {package.name} to package.json and run npm install"
    if len(found) != 1:
        state = "not in" if not found else f"locked more than once ({', '.join(sorted(found))}) in"
        raise LockError(f"{package.name} is {state} {lock}: {fix}")
    return LockedVersion(package.name, next(iter(found)), lock)
