"""A tenth tool, scaffolded as `nox -s new-tool -- "Name"` does it, builds as a draft."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, build
from fieldguide.scratch import copy_sources

NAME, SLUG = "Probe Flow", "probe-flow"  # a tool the real data will never hold


@pytest.fixture(scope="module")
def drafted(tmp_path_factory) -> Path:
    project = copy_sources(ROOT, tmp_path_factory.mktemp("draft"))
    # The session's own command, without --package, so no lock is resolved (no network needed).
    done = subprocess.run(
        [sys.executable, "-m", "fieldguide.scaffold", NAME, "--root", str(project)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.strip() == SLUG, done.stdout + done.stderr
    return project


@pytest.mark.parametrize("builder", ["mkdocs", "zensical"])
def test_a_scaffolded_draft_builds_strictly_with_its_page_and_its_cells(drafted, builder):
    done = build(drafted, builder)
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    page = (drafted / "site-out" / "tools" / SLUG / "index.html").read_text()
    assert NAME in page and "draft" in page.lower()
    retries = (
        drafted / "site-out" / "concepts" / "retries-and-timeouts" / "index.html"
    ).read_text()
    assert NAME in retries  # the draft has its tab, holding the scaffold's stub
