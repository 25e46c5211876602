"""Bad input gets the same clear errors from both builders: run by `nox -s build-zensical`."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PROJECT = [
    "docs",
    "examples",
    "overrides",
    "tests/examples",
    "mkdocs.yml",
    "pyproject.toml",
    "uv.lock",
    "package-lock.json",
]


@pytest.fixture
def broken(tmp_path: Path) -> tuple[Path, list[str]]:
    """A copy of the project whose comparison data has two values off their scales."""
    for name in PROJECT:
        source, target = ROOT / name, tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target)
    data = tmp_path / "docs" / "data" / "comparison.yaml"
    text = data.read_text()
    text = re.sub(r"(learning-curve:\n\s+value: )\S+", r"\1so-so", text, count=1)
    text = re.sub(r"(local-development:\n\s+value: )\S+", r"\1superb", text, count=1)
    data.write_text(text)
    expected = [
        "tool 'airflow', criterion 'learning-curve', field 'value': 'so-so' is not on the scale of 'Learning curve'",
        "tool 'airflow', criterion 'local-development', field 'value': 'superb' is not on the scale of 'Local development'",
    ]
    return tmp_path, expected


@pytest.mark.parametrize("builder", ["mkdocs", "zensical"])
def test_a_corrupted_data_file_stops_either_builder_naming_every_problem(broken, builder):
    project, expected = broken
    env = {**os.environ, "SITE_DIR": "site-out", "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [str(BIN / builder), "build", "--strict"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    said = done.stdout + done.stderr
    assert done.returncode != 0
    for line in expected:
        assert "docs/data/comparison.yaml:" in said and line in said, said[-2000:]
    if builder == "mkdocs":  # MkDocs renders every page before it writes any
        assert not any((project / "site-out").rglob("*.html"))
