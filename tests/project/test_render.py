"""Each renderer turns the facts into the block its page shows, and inserts text only as text."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import markdown
import pytest
from conftest import write_data
from fieldguide import render
from fieldguide.facts import load_site
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXTENSIONS = ["tables", "admonition", "attr_list", "md_in_html", "pymdownx.superfences"]


def link(target: str) -> str:
    return f"../{target}"


def html_of(text: str) -> ET.Element:
    """The Markdown as the site's extensions render it, parsed (it must be well-formed)."""
    return ET.fromstring(f"<root>{markdown.markdown(text, extensions=EXTENSIONS)}</root>")


def text_of(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


@pytest.fixture
def site(repo):
    return load_site(repo)


def test_at_a_glance_names_the_package_checked_and_the_engine_described(site):
    box = render.at_a_glance(site, site.tools["alpha"], link)
    assert box.startswith('!!! abstract "At a glance"\n')
    assert (
        "- **Checked with:** alpha\\-flow 1\\.2\\.3 (locked in `uv.lock` on 20 November 2026)\n"
        in box
    )
    assert "- **Checked here:** ran end to end" in box
    assert "- **Local development:** good: It runs in\\-process\\.\n" in box
    assert "**UI:**" not in box  # only the criteria listed under `glance`
    assert "[documentation](https://alpha.example/docs)" in box
    assert "(../comparison.md)" in box
    assert all(line.startswith("    ") for line in box.splitlines()[2:] if line)
    beta = render.at_a_glance(site, site.tools["beta"], link)
    assert beta.startswith('!!! warning "Draft: at a glance')
    assert "- **Describes:** Beta Engine v2\\.0 ([release](https://beta.example/v2))" in beta
    assert "- **Checked with:** @beta/lint 0\\.4\\.0 (locked in `package-lock.json`" in beta


def test_verified_lists_each_check_with_the_locked_version_and_date(site):
    block = render.verified(site, site.tools["alpha"])
    assert block.startswith('!!! success "Checked: ran end to end, with alpha-flow 1.2.3"')
    assert "against the release locked in `uv.lock` on 20 November 2026" in block
    assert "    - The pipeline runs end to end\\.\n" in block
    assert "    - The YAML is valid\\." in block


def test_comparison_table_has_a_column_per_tool_and_a_row_per_criterion(site):
    table = ET.fromstring(render.comparison_table(site, "comparison.md"))
    rows = table.findall(".//tr")
    assert [len(r) for r in rows] == [3, 3, 3]  # a header and two criteria, three columns each
    head = [text_of(th) for th in rows[0]]
    assert head == ["Criterion", "Alphaalpha-flow 1.2.3", "Beta draft@beta/lint 0.4.0"]
    links = [a.get("href") for a in table.iter("a")]
    assert "../tools/alpha/" in links and "#local" in links
    cell = table.find(".//td[@data-tool='alpha'][@data-criterion='local']")
    assert cell.get("data-value") == "good"
    assert (
        text_of(cell) == "\u25cf\u25cf good (2 of 2) lecture: Poor"
    )  # dots, value, the lecture's word


def test_the_matrices_stay_out_of_the_search_index_which_has_their_sections(site):
    """Search would read a matrix as one run-together line ("built inbuilt inworkaround..."):
    what each cell says is in a section of its own (a criterion's evidence, a concept's tab)."""
    comparison = ET.fromstring(render.comparison_table(site, "comparison.md"))
    concepts = ET.fromstring(render.concept_index(site, "concepts/index.md"))
    for block in (comparison, concepts):
        assert block.find("table").get("data-search-exclude")


def test_a_cell_that_holds_shows_no_lecture_badge(site):
    table = ET.fromstring(render.comparison_table(site, "comparison.md"))
    cell = table.find(".//td[@data-tool='beta'][@data-criterion='local']")
    assert text_of(cell) == "\u25cf\u25cb poor (1 of 2)"


def test_evidence_has_a_section_per_criterion_with_every_tool(site):
    text = render.evidence(site, link)
    assert text.count("\n### ") + text.startswith("### ") == 2
    assert "### Local development {#local}" in text
    assert "| [Alpha](../tools/alpha.md) | good | It runs in\\-process\\." in text
    assert (
        "*The lecture's table: Poor (poor on this scale); **changed:** It gained a local runner\\.*"
        in text
    )
    assert "Poor (poor on this scale); still holds*" in text
    assert "[`examples/alpha/pipeline.py`](../tools/alpha.md#the-example-pipeline)" in text
    assert "| [Beta](../tools/beta.md) (draft) |" in text


def test_chooser_is_rendered_with_the_page_and_carries_the_accepted_values(site):
    form = ET.fromstring(render.chooser(site.data))
    assert form.get("hidden") is None  # visible from the start: nothing moves when the script runs
    box = form.find(".//input[@name='laptop']")
    assert json.loads(box.get("data-accepts")) == ["good"]
    assert box.get("data-criterion") == "local"
    assert form.find(".//*[@role='status']") is not None


def test_tools_overview_links_every_tool(site):
    overview = render.tools_overview(site, link)
    assert (
        "| [Alpha](../tools/alpha.md) | The first tool\\. | ran end to end | alpha\\-flow 1\\.2\\.3 |"
        in overview
    )
    assert "[Beta](../tools/beta.md) *(draft)*" in overview


def test_rating_citation_names_its_tool(site):
    cited = render.rating_citation(site.data, "alpha", "ui", link)
    assert cited == "[Alpha \u2014 UI: **rich**](../comparison.md#ui)"


def test_lecture_table_quotes_the_table_and_compares_each_cell(site):
    table = render.lecture_table(site, link)
    assert "| Feature | Alpha | Beta |\n|---|---|---|\n| Local Dev | Poor | Poor |" in table
    assert (
        "| [Local development](#local) | Poor = poor | Poor \u2192 good (**changed**) | Poor \u2192 poor (holds) |"
        in table
    )


def test_lecture_code_shows_as_written_output_today_and_an_explained_diff(site):
    block = render.lecture_code(site, site.tools["alpha"], link)
    assert '--8<-- "examples/alpha/lecture.py"' in block
    assert '--8<-- "examples/alpha/lecture.output.txt"' in block
    assert '--8<-- "examples/alpha/lecture_today.py"' in block
    assert '-print("alpha")\n    +print("alpha", "today")' in block
    assert "- `print(`: It prints\\. ([source](https://alpha.example/notes))" in block


def test_lecture_verdicts_quote_and_judge_every_point(site):
    block = render.lecture_verdicts(site.tools["alpha"], link)
    tree = html_of(block)
    items = [text_of(li) for li in tree.iter("li")]
    assert items[0] == "\u201cThe friendliest tool.\u201d holds: Checked. (source)"
    assert "\u201cYoung\u201d changed: Checked. (source)" in items
    assert len(items) == 5
    assert render.lecture_verdicts(site.tools["beta"], link) == ""


def test_page_url_and_relative_urls_follow_directory_urls():
    url = render.url_from("comparison.md")
    assert url("tools/airflow.md") == "../tools/airflow/"
    assert url("index.md") == "../"
    assert url("comparison.md#ui") == "./#ui"
    assert url("#ui") == "#ui"
    assert render.url_from("index.md")("tools/airflow.md#x") == "tools/airflow/#x"


# Escaping: arbitrary text comes back as the same text, and tables keep their shape

anything = st.text(
    alphabet=st.characters(blacklist_categories=["Cs", "Cc"], whitelist_characters="\n\t"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip())
awkward = st.one_of(
    anything,
    st.sampled_from(
        [
            "a | b",
            "<b>bold</b>",
            "x & y",
            "`code`",
            "*em*",
            "[l](u)",
            "# h",
            "1. item",
            "line\nbreak",
            "\\|",
            "---",
            "&amp;",
        ]
    ),
)


def plain(value: str) -> str:
    return " ".join(value.split())


@settings(max_examples=300, deadline=None)
@given(value=awkward)
def test_text_in_a_markdown_table_cell_is_that_text_and_one_cell(value):
    tree = html_of(f"| a | b |\n|---|---|\n| {render.text(value)} | end |\n")
    cells = tree.findall(".//tbody/tr/td")
    assert [text_of(c) for c in cells] == [plain(value), "end"]
    assert not list(cells[0]), f"markup inserted for {value!r}"


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(reason=awkward, tagline=awkward, name=awkward)
def test_data_text_renders_as_text_in_every_block(repo, valid_data, reason, tagline, name):
    valid_data["tools"][0]["ratings"]["ui"]["reason"] = plain(reason)
    valid_data["tools"][0]["tagline"] = plain(tagline)
    valid_data["tools"][0]["name"] = plain(name)
    write_data(repo, valid_data)
    site = load_site(repo)
    table = ET.fromstring(render.comparison_table(site, "comparison.md"))
    assert [len(r) for r in table.findall(".//tr")] == [3, 3, 3]
    assert table.find(".//td[@data-criterion='ui']/a").get("title") == plain(reason)
    assert text_of(table.find(".//th[@data-tool='alpha']/a")) == plain(name)
    overview = html_of(render.tools_overview(site, link)).findall(".//tbody/tr")
    assert [len(row) for row in overview] == [4, 4]
    assert [text_of(c) for c in overview[0][:2]] == [plain(name), plain(tagline)]
    evidence = html_of(render.evidence(site, link))
    ui_rows = [row for row in evidence.iter("tr") if row.find("td") is not None]
    assert all(len(row) == 4 for row in ui_rows)
    assert plain(reason) in [text_of(row[2]) for row in ui_rows]
    glance = text_of(html_of(render.at_a_glance(site, site.tools["alpha"], link)))
    assert plain(tagline) in glance


def test_rendered_markdown_for_every_block_is_well_formed(site):
    for block in (
        render.at_a_glance(site, site.tools["alpha"], link),
        render.verified(site, site.tools["alpha"]),
        render.evidence(site, link),
        render.tools_overview(site, link),
        render.lecture_table(site, link),
        render.lecture_verdicts(site.tools["alpha"], link),
        render.lecture_scenario(site, "beginners", link),
        render.lecture_recommendation(site, link),
        render.lecture_record(site, link),
    ):
        assert text_of(html_of(block))
        assert not re.search(r"(?<!\\)[|]{2}", block)
