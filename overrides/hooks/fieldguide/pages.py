"""Which generated block goes on which page: page-guarded, loud about anything unexpected.

A page asks for generated content with a marker such as `<!-- guide:at-a-glance -->`. Each marker
works only on its own pages; an unknown or misplaced marker, a required one that is missing, or
a tool page without data stops the build with the page, the line and what to do.

- `guide:at-a-glance` and `guide:verified`: required on every tool page (`tools/<slug>.md`): the
  summary box under the title, and what the tests ran with which release, under the example.
- `guide:comparison-table`, `guide:chooser` and `guide:evidence`: required on `comparison.md`.
- `guide:tools-overview`: required on `index.md`.
- `guide:rating <tool> <criterion>`: anywhere; cites one cell of the comparison inline, linked to
  its reason and evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import render
from .model import Comparison
from .render import Link, ToolFacts

MARKER = re.compile(r"<!--\s*guide:([a-z-]+)([^>]*?)\s*-->")
TOOL_PAGE = re.compile(r"^tools/([a-z0-9-]+)\.md$")
DATA_FILE = "docs/data/comparison.yaml"


class MarkerError(Exception):
    """A page's markers do not match what the page must show."""


@dataclass(frozen=True)
class PageContext:
    """One page being rendered, and what the renderers may use."""

    src: str
    """The page's path under docs/, e.g. `tools/airflow.md`."""
    data: Comparison
    facts: dict[str, ToolFacts]
    link: Link
    url: Link

    @property
    def tool(self) -> str | None:
        match = TOOL_PAGE.match(self.src)
        return match.group(1) if match else None


Renderer = Callable[[PageContext, list[str]], str]


@dataclass(frozen=True)
class Block:
    render: Renderer
    pages: str
    """Where the marker may stand, as a reader of an error message would say it."""
    allowed: Callable[[PageContext], bool]
    arguments: tuple[str, ...] = ()


def _on_tool_page(ctx: PageContext) -> bool:
    return ctx.tool is not None


def _rating(ctx: PageContext, args: list[str]) -> str:
    slug, criterion = args
    if slug not in ctx.facts:
        raise MarkerError(f"unknown tool '{slug}' (tools: {', '.join(ctx.facts)})")
    if criterion not in {c.id for c in ctx.data.criteria}:
        raise MarkerError(
            f"unknown criterion '{criterion}' (criteria: {', '.join(c.id for c in ctx.data.criteria)})"
        )
    return render.rating_citation(ctx.data, slug, criterion, ctx.link)


BLOCKS: dict[str, Block] = {
    "at-a-glance": Block(
        lambda c, _: render.at_a_glance(c.data, c.facts[c.tool], c.link),
        "tool pages",
        _on_tool_page,
    ),
    "verified": Block(lambda c, _: render.verified(c.facts[c.tool]), "tool pages", _on_tool_page),
    "comparison-table": Block(
        lambda c, _: render.comparison_table(c.data, c.facts, c.url),
        "comparison.md",
        lambda c: c.src == "comparison.md",
    ),
    "chooser": Block(
        lambda c, _: render.chooser(c.data), "comparison.md", lambda c: c.src == "comparison.md"
    ),
    "evidence": Block(
        lambda c, _: render.evidence(c.data, c.link),
        "comparison.md",
        lambda c: c.src == "comparison.md",
    ),
    "tools-overview": Block(
        lambda c, _: render.tools_overview(c.data, c.facts, c.link),
        "index.md",
        lambda c: c.src == "index.md",
    ),
    "rating": Block(_rating, "any page", lambda c: True, ("tool", "criterion")),
}


def required_blocks(ctx: PageContext) -> set[str]:
    if ctx.tool:
        return {"at-a-glance", "verified"}
    return {
        "comparison.md": {"comparison-table", "chooser", "evidence"},
        "index.md": {"tools-overview"},
    }.get(ctx.src, set())


def render_page(markdown: str, ctx: PageContext) -> str:
    """Replace every marker on the page with its generated block."""
    where = f"docs/{ctx.src}"
    if ctx.tool and ctx.tool not in ctx.facts:
        raise MarkerError(
            f"{where} has no entry in {DATA_FILE}: add tool '{ctx.tool}' there (nox -s new-tool scaffolds both)"
        )
    found: set[str] = set()

    def replace(match: re.Match[str]) -> str:
        name, args = match.group(1), match.group(2).split()
        line = markdown.count("\n", 0, match.start()) + 1
        block = BLOCKS.get(name)
        if block is None:
            raise MarkerError(
                f"{where}:{line}: unknown marker 'guide:{name}' (known: {', '.join(BLOCKS)})"
            )
        if not block.allowed(ctx):
            raise MarkerError(f"{where}:{line}: 'guide:{name}' only works on {block.pages}")
        if len(args) != len(block.arguments):
            usage = " ".join(f"<{a}>" for a in block.arguments)
            raise MarkerError(
                f"{where}:{line}: write it as <!-- guide:{name}{' ' + usage if usage else ''} -->"
            )
        found.add(name)
        try:
            return block.render(ctx, args)
        except MarkerError as exc:
            raise MarkerError(f"{where}:{line}: {exc}") from None

    rendered = MARKER.sub(replace, markdown)
    missing = required_blocks(ctx) - found
    if missing:
        names = ", ".join(f"<!-- guide:{m} -->" for m in sorted(missing))
        raise MarkerError(f"{where} must contain {names}: the generated content has nowhere to go")
    if MARKER.search(rendered):
        raise MarkerError(f"{where}: a generated block still contains a guide marker")
    return rendered
