"""A scratch copy of the files a build of the site reads: for builds that must not touch the
project (the benchmark's bare builds, the builders' bad-input and draft-tool tests)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

SITE_SOURCES = ["docs", "examples", "overrides", "tests/examples", "mkdocs.yml", "pyproject.toml", "uv.lock", "package-lock.json"]  # fmt: skip
"""What a build reads, relative to the repository root (the examples' tests say what was verified)."""


def copy_sources(root: Path, target: Path) -> Path:
    """Copy the site's sources from `root` into `target`, and return `target`."""
    for name in SITE_SOURCES:
        source, copy = root / name, target / name
        copy.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, copy, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, copy)
    return target


def bare_config(config: str) -> str:
    """`mkdocs.yml` as plain Material builds it: without fieldguide, mkdocstrings and the hooks."""
    config = re.sub(r"\n  - fieldguide\.extension\n", "\n", config)
    config = re.sub(r"\n  - mkdocstrings:\n(?:      .*\n)+", "\n", config)
    return re.sub(r"\nhooks:\n(?:  .*\n)+", "\n", config)  # its entries and their comments
