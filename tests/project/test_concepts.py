"""The concept pages: every finished tool has a cell per concept; drafts show what is missing."""

from __future__ import annotations

import pytest
from conftest import ROOT, write
from fieldguide import render
from fieldguide.concepts import STUB, load_concepts, missing_cells
from fieldguide.datafile import DataError
from fieldguide.facts import load_site
from fieldguide.scaffold import scaffold

TOOLS = {"alpha": False, "beta": True}  # beta is a draft


def test_a_finished_tool_needs_a_cell_for_every_concept(repo):
    data = load_concepts(repo, tools=TOOLS)
    assert [c.stem for c in data.concepts] == ["retries"]
    (repo / "examples" / "alpha" / "concepts" / "retries.py").unlink()
    with pytest.raises(DataError) as info:
        load_concepts(repo, tools=TOOLS)
    assert "tool 'alpha' has no cell: write examples/alpha/concepts/retries.py (or .yaml), or mark the tool a draft" in str(info.value)  # fmt: skip


def test_a_finished_tool_may_not_keep_a_stub(repo):
    write(repo / "examples" / "alpha" / "concepts" / "retries.py", f'"""Retries. {STUB}"""\n')
    with pytest.raises(DataError, match=r"tool 'alpha' still has the scaffold's stub"):
        load_concepts(repo, tools=TOOLS)


def test_a_draft_lists_what_it_has_not_written(repo):
    data = load_concepts(repo, tools=TOOLS)
    assert missing_cells(repo, "beta", data) == ["retries"]
    assert missing_cells(repo, "alpha", data) == []


def test_gaps_name_known_tools_and_concepts(repo):
    path = repo / "docs" / "data" / "concepts.yaml"
    path.write_text(path.read_text().replace("gaps: []", "gaps:\n  - {tool: gamma, concept: caching, says: No cache., link: 'https://x.example'}"))  # fmt: skip
    with pytest.raises(DataError) as info:
        load_concepts(repo, tools=TOOLS)
    lines = str(info.value).splitlines()
    assert any("unknown tool 'gamma'" in line for line in lines)
    assert any("unknown concept 'caching' (concepts: retries)" in line for line in lines)


def test_tabs_show_every_tool_with_what_checked_it(repo):
    site = load_site(repo)
    tabs = render.concept_tabs(site, site.concepts.concepts[0])
    assert '=== "Alpha"' in tabs and '=== "Beta"' in tabs
    assert '--8<-- "examples/alpha/concepts/retries.py"' in tabs
    assert "Run as a script by `nox -s examples-alpha` against alpha\\-flow 1\\.2\\.3" in tabs
    assert "*Not written yet: Beta is a draft.*" in tabs


def test_the_real_concepts_cover_every_finished_tool_and_list_a_drafts_gaps():
    site = load_site(ROOT)
    for slug, facts in site.tools.items():
        missing = missing_cells(ROOT, slug, site.concepts)
        if facts.tool.draft:
            print(f"{slug} (draft) has yet to write: {', '.join(missing) or 'nothing'}")
        else:
            assert missing == [], f"{slug}: {missing}"


def test_the_scaffold_writes_a_stub_per_concept(repo):
    for name in ("mkdocs.yml", "pyproject.toml", "examples/cron/pipeline.py"):
        write(repo / name, (ROOT / name).read_text())
    scaffold(repo, "Probe Flow")
    data = load_concepts(repo, tools={**TOOLS, "probe-flow": True})
    assert missing_cells(repo, "probe-flow", data) == ["retries"]
