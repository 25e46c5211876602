"""Markers: each block only on its own page, and anything unexpected stops the build."""

from __future__ import annotations

import pytest
from fieldguide.facts import load_site
from fieldguide.markers import MarkerError, Page, check_required, render_markers

TOOL_PAGE = (
    "# Alpha\n\n<!-- guide:at-a-glance -->\n\n<!-- guide:lecture-verdicts -->\n\n"
    "## The example pipeline\n\n<!-- guide:verified -->\n\n<!-- guide:concept-links -->\n\n"
    "<!-- guide:lecture-code -->\n\n<!-- guide:measured-row -->\n"
)


@pytest.fixture
def page(repo):
    site = load_site(repo)
    return lambda src: Page(src, site)


def test_tool_page_markers_are_replaced(page):
    rendered = render_markers(TOOL_PAGE, page("tools/alpha.md"))
    assert "<!--" not in rendered
    assert '!!! abstract "At a glance"' in rendered
    assert '!!! success "Checked: ran end to end' in rendered
    assert '=== "As written"' in rendered


def test_a_tool_page_must_have_its_markers(page):
    check_required(page("tools/alpha.md"), TOOL_PAGE)
    with pytest.raises(
        MarkerError, match=r"docs/tools/alpha.md must contain <!-- guide:lecture-code -->"
    ):
        check_required(page("tools/alpha.md"), TOOL_PAGE.replace("<!-- guide:lecture-code -->", ""))


def test_lecture_markers_only_where_the_lecture_covers_the_tool(page):
    check_required(
        page("tools/beta.md"),
        "<!-- guide:at-a-glance --><!-- guide:verified --><!-- guide:concept-links --><!-- guide:measured-row -->",
    )
    with pytest.raises(
        MarkerError,
        match=r"docs/tools/beta.md:1: 'guide:lecture-verdicts' only works on the pages of tools the lecture covers",
    ):
        render_markers("<!-- guide:lecture-verdicts -->", page("tools/beta.md"))


def test_a_tool_page_without_data_says_where_to_add_it(page):
    with pytest.raises(
        MarkerError, match=r"docs/tools/gamma.md has no tool 'gamma' in docs/data/comparison.yaml"
    ):
        check_required(page("tools/gamma.md"), "# Gamma\n")


def test_comparison_page_gets_its_four_blocks(page):
    markers = "\n\n".join(
        f"<!-- guide:{m} -->" for m in ("chooser", "comparison-table", "lecture-table", "evidence")
    )
    check_required(page("comparison.md"), markers)
    rendered = render_markers(markers, page("comparison.md"))
    assert 'id="guide-chooser"' in rendered and 'id="guide-comparison"' in rendered
    assert "### Local development {#local}" in rendered


def test_choose_page_must_quote_every_scenario_and_the_recommendation(page):
    with pytest.raises(MarkerError) as info:
        check_required(page("choose.md"), "<!-- guide:lecture-recommendation -->")
    assert "<!-- guide:lecture-scenario beginners -->" in str(info.value)


def test_misplaced_marker_names_the_page_line_and_where_it_belongs(page):
    with pytest.raises(
        MarkerError, match=r"docs/index.md:3: 'guide:comparison-table' only works on comparison.md"
    ):
        render_markers("# Home\n\n<!-- guide:comparison-table -->\n", page("index.md"))


def test_unknown_marker_lists_the_known_ones(page):
    with pytest.raises(
        MarkerError, match=r"docs/index.md:1: unknown marker 'guide:glance' \(known: at-a-glance"
    ):
        render_markers("<!-- guide:glance -->", page("index.md"))


def test_rating_marker_checks_its_arguments(page):
    assert "[Alpha \u2014 UI: **rich**](comparison.md#ui)" in render_markers(
        "<!-- guide:rating alpha ui -->", page("choose.md")
    )
    with pytest.raises(MarkerError, match=r"write it as <!-- guide:rating <tool> <criterion> -->"):
        render_markers("<!-- guide:rating alpha -->", page("choose.md"))
    with pytest.raises(MarkerError, match=r"unknown tool 'gamma' \(tools: alpha, beta\)"):
        render_markers("<!-- guide:rating gamma ui -->", page("choose.md"))
    with pytest.raises(MarkerError, match=r"docs/choose.md:1: unknown scenario 'experts'"):
        render_markers("<!-- guide:lecture-scenario experts -->", page("choose.md"))


def test_a_marker_in_backticks_is_text(page):
    text = "Write `<!-- guide:at-a-glance -->` under the title."
    assert render_markers(text, page("contributing.md")) == text


def test_a_marker_outside_any_page_is_refused():
    with pytest.raises(
        MarkerError, match=r"a Markdown fragment outside any page:1: 'guide:rating' only works"
    ):
        render_markers("<!-- guide:rating alpha ui -->", None)
