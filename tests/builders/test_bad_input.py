"""Bad input gets the same clear errors from both builders: run by `nox -s build-zensical`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, build
from fieldguide.scratch import copy_sources


@pytest.fixture
def broken(tmp_path: Path) -> tuple[Path, list[str]]:
    """A copy of the project whose comparison data has two values off their scales."""
    copy_sources(ROOT, tmp_path)
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
    done = build(project, builder)
    said = done.stdout + done.stderr
    assert done.returncode != 0
    for line in expected:
        assert "docs/data/comparison.yaml:" in said and line in said, said[-2000:]
    if builder == "mkdocs":  # MkDocs renders every page before it writes any
        assert not any((project / "site-out").rglob("*.html"))
