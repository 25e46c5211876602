"""Page markers: which generated block goes on which page, loud about anything unexpected.

A page asks for generated content with a marker such as `<!-- guide:at-a-glance -->` on a line of
its own or inline. Each marker works only on its own pages; an unknown or misplaced marker, a
wrong number of arguments, or a page missing a marker it must have stops the build with the page,
the line and what to do. A marker written inside backticks is text, so pages can document them.

- `guide:at-a-glance`, `guide:verified`: every tool page (`tools/<slug>.md`): the summary box
  under the title, and what the tests ran with which release, under the example.
- `guide:lecture-verdicts`: tool pages of the tools the lecture covers, where it is required:
  its intro, pros, cons and best-for, quoted, with today's verdicts.
- `guide:lecture-code`: tool pages of the tools whose code the lecture showed (required there):
  the code as written, what it does today, today's version and the diff.
- `guide:comparison-table`, `guide:chooser`, `guide:evidence`, `guide:lecture-table`:
  `comparison.md`, all required.
- `guide:tools-overview`: `index.md`, required.
- `guide:lecture-scenario <id>`, `guide:lecture-recommendation`: `choose.md`; every scenario of
  the lecture's record and its recommendation are required there.
- `guide:lecture-record`: `lecture.md`, required: the whole record, in the lecture's order.
- `guide:concept-links`: every tool page (required): its cell on each concept page.
- `guide:concept-tabs`: each concept page (`concepts/<id>.md`, required): a tab per tool.
- `guide:concept-index`: `concepts/index.md` (required): every concept against every tool.
- `guide:measured <figure>`: `measured.md`, one for each of setup, import, pipeline, scaling,
  footprint and checks (all required): the benchmark's figures, from docs/data/measured.json.
- `guide:measured-row`: every tool page (required): the tool's own figures in a sentence.
- `guide:site-costs`: `contributing.md` (required): what this site costs to build, load and test.
- `guide:rating <tool> <criterion>`: any page; cites one cell of the comparison inline, naming
  its tool, linked to its reason and evidence.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass

from . import measured, render
from .concepts import Concept
from .facts import Site, ToolFacts
from .layout import CONCEPT_PAGE, MARKER, TOOL_PAGE


class MarkerError(Exception):
    """A page's markers do not match what the page must show."""


@dataclass(frozen=True)
class Page:
    """The page being rendered, and what its blocks may use."""

    src: str
    """The page's path under docs/, e.g. `tools/airflow.md`."""
    site: Site

    @property
    def concept(self) -> Concept | None:
        match = CONCEPT_PAGE.match(self.src)
        concepts = self.site.concepts.concepts
        return next((c for c in concepts if match and c.id == match[1]), None)

    @property
    def tool(self) -> ToolFacts | None:
        match = TOOL_PAGE.match(self.src)
        return self.site.tools.get(match[1]) if match else None

    def link(self, target: str) -> str:
        """A Markdown link target for a docs source path, relative to this page."""
        path, _, fragment = target.partition("#")
        relative = posixpath.relpath(path, posixpath.dirname(self.src) or ".")
        return relative + (f"#{fragment}" if fragment else "")


@dataclass(frozen=True)
class Block:
    render: Callable[[Page, list[str]], str]
    where: str
    """Where the marker may stand, as a reader of an error message would say it."""
    allowed: Callable[[Page], bool]
    arguments: tuple[str, ...] = ()


def _on(src: str) -> Callable[[Page], bool]:
    return lambda page: page.src == src


def _tool_page(page: Page) -> bool:
    return page.tool is not None


def _lecture_tool_page(page: Page) -> bool:
    return page.tool is not None and page.tool.lecture is not None


def _lecture_code_page(page: Page) -> bool:
    return _lecture_tool_page(page) and page.tool.lecture.code is not None


def _rating(page: Page, args: list[str]) -> str:
    slug, criterion = args
    data = page.site.data
    if slug not in page.site.tools:
        raise MarkerError(f"unknown tool '{slug}' (tools: {', '.join(page.site.tools)})")
    if criterion not in {c.id for c in data.criteria}:
        raise MarkerError(
            f"unknown criterion '{criterion}' (criteria: {', '.join(c.id for c in data.criteria)})"
        )
    return render.rating_citation(data, slug, criterion, page.link)


def _scenario(page: Page, args: list[str]) -> str:
    (scenario,) = args
    if page.site.lecture.scenario(scenario) is None:
        raise MarkerError(
            f"unknown scenario '{scenario}' (scenarios: {', '.join(s.id for s in page.site.lecture.choose)})"
        )
    return render.lecture_scenario(page.site, scenario, page.link)


FIGURES = ("setup", "import", "pipeline", "scaling", "footprint", "checks")


def _measured(page: Page, args: list[str]) -> str:
    (figure,) = args
    results = page.site.measured
    if figure == "setup":
        return measured.setup_block(page.site, results)
    if figure == "scaling":
        return measured.scaling_block(page.site, results)
    if figure in FIGURES:
        return measured.figure_table(page.site, results, figure)
    raise MarkerError(f"unknown figure '{figure}' (figures: {', '.join(FIGURES)})")


BLOCKS: dict[str, Block] = {
    "at-a-glance": Block(
        lambda p, _: render.at_a_glance(p.site, p.tool, p.link), "tool pages", _tool_page
    ),
    "verified": Block(lambda p, _: render.verified(p.site, p.tool), "tool pages", _tool_page),
    "lecture-verdicts": Block(
        lambda p, _: render.lecture_verdicts(p.tool, p.link),
        "the pages of tools the lecture covers",
        _lecture_tool_page,
    ),
    "lecture-code": Block(
        lambda p, _: render.lecture_code(p.site, p.tool, p.link),
        "the pages of tools whose code the lecture showed",
        _lecture_code_page,
    ),
    "comparison-table": Block(
        lambda p, _: render.comparison_table(p.site, p.src), "comparison.md", _on("comparison.md")
    ),
    "chooser": Block(
        lambda p, _: render.chooser(p.site.data), "comparison.md", _on("comparison.md")
    ),
    "evidence": Block(
        lambda p, _: render.evidence(p.site, p.link), "comparison.md", _on("comparison.md")
    ),
    "lecture-table": Block(
        lambda p, _: render.lecture_table(p.site, p.link), "comparison.md", _on("comparison.md")
    ),
    "tools-overview": Block(
        lambda p, _: render.tools_overview(p.site, p.link), "index.md", _on("index.md")
    ),
    "lecture-scenario": Block(_scenario, "choose.md", _on("choose.md"), ("scenario",)),
    "lecture-recommendation": Block(
        lambda p, _: render.lecture_recommendation(p.site, p.link), "choose.md", _on("choose.md")
    ),
    "lecture-record": Block(
        lambda p, _: render.lecture_record(p.site, p.link), "lecture.md", _on("lecture.md")
    ),
    "concept-links": Block(
        lambda p, _: render.concept_links(p.site, p.tool, p.src), "tool pages", _tool_page
    ),
    "concept-tabs": Block(
        lambda p, _: render.concept_tabs(p.site, p.concept),
        "concept pages (concepts/<id>.md of docs/data/concepts.yaml)",
        lambda p: p.concept is not None,
    ),
    "concept-index": Block(
        lambda p, _: render.concept_index(p.site, p.src),
        "concepts/index.md",
        _on("concepts/index.md"),
    ),
    "measured": Block(_measured, "measured.md", _on("measured.md"), ("figure",)),
    "measured-row": Block(
        lambda p, _: measured.tool_row(p.site, p.site.measured, p.tool.tool.slug, p.link),
        "tool pages",
        _tool_page,
    ),
    "site-costs": Block(
        lambda p, _: measured.site_costs(p.site.measured, [t.tool for t in p.site.lecture.tools]),
        "contributing.md",
        _on("contributing.md"),
    ),
    "rating": Block(_rating, "any page", lambda p: True, ("tool", "criterion")),
}


def required(page: Page) -> set[str]:
    """The markers a page must contain, as they would be written."""
    if page.concept:
        return {"concept-tabs"}
    if page.tool:
        needed = {"at-a-glance", "verified", "concept-links", "measured-row"}
        if _lecture_tool_page(page):
            needed.add("lecture-verdicts")
        if _lecture_code_page(page):
            needed.add("lecture-code")
        return needed
    if page.src == "choose.md":
        return {"lecture-recommendation"} | {
            f"lecture-scenario {s.id}" for s in page.site.lecture.choose
        }
    return {
        "comparison.md": {"comparison-table", "chooser", "evidence", "lecture-table"},
        "index.md": {"tools-overview"},
        "lecture.md": {"lecture-record"},
        "concepts/index.md": {"concept-index"},
        "measured.md": {f"measured {figure}" for figure in FIGURES},
        "contributing.md": {"site-costs"},
    }.get(page.src, set())


def check_required(page: Page, source: str) -> None:
    """Raise if the page's source lacks a marker the page must have."""
    if TOOL_PAGE.match(page.src) and page.tool is None:
        slug = TOOL_PAGE.match(page.src)[1]
        raise MarkerError(
            f"docs/{page.src} has no tool '{slug}' in docs/data/comparison.yaml: add it there (nox -s new-tool scaffolds both)"
        )
    found = {" ".join([m[1], *m[2].split()]) for m in MARKER.finditer(source)}
    missing = sorted(required(page) - found)
    if missing:
        names = ", ".join(f"<!-- guide:{m} -->" for m in missing)
        raise MarkerError(
            f"docs/{page.src} must contain {names}: the generated content has nowhere to go"
        )


def render_markers(markdown: str, page: Page | None) -> str:
    """Replace every marker in `markdown` with its generated block."""
    where = f"docs/{page.src}" if page else "a Markdown fragment outside any page"

    def replace(match: re.Match[str]) -> str:
        name, args = match[1], match[2].split()
        line = markdown.count("\n", 0, match.start()) + 1
        block = BLOCKS.get(name)
        if block is None:
            raise MarkerError(
                f"{where}:{line}: unknown marker 'guide:{name}' (known: {', '.join(BLOCKS)})"
            )
        if page is None or not block.allowed(page):
            raise MarkerError(f"{where}:{line}: 'guide:{name}' only works on {block.where}")
        if len(args) != len(block.arguments):
            usage = "".join(f" <{a}>" for a in block.arguments)
            raise MarkerError(f"{where}:{line}: write it as <!-- guide:{name}{usage} -->")
        try:
            return block.render(page, args)
        except MarkerError as exc:
            raise MarkerError(f"{where}:{line}: {exc}") from None

    return MARKER.sub(replace, markdown)
