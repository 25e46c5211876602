"""A strict build of a scratch copy of the project (`copy_sources(ROOT, ...)`), by either builder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


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
