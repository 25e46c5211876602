"""Markers: each block only on its own page, and anything unexpected stops the build."""

from __future__ import annotations

import pytest
from conftest import write_data
from fieldguide.model import load_comparison
from fieldguide.pages import MarkerError, PageContext, render_page
from fieldguide.render import ToolFacts
from fieldguide.sources import locked_version, read_verification

TOOL_PAGE = (
    "# Alpha\n\n<!-- guide:at-a-glance -->\n\n## The example pipeline\n\n<!-- guide:verified -->\n"
)


@pytest.fixture
def context(repo, valid_data):
    data = load_comparison(write_data(repo, valid_data), root=repo, docs_dir=repo / "docs")
    facts = {
        t.slug: ToolFacts(t, locked_version(t, repo), read_verification(t, repo))
        for t in data.tools
    }

    def make(src: str) -> PageContext:
        return PageContext(src, data, facts, link=lambda t: t, url=lambda t: t)

    return make


def test_tool_page_markers_are_replaced(context):
    page = render_page(TOOL_PAGE, context("tools/alpha.md"))
    assert "<!--" not in page
    assert '!!! abstract "At a glance"' in page
    assert '!!! success "Checked: ran end to end' in page


def test_comparison_page_gets_table_chooser_and_evidence(context):
    page = render_page(
        "<!-- guide:chooser -->\n<!-- guide:comparison-table -->\n<!-- guide:evidence -->\n",
        context("comparison.md"),
    )
    assert "guide-chooser" in page and "<table" in page and "### UI" in page


def test_rating_marker_works_anywhere(context):
    page = render_page("Alpha is <!-- guide:rating alpha ui -->.", context("choose.md"))
    assert page == "Alpha is [UI: **rich**](comparison.md#ui)."


def test_pages_without_markers_are_untouched(context):
    assert render_page("# Contributing\n", context("contributing.md")) == "# Contributing\n"


@pytest.mark.parametrize(
    ("src", "markdown", "message"),
    [
        ("choose.md", "text\n<!-- guide:glance -->", r"docs/choose.md:2: unknown marker 'guide:glance' \(known: at-a-glance"),
        ("choose.md", "<!-- guide:comparison-table -->", r"docs/choose.md:1: 'guide:comparison-table' only works on comparison.md"),
        ("index.md", "<!-- guide:at-a-glance -->", "only works on tool pages"),
        ("choose.md", "<!-- guide:rating alpha -->", r"write it as <!-- guide:rating <tool> <criterion> -->"),
        ("choose.md", "<!-- guide:rating gamma ui -->", r"docs/choose.md:1: unknown tool 'gamma'"),
        ("choose.md", "<!-- guide:rating alpha speed -->", "unknown criterion 'speed'"),
        ("tools/alpha.md", "# Alpha\n<!-- guide:at-a-glance -->", r"must contain <!-- guide:verified -->"),
        ("comparison.md", "<!-- guide:chooser -->", r"must contain <!-- guide:comparison-table -->, <!-- guide:evidence -->"),
        ("index.md", "# Home", "must contain <!-- guide:tools-overview -->"),
        ("tools/gamma.md", TOOL_PAGE, r"docs/tools/gamma.md has no entry in docs/data/comparison.yaml"),
    ],
)  # fmt: skip
def test_bad_markers_stop_the_build_with_page_and_line(context, src, markdown, message):
    with pytest.raises(MarkerError, match=message):
        render_page(markdown, context(src))
