"""Renderers: the site's facts in, Markdown or HTML out. Pure functions, each unit-tested alone.

Text from the data files is inserted as text, never as markup: Markdown output goes through
[`text`][fieldguide.render.text], HTML through Jinja2 templates with auto-escaping. Markdown links
point at source files (`comparison.md#learning-curve`) through a `Link` function that makes them
relative to the current page, so the builder resolves and validates each one. HTML links point at
the built pages' URLs, and the site's link check validates those.
"""

from __future__ import annotations

import difflib
import functools
import html
import posixpath
import re
from collections.abc import Callable
from pathlib import Path

import jinja2
from pymdownx.slugs import slugify

from .concepts import Concept, cell_files, is_stub
from .facts import Site, ToolFacts
from .lecture import Quote
from .model import Comparison, Criterion, Tool

Link = Callable[[str], str]
"""Turns a docs-relative source path, with an optional #anchor, into a Markdown link target
relative to the current page."""

_MARKDOWN_ESCAPES = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


def text(value: str) -> str:
    """`value` as literal Markdown text: markup escaped, whitespace (newlines too) made one space."""
    escaped = html.escape(" ".join(value.split()), quote=False)
    return _MARKDOWN_ESCAPES.sub(r"\\\1", escaped)


def indent(block: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line if line else "" for line in block.splitlines()) + "\n"


@functools.cache
def _templates() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def template(name: str, **context) -> str:
    """An HTML block from `templates/<name>`, on lines of its own so Markdown leaves it alone."""
    rendered = _templates().get_template(name).render(**context).strip()
    return "\n" + re.sub(r"\n\s*\n", "\n", rendered) + "\n\n"


def page_url(src: str) -> str:
    """The directory URL of a page's source path: `tools/airflow.md` -> `tools/airflow/`."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def url_from(page: str) -> Link:
    """For HTML: the built URL of a source path (with an optional #anchor), relative to `page`'s."""
    here = page_url(page) or "."

    def url(target: str) -> str:
        path, _, fragment = target.partition("#")
        anchor = f"#{fragment}" if fragment else ""
        if not path:
            return anchor
        relative = posixpath.relpath(page_url(path) or ".", here)
        return ("./" if relative == "." else relative + "/") + anchor

    return url


def dots(criterion: Criterion, value: str) -> str:
    """The value's place on its scale as filled and empty dots: decoration beside the word."""
    position = criterion.position(value)
    if position is None:
        return ""
    return "\u25cf" * position + "\u25cb" * (len(criterion.scale) - position)


# Tool pages


def at_a_glance(site: Site, facts: ToolFacts, link: Link) -> str:
    """The box at the top of a tool page: what it is checked with, headline ratings, links."""
    tool, version = facts.tool, facts.version
    kind = "warning" if tool.draft else "abstract"
    title = "Draft: at a glance (not yet reviewed)" if tool.draft else "At a glance"
    rows = []
    if tool.targets:
        rows.append(
            (
                "Describes",
                f"{text(tool.targets.name)} {text(tool.targets.version)} ([release]({tool.targets.source}))",
            )
        )
    checked = text(facts.checked_with()) + (
        f" (locked in `{version.lock}`" + (f" on {_date(site)}" if site.locked_on else "") + ")"
        if version
        else ""
    )
    rows.append(("Checked with", checked))
    rows.append(("Checked here", f"{facts.verification.level} ([how](#the-example-pipeline))"))
    for criterion in map(site.data.criterion, site.data.glance):
        rating = tool.ratings[criterion.id]
        rows.append((text(criterion.name), f"{text(rating.value)}: {text(rating.reason)}"))
    rows.append(("Licence", text(tool.licence)))
    rows.append(("First released", str(tool.first_release or "not yet known (draft)")))
    rows.append(
        (
            "Links",
            f"[documentation]({tool.links.docs}) · [source]({tool.links.source})"
            if tool.links
            else "none yet (draft)",
        )
    )
    body = [
        f"**{text(tool.tagline)}**",
        "",
        *(f"- **{label}:** {value}" for label, value in rows),
        "",
        f"[All ratings of {text(tool.name)} in the comparison]({link('comparison.md')})",
    ]
    return f'!!! {kind} "{title}"\n\n' + indent("\n".join(body))


def _date(site: Site) -> str:
    return f"{site.locked_on.day} {site.locked_on:%B %Y}" if site.locked_on else "an unknown date"


def verified(site: Site, facts: ToolFacts) -> str:
    """What the tests ran, with which release: printed under a tool's example pipeline."""
    version, verification, slug = facts.version, facts.verification, facts.tool.slug
    lines = [
        f'!!! success "Checked: {verification.level}, with {facts.checked_with()}"',
        "",
        f"    `nox -s examples-{slug}` runs every snippet on this page"
        + (f" against the release locked in `{version.lock}` on {_date(site)}" if version else "")
        + f", offline. Its tests (`{verification.test_file}`) check that:",
        "",
        *(f"    - {text(check.statement)}" for check in verification.checks),
    ]
    return "\n".join(lines) + "\n"


def quote_row(quote: Quote, link: Link) -> str:
    """One quoted point and today's verdict, as a list item."""
    return f"- \u201c{text(quote.said)}\u201d **{quote.verdict}**: {text(quote.why)} {evidence_links(quote.evidence, link)}"


def lecture_verdicts(facts: ToolFacts, link: Link) -> str:
    """The lecture's intro, pros, cons and best-for on a tool, quoted, each with today's verdict."""
    about = facts.lecture
    if about is None:
        return ""
    out = [
        f'!!! quote "What the lecture said about {text(facts.tool.name)}, and what holds today"',
        "",
        f"    The lecture's words are quoted exactly (from [its record]({link('lecture.md')})); the verdict and its reason are this guide's.",
        "",
    ]
    for heading, quotes in (
        ("Introduced as", about.intro),
        ("Pros", about.pros),
        ("Cons", about.cons),
        ("Best for", [about.best_for]),
    ):
        out += [f"    **{heading}**", ""]
        out += [indent(quote_row(q, link)).rstrip("\n") for q in quotes]
        out.append("")
    return "\n".join(out)


def lecture_code(site: Site, facts: ToolFacts, link: Link) -> str:
    """The lecture's code as written, what it does today, and the smallest version that runs."""
    about = facts.lecture
    if about is None or about.code is None:
        return ""
    code = about.code
    output = code.example.removesuffix(".py") + ".output.txt"
    tabs = [
        ("As written", f'```python title="{code.example}"\n--8<-- "{code.example}"\n```'),
        (
            "What it does today",
            f"Run as written by `nox -s examples-{facts.tool.slug}`, which recorded this"
            f" ({text(facts.checked_with())}):\n\n"
            f'```console title="{output}"\n--8<-- "{output}"\n```',
        ),
    ]
    if code.today is None:
        out = _tabs(tabs)
        out.append("It runs as written on today's release: nothing had to change.")
        return "\n".join(out) + "\n"
    tabs += [
        ("Today's version", f'```python title="{code.today}"\n--8<-- "{code.today}"\n```'),
        ("The changes", f"```diff\n{code_diff(site.root, code.example, code.today)}```"),
    ]
    out = _tabs(tabs)
    out += ["Each change, and why it was needed:", ""]
    out += [
        f"- `{change.now}`: {text(change.why)} ([source]({change.source}))"
        for change in code.changes
    ]
    return "\n".join(out) + "\n"


def code_diff(root: Path, before: str, after: str) -> str:
    """A unified diff of two files, blind to trailing whitespace, as `diff -b` would show it."""
    lines = [(root / f).read_text(encoding="utf-8").splitlines() for f in (before, after)]
    stripped = [[line.rstrip() + "\n" for line in side] for side in lines]
    return "".join(difflib.unified_diff(*stripped, fromfile=before, tofile=after))


def _tabs(tabs: list[tuple[str, str]]) -> list[str]:
    out = []
    for title, body in tabs:
        out += [f'=== "{title}"', "", indent(body).rstrip("\n"), ""]
    return out


# The comparison page


def evidence_links(evidence: list[str], link: Link) -> str:
    """Each piece of evidence as a link: a source, a file of this repository, or a page here."""
    links = []
    for item in evidence:
        if item.startswith("https://"):
            links.append(f"[source]({item})")
        elif item.startswith("docs/"):
            links.append(
                f"[measured]({link(item.removeprefix('docs/'))})"
                if "measured" in item
                else f"[shown here]({link(item.removeprefix('docs/'))})"
            )
        else:
            links.append(f"[`{item}`]({link(_page_showing(item))})")
    return "(" + ", ".join(links) + ")"


def _page_showing(path: str) -> str:
    """The page that shows a repository file: its tool's page, or the contributing page."""
    parts = path.split("/")
    if parts[0] == "examples":
        return f"tools/{parts[1]}.md#the-example-pipeline"
    if path.startswith("tests/examples/test_"):
        return (
            f"tools/{parts[-1].removeprefix('test_').removesuffix('.py')}.md#the-example-pipeline"
        )
    return "contributing.md"


def comparison_table(site: Site, page: str) -> str:
    """Criteria as rows, tools as columns; each cell shows its value on its scale and links to
    its reason and evidence below."""
    lecture = site.lecture.cells()
    columns = [
        {
            "tool": tool,
            "url": url_from(page)(f"tools/{tool.slug}.md"),
            "checked": site.tools[tool.slug].checked_with(),
        }
        for tool in site.data.tools
    ]
    rows = []
    for criterion in site.data.criteria:
        cells = []
        for tool in site.data.tools:
            rating = tool.ratings[criterion.id]
            said = lecture.get((tool.slug, criterion.id))
            cells.append(
                {
                    "tool": tool,
                    "rating": rating,
                    "dots": dots(criterion, rating.value),
                    "position": criterion.position(rating.value),
                    "lecture": said[0] if said else None,
                    "changed": bool(said and said[1] != rating.value),
                }
            )
        rows.append({"criterion": criterion, "cells": cells})
    return template("comparison.html", columns=columns, rows=rows, data=site.data)


def chooser(data: Comparison) -> str:
    """The reader's check boxes, rendered with the page so nothing moves when the script runs."""
    return template("chooser.html", questions=data.chooser, data=data)


def evidence(site: Site, link: Link) -> str:
    """One section per criterion: every tool's value, reason and evidence, and the lecture's word."""
    lecture = site.lecture.cells()
    out = []
    for criterion in site.data.criteria:
        out += [
            f"### {text(criterion.name)} {{#{criterion.id}}}",
            "",
            f"*{text(criterion.question)}* Scale, lowest first: {', '.join(map(text, criterion.scale))}.",
            "",
            "| Tool | Value | Reason | Evidence |",
            "|---|---|---|---|",
        ]
        for tool in site.data.tools:
            rating = tool.ratings[criterion.id]
            reason = text(rating.reason)
            said = lecture.get((tool.slug, criterion.id))
            if said:
                word, mapped = said
                verdict = (
                    f"**changed:** {text(rating.changed_because)}"
                    if rating.changed_because
                    else "still holds"
                )
                reason += f" *The lecture's table: {text(word)} ({text(mapped)} on this scale); {verdict}*"
            draft = " (draft)" if tool.draft else ""
            out.append(
                f"| [{text(tool.name)}]({link(f'tools/{tool.slug}.md')}){draft} "
                f"| {text(rating.value)} | {reason} | {evidence_links(rating.evidence, link)} |"
            )
        out.append("")
    return "\n".join(out)


def lecture_table(site: Site, link: Link) -> str:
    """The lecture's table exactly as it was, then each row's words mapped and compared."""
    table = site.lecture.table
    columns = list(table.columns)
    out = [
        "| Feature | " + " | ".join(map(text, columns)) + " |",
        "|---" * (len(columns) + 1) + "|",
    ]
    out += [
        "| " + " | ".join([text(row.feature), *(text(row.cells[c]) for c in columns)]) + " |"
        for row in table.rows
    ]
    out += [
        "",
        "How its words map onto this guide's scales, and today's ratings of the same cells:",
        "",
    ]
    out += [
        "| The lecture's row | Its words, on the guide's scale | "
        + " | ".join(text(site.data.tool(table.columns[c]).name) for c in columns)
        + " |"
    ]
    out += ["|---" * (len(columns) + 2) + "|"]
    for row in table.rows:
        criterion = site.data.criterion(row.criterion)
        means = ", ".join(f"{text(word)} = {text(value)}" for word, value in row.means.items())
        cells = []
        for column in columns:
            tool = site.data.tool(table.columns[column])
            rating = tool.ratings[row.criterion]
            mapped = row.means[row.cells[column]]
            state = "holds" if mapped == rating.value else "**changed**"
            cells.append(f"{text(row.cells[column])} \u2192 {text(rating.value)} ({state})")
        out.append(
            f"| [{text(criterion.name)}](#{criterion.id}) | {means} | " + " | ".join(cells) + " |"
        )
    others = [t for t in site.data.tools if t.slug not in table.columns.values()]
    if others:
        out += [
            "",
            f"The lecture's table had no column for {_names(others)}: their ratings are this guide's alone.",
        ]
    return "\n".join(out) + "\n"


def _names(tools: list[Tool]) -> str:
    names = [text(t.name) for t in tools]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


# The home and choose pages


def tools_overview(site: Site, link: Link) -> str:
    """The home page's tools at a glance, the baseline last."""
    lines = ["| Tool | What it is | Checked here | Checked with |", "|---|---|---|---|"]
    for tool in sorted(site.data.tools, key=lambda t: t.baseline):
        facts = site.tools[tool.slug]
        note = " *(draft)*" if tool.draft else " *(baseline)*" if tool.baseline else ""
        lines.append(
            f"| [{text(tool.name)}]({link(f'tools/{tool.slug}.md')}){note} | {text(tool.tagline)} "
            f"| {facts.verification.level} | {text(facts.checked_with())} |"
        )
    return "\n".join(lines) + "\n"


def rating_citation(data: Comparison, slug: str, criterion_id: str, link: Link) -> str:
    """One cell cited inline, naming its tool, linked to its reason and evidence."""
    criterion, tool = data.criterion(criterion_id), data.tool(slug)
    value = text(tool.ratings[criterion_id].value)
    target = link(f"comparison.md#{criterion.id}")
    return f"[{text(tool.name)} \u2014 {text(criterion.name)}: **{value}**]({target})"


def lecture_scenario(site: Site, scenario_id: str, link: Link) -> str:
    """One of the lecture's "how to choose" situations: every bullet quoted, with today's verdict."""
    scenario = site.lecture.scenario(scenario_id)
    lines = [
        f'!!! quote "The lecture: \u201c{text(scenario.heading)}\u201d"',
        "",
        *(indent(quote_row(q, link)).rstrip("\n") for q in scenario.advice),
    ]
    return "\n".join(lines) + "\n"


def lecture_recommendation(site: Site, link: Link) -> str:
    """The lecture's personal recommendation, sentence by sentence, with today's verdict."""
    lines = [
        '!!! quote "The lecture\'s personal recommendation"',
        "",
        *(indent(quote_row(q, link)).rstrip("\n") for q in site.lecture.recommendation),
    ]
    return "\n".join(lines) + "\n"


def lecture_record(site: Site, link: Link) -> str:
    """The whole lecture, point by point in its own order, each with today's verdict."""
    lecture = site.lecture
    out = []
    for about in lecture.tools:
        tool = site.data.tool(about.tool)
        page = f"tools/{tool.slug}.md"
        out += [f"## {text(tool.name)} {{#{tool.slug}}}", ""]
        for heading, quotes in (
            ("Introduced as", about.intro),
            ("Pros", about.pros),
            ("Cons", about.cons),
            ("Best for", [about.best_for]),
        ):
            out += [f"**{heading}**", "", *(quote_row(q, link) for q in quotes), ""]
        if about.code:
            out += [
                f"**Code.** Its example, run as written and beside today's version, is on the "
                f"[{text(tool.name)} page]({link(page + '#the-lectures-code-then-and-now')}).",
                "",
            ]
    out += ["## How to choose {#how-to-choose}", ""]
    for scenario in lecture.choose:
        out += [f"**\u201c{text(scenario.heading)}\u201d**", ""]
        out += [*(quote_row(q, link) for q in scenario.advice), ""]
    out += [
        "## The comparison table {#the-comparison-table}",
        "",
        f"Quoted, mapped and compared on the [comparison page]({link('comparison.md#the-lectures-table')}).",
        "",
        "## The personal recommendation {#the-personal-recommendation}",
        "",
        *(quote_row(q, link) for q in lecture.recommendation),
    ]
    return "\n".join(out) + "\n"


# The concept pages


def tab_id(title: str) -> str:
    """The id pymdownx.tabbed gives a tab, with the slugify mkdocs.yml configures for it."""
    return _tab_slugify(title, "-")


_tab_slugify = slugify(case="lower")


def _checked_cell(facts: ToolFacts, path: Path) -> str:
    """One line under a cell: which session checked it, against what, and how far."""
    session = f"`nox -s examples-{facts.tool.slug}`"
    if path.suffix == ".yaml":
        how = f"Linted by {session} with {text(facts.checked_with())}"
    else:
        how = f"Run as a script by {session} against {text(facts.checked_with())}, its output checked"  # fmt: skip
    if facts.verification.level == "validated and step logic run":
        how += "; the engine needs a Kubernetes cluster and was not run"
    return how + "."


def concept_tabs(site: Site, concept: Concept) -> str:
    """A tab per tool, linked across pages: the tool's cell for this concept, or why it has none."""
    out = [
        f"Every tab below was checked against the releases locked on {_date(site)} (`uv.lock`).",
        "",
    ]
    for facts in site.ordered():
        tool = facts.tool
        files = cell_files(site.root, tool.slug, concept)
        body = []
        gap = site.concepts.gap(tool.slug, concept.id)
        if gap:
            body += [f"**Not built in.** {text(gap.says)} ([documentation]({gap.link}))", ""]  # fmt: skip
        if not files or any(is_stub(f) for f in files):
            body += [f"*Not written yet: {text(tool.name)} is a draft.*"]
        for path in files:
            rel = path.relative_to(site.root).as_posix()
            language = "yaml" if path.suffix == ".yaml" else "python"
            body += [f'```{language} title="{rel}"', f'--8<-- "{rel}"', "```", "", _checked_cell(facts, path), ""]  # fmt: skip
        out += [f'=== "{tool.name}"', "", indent("\n".join(body)).rstrip("\n"), ""]
    return "\n".join(out) + "\n"


def concept_links(site: Site, facts: ToolFacts, page: str) -> str:
    """On a tool page: its tab on every concept page, one link each."""
    url, anchor = url_from(page), tab_id(facts.tool.name)
    links = [{"title": c.title, "url": url(f"concepts/{c.id}.md#{anchor}")} for c in site.concepts.concepts]  # fmt: skip
    return template("concept_links.html", tool=facts.tool, links=links)


def concept_index(site: Site, page: str) -> str:
    """Every concept against every tool: a built-in feature, a workaround, or not written yet."""
    url, tools = url_from(page), site.ordered()
    rows = []
    for concept in site.concepts.concepts:
        cells = []
        for facts in tools:
            files = cell_files(site.root, facts.tool.slug, concept)
            if not files or any(is_stub(f) for f in files):
                cells.append({"state": "not yet (draft)", "url": None})
                continue
            state = "workaround" if site.concepts.gap(facts.tool.slug, concept.id) else "built in"
            cells.append({"state": state, "url": url(f"concepts/{concept.id}.md#{tab_id(facts.tool.name)}")})  # fmt: skip
        rows.append({"concept": concept, "url": url(f"concepts/{concept.id}.md"), "cells": cells})
    return template("concept_index.html", tools=[f.tool for f in tools], rows=rows)
