"""Renderers: comparison data in, Markdown out. Pure functions, so each is unit-tested alone.

Markdown output links to source files (`tools/airflow.md`, `comparison.md#ui`) through a `link`
function the caller passes in, so MkDocs resolves and validates every one. The comparison table is
HTML (its cells carry data attributes for the chooser), so it takes a `url` function that returns
the built page's relative URL instead.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import dataclass

from .model import Comparison, Criterion, Rating, Tool
from .sources import LockedVersion, Verification

Link = Callable[[str], str]
"""Turns a docs-relative source path (with an optional #anchor) into one relative to the current
page: a Markdown link target, or for HTML, the target page's URL."""


@dataclass(frozen=True)
class ToolFacts:
    """What a tool's renderers need besides the data file: its locked version and its tests."""

    tool: Tool
    version: LockedVersion | None
    """None for a draft whose package is not chosen yet."""
    verification: Verification

    def tested_with(self, *, markdown: bool = True) -> str:
        if self.version is None:
            return "no package chosen yet (draft)"
        package = f"`{self.version.package}`" if markdown else self.version.package
        return f"{package} {self.version.version}"


def anchor(text: str) -> str:
    """The id MkDocs' toc extension gives a heading (ASCII headings only, which ours are)."""
    return "-".join(
        "".join(ch if ch.isalnum() or ch in " -_" else "" for ch in text.lower()).split()
    )


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _evidence_link(rating: Rating, link: Link) -> str:
    evidence = rating.evidence
    if evidence.startswith("https://"):
        return f"[source]({evidence})"
    slug = evidence.split("/")[1] if evidence.startswith("examples/") else None
    if evidence.startswith("tests/examples/test_"):
        slug = evidence.removeprefix("tests/examples/test_").removesuffix(".py")
    target = f"tools/{slug}.md#the-example-pipeline" if slug else "contributing.md"
    return f"[`{evidence}`]({link(target)})"


def at_a_glance(data: Comparison, facts: ToolFacts, link: Link) -> str:
    """The box at the top of a tool page: release, what was checked, headline ratings, links."""
    tool, version = facts.tool, facts.version
    kind = "warning" if tool.draft else "abstract"
    title = "Draft: at a glance (not yet reviewed)" if tool.draft else "At a glance"
    rows = [
        (
            "Tested with",
            facts.tested_with() + (f" (locked in `{version.lock}`)" if version else ""),
        ),
        ("Checked here", f"{facts.verification.level} ([how](#the-example-pipeline))"),
        *(
            (
                criterion.name,
                f"{tool.ratings[criterion.id].value}: {tool.ratings[criterion.id].reason}",
            )
            for criterion in map(data.criterion, data.glance)
        ),
        ("Licence", tool.licence),
        ("First released", str(tool.first_release or "not yet known (draft)")),
        (
            "Links",
            f"[documentation]({tool.links.docs}) · [source]({tool.links.source})"
            if tool.links
            else "none yet (draft)",
        ),
    ]
    body = [
        f"**{tool.tagline}**",
        "",
        *(f"- **{label}:** {value}" for label, value in rows),
        "",
        f"[All ratings in the comparison]({link('comparison.md')})",
    ]
    return (
        f'!!! {kind} "{title}"\n\n'
        + "\n".join(f"    {line}" if line else "" for line in body)
        + "\n"
    )


def verified(facts: ToolFacts) -> str:
    """What the tests ran, with which release: printed under a tool's example pipeline."""
    version, verification, slug = facts.version, facts.verification, facts.tool.slug
    lines = [
        f'!!! success "Checked: {verification.level}, with {facts.tested_with(markdown=False)}"',
        "",
        f"    `nox -s examples-{slug}` runs every snippet on this page"
        + (f" against the release locked in `{version.lock}`" if version else "")
        + f", offline. Its tests (`{verification.test_file}`) check that:",
        "",
        *(f"    - {check.statement}" for check in verification.checks),
    ]
    return "\n".join(lines) + "\n"


def comparison_table(data: Comparison, facts: dict[str, ToolFacts], url: Link) -> str:
    """Criteria as rows, tools as columns; each cell links to its reason and evidence below."""
    head = "".join(
        f'<th scope="col" data-tool="{t.slug}"><a href="{url(f"tools/{t.slug}.md")}">{html.escape(t.name)}</a>'
        + (' <span class="guide-draft">draft</span>' if t.draft else "")
        + f'<br><small>{html.escape(facts[t.slug].version.version if facts[t.slug].version else "draft")}</small></th>'
        for t in data.tools
    )  # fmt: skip
    rows = []
    for criterion in data.criteria:
        cells = "".join(
            _table_cell(criterion, tool, tool.ratings[criterion.id]) for tool in data.tools
        )
        mark = (
            ' <span class="guide-lecture" title="In the 2023 lecture\'s table">2023</span>'
            if criterion.from_lecture
            else ""
        )
        rows.append(
            f'<tr><th scope="row"><a href="#{anchor(criterion.name)}">'
            f"{html.escape(criterion.name)}</a>{mark}</th>{cells}</tr>"
        )
    return (
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table guide-comparison">\n'
        f'<table id="guide-comparison"><thead><tr><th scope="col">Criterion</th>{head}</tr></thead>\n'
        f"<tbody>\n" + "\n".join(rows) + "\n</tbody></table>\n</div></div>\n"
    )


def _table_cell(criterion: Criterion, tool: Tool, rating: Rating) -> str:
    title = rating.reason
    changed = ""
    if rating.changed:
        title += f" (2023: {rating.lecture.value}; changed: {rating.changed_because})"
        changed = ' <span class="guide-changed" aria-label="changed since 2023">changed</span>'
    href = "#" + anchor(criterion.name)  # the criterion's evidence section, on the same page
    return (
        f'<td data-tool="{tool.slug}" data-criterion="{criterion.id}" data-value="{_attr(rating.value)}"'
        f' title="{_attr(title)}"><a href="{href}">{html.escape(rating.value)}</a>{changed}</td>'
    )


def evidence(data: Comparison, link: Link) -> str:
    """One section per criterion: every tool's value, reason, evidence and change since 2023."""
    out = []
    for criterion in data.criteria:
        out += [
            f"### {criterion.name}",
            "",
            f"*{criterion.question}* Scale: {', '.join(criterion.scale)}.",
            "",
        ]
        out += ["| Tool | Value | Reason | Evidence |", "|---|---|---|---|"]
        for tool in data.tools:
            rating = tool.ratings[criterion.id]
            reason = rating.reason
            if rating.lecture:
                verdict = (
                    f"**changed:** {rating.changed_because}" if rating.changed else "still holds"
                )
                reason += f" <br>*2023 lecture: {rating.lecture.value} (\u201c{rating.lecture.said}\u201d); {verdict}*"
            draft = " (draft)" if tool.draft else ""
            out.append(
                f"| [{tool.name}]({link(f'tools/{tool.slug}.md')}){draft} | {rating.value} "
                f"| {reason} | {_evidence_link(rating, link)} |"
            )
        out.append("")
    return "\n".join(out)


def chooser(data: Comparison) -> str:
    """The reader's check boxes. Hidden until chooser.js runs: without JavaScript, the full table."""
    boxes = "\n".join(
        f'<label><input type="checkbox" name="{q.id}" data-criterion="{q.criterion}" '
        f"data-accepts='{_attr(json.dumps(q.accepts))}'> {html.escape(q.label)}</label>"
        for q in data.chooser
    )
    return (
        '<form class="guide-chooser" id="guide-chooser" hidden>\n'
        "<p><strong>What matters to you?</strong> Tick what applies; the tools that fit stay highlighted.</p>\n"
        f"{boxes}\n"
        '<p class="guide-chooser__result" role="status" aria-live="polite"></p>\n'
        "</form>\n"
    )


def tools_overview(data: Comparison, facts: dict[str, ToolFacts], link: Link) -> str:
    """The home page's six tools at a glance."""
    lines = ["| Tool | What it is | Checked here | Tested with |", "|---|---|---|---|"]
    for tool in data.tools:
        f = facts[tool.slug]
        draft = " *(draft)*" if tool.draft else ""
        lines.append(
            f"| [{tool.name}]({link(f'tools/{tool.slug}.md')}){draft} | {tool.tagline} "
            f"| {f.verification.level} | {f.tested_with()} |"
        )
    return "\n".join(lines) + "\n"


def rating_citation(data: Comparison, slug: str, criterion_id: str, link: Link) -> str:
    """An inline citation of one cell, for prose such as the "How to choose" guide."""
    criterion = data.criterion(criterion_id)
    rating = data.tool(slug).ratings[criterion_id]
    return (
        f"[{criterion.name}: **{rating.value}**]({link('comparison.md#' + anchor(criterion.name))})"
    )
