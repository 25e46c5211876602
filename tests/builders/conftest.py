"""A scratch copy of the project, and a strict build of it by either builder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from fieldguide.scratch import copy_sources

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def copy_project(target: Path) -> Path:
    """The files a build reads, copied into `target`."""
    return copy_sources(ROOT, target)


def build(project: Path, builder: str) -> subprocess.CompletedProcess[str]:
    """`<builder> build --strict` in `project`, into `project/site-out`."""
    env = {**os.environ, "SITE_DIR": "site-out", "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [str(BIN / builder), "build", "--strict"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
