"""Each renderer turns the data into the block its page shows."""

from __future__ import annotations

import json
import re

import pytest
from conftest import write_data
from fieldguide import render
from fieldguide.model import load_comparison
from fieldguide.render import ToolFacts
from fieldguide.sources import locked_version, read_verification


def link(target: str) -> str:
    return f"../{target}"


@pytest.fixture
def data(repo, valid_data):
    return load_comparison(write_data(repo, valid_data), root=repo, docs_dir=repo / "docs")


@pytest.fixture
def facts(repo, data):
    return {
        t.slug: ToolFacts(t, locked_version(t, repo), read_verification(t, repo))
        for t in data.tools
    }


def test_at_a_glance_shows_release_verification_glance_criteria_and_links(data, facts):
    box = render.at_a_glance(data, facts["alpha"], link)
    assert box.startswith('!!! abstract "At a glance"\n')
    assert "- **Tested with:** `alpha-flow` 1.2.3 (locked in `pylock.alpha.toml`)\n" in box
    assert "- **Checked here:** ran end to end" in box
    assert "- **Local development:** good: It runs in-process.\n" in box
    assert "**UI:**" not in box  # only the criteria listed under `glance`
    assert "[documentation](https://alpha.example/docs)" in box
    assert "(../comparison.md)" in box
    assert all(line.startswith("    ") for line in box.splitlines()[2:] if line)


def test_draft_tool_box_is_marked(data, facts):
    assert render.at_a_glance(data, facts["beta"], link).startswith(
        '!!! warning "Draft: at a glance'
    )


def test_verified_lists_each_check_with_the_locked_version(facts):
    block = render.verified(facts["alpha"])
    assert block.startswith('!!! success "Checked: ran end to end, with alpha-flow 1.2.3"')
    assert "nox -s examples-alpha" in block
    assert "    - The pipeline runs end to end.\n" in block
    assert "    - The YAML is valid." in block


def test_comparison_table_has_every_tool_and_criterion_with_reasons(data, facts):
    table = render.comparison_table(data, facts, lambda t: f"/site/{t}")
    assert table.count('<th scope="col" data-tool=') == 2
    assert table.count('<tr><th scope="row">') == 2
    cells = re.findall(r"<td [^>]*>", table)
    assert len(cells) == 4
    assert all('title="' in c and "data-value=" in c for c in cells)
    assert 'href="/site/tools/alpha.md"' in table
    assert 'href="#local-development"' in table


def test_comparison_table_marks_changed_cells_and_drafts(data, facts):
    table = render.comparison_table(data, facts, str)
    alpha_local = re.search(
        r'<td data-tool="alpha" data-criterion="local"[^>]*>.*?</td>', table
    ).group(0)
    assert "guide-changed" in alpha_local
    assert "2023: poor; changed: It gained a local runner." in alpha_local
    beta_local = re.search(
        r'<td data-tool="beta" data-criterion="local"[^>]*>.*?</td>', table
    ).group(0)
    assert "guide-changed" not in beta_local
    assert '<span class="guide-draft">draft</span>' in table


def test_comparison_table_escapes_html(data, facts):
    quoted = data.tool("alpha").ratings["ui"].model_copy(update={"reason": 'A "rich" <UI>'})
    alpha = data.tool("alpha").model_copy(
        update={"ratings": {**data.tool("alpha").ratings, "ui": quoted}}
    )
    data = data.model_copy(update={"tools": [alpha, data.tool("beta")]})
    table = render.comparison_table(data, facts, str)
    assert "A &quot;rich&quot; &lt;UI&gt;" in table


def test_evidence_has_a_section_per_criterion_with_every_tool(data):
    text = render.evidence(data, link)
    assert text.count("### ") == 2
    assert "| [Alpha](../tools/alpha.md) | good | It runs in-process." in text
    assert "**changed:** It gained a local runner." in text
    assert "needs Kubernetes\u201d); still holds" in text
    assert "[`examples/alpha/pipeline.py`](../tools/alpha.md#the-example-pipeline)" in text
    assert "[source](https://alpha.example/ui)" in text
    assert "| [Beta](../tools/beta.md) (draft) |" in text


def test_chooser_is_hidden_without_javascript_and_carries_the_accepted_values(data):
    form = render.chooser(data)
    assert '<form class="guide-chooser" id="guide-chooser" hidden>' in form
    accepts = re.search(r"data-accepts='([^']*)'", form).group(1)
    assert json.loads(accepts.replace("&quot;", '"')) == ["good"]
    assert 'data-criterion="local"' in form


def test_tools_overview_links_every_tool(data, facts):
    overview = render.tools_overview(data, facts, link)
    assert (
        "| [Alpha](../tools/alpha.md) | The first tool. | ran end to end | `alpha-flow` 1.2.3 |"
        in overview
    )
    assert "[Beta](../tools/beta.md) *(draft)*" in overview


def test_rating_citation_links_to_the_criterions_evidence(data):
    assert (
        render.rating_citation(data, "alpha", "ui", link) == "[UI: **rich**](../comparison.md#ui)"
    )


@pytest.mark.parametrize(
    ("heading", "expected"),
    [("Local development", "local-development"), ("CI/CD integration", "cicd-integration"),
     ("Data and asset lineage", "data-and-asset-lineage"), ("ML-specific features", "ml-specific-features")],
)  # fmt: skip
def test_anchor_matches_mkdocs_heading_ids(heading, expected):
    assert render.anchor(heading) == expected


def test_a_draft_without_a_package_says_so(data, facts):
    beta = ToolFacts(
        data.tool("beta").model_copy(update={"package": None}), None, facts["beta"].verification
    )
    box = render.at_a_glance(data, beta, link)
    assert "- **Tested with:** no package chosen yet (draft)\n" in box
    assert "with no package chosen yet (draft)" in render.verified(beta)
    overview = render.tools_overview(data, {**facts, "beta": beta}, link)
    assert "no package chosen yet (draft)" in overview
