"""The lecture on record: what `docs/data/lecture.yaml` may contain.

The guide grew out of Lecture 9.3, "Overview of Common Orchestrators". Everything the site says
the lecture said is rendered from this record: each point quoted exactly, with today's verdict
beside it. [`load_lecture`][fieldguide.lecture.load_lecture] checks every quote against the
lecture's full text (kept byte for byte beside the record), every code block against the example
file that runs it, and every table word against the comparison's scales.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator

from .datafile import Problem, Source, validate
from .model import Evidence, OneLine, Slug, Strict, _one_or_more

LECTURE_FILE = "docs/data/lecture.yaml"
"""Where the lecture record lives, relative to the repository root."""

Verdict = Literal["holds", "changed", "needs qualifying"]
VERDICTS: tuple[str, ...] = Verdict.__args__


class Quote(Strict):
    """One thing the lecture said, in its own words, and what the guide finds today."""

    said: Annotated[str, Field(min_length=1)]
    """The lecture's words, exactly as in its text (checked)."""
    verdict: Verdict
    why: OneLine
    """Today's finding, in one line."""
    evidence: Annotated[list[Evidence], BeforeValidator(_one_or_more), Field(min_length=1)]


class Change(Strict):
    """One difference between the lecture's code and the smallest version that runs today."""

    now: OneLine
    """Text that appears on an added line of the diff (checked), so the reason sits by its change."""
    why: OneLine
    source: Annotated[str, Field(pattern=r"^https://\S+$")]
    """The release note or documentation that made the change necessary."""


class Code(Strict):
    """A code block of the lecture, the file that runs it as written, and today's version."""

    block: Annotated[str, Field(min_length=1)]
    """The block's text, byte for byte (checked against the lecture's text and the example)."""
    example: Annotated[str, Field(pattern=r"^examples/[a-z0-9-]+/lecture\.py$")]
    today: Annotated[str, Field(pattern=r"^examples/[a-z0-9-]+/lecture_today\.py$")] | None = None
    """The smallest version that runs green today; None where the block runs as written."""
    changes: list[Change] = Field(default_factory=list)
    """Why each change in `today` was needed; required with `today`, and only then."""

    @model_validator(mode="after")
    def _changes_explain_today(self) -> Code:
        if self.today and not self.changes:
            raise ValueError("'today' needs 'changes': say why each change was needed")
        if self.changes and not self.today:
            raise ValueError("'changes' needs 'today': the file that makes them")
        return self


class LectureTool(Strict):
    """What the lecture said about one tool."""

    tool: Slug
    """The tool's slug in the comparison data."""
    intro: list[Quote] = Field(min_length=1)
    """The sentences that introduce the tool."""
    pros: list[Quote] = Field(min_length=1)
    cons: list[Quote] = Field(min_length=1)
    best_for: Quote
    code: Code | None = None


class Scenario(Strict):
    """One situation of the lecture's "how to choose", with all its advice."""

    id: Slug
    """Names the scenario's marker on the choose page: `<!-- guide:lecture-scenario <id> -->`."""
    heading: OneLine
    advice: list[Quote] = Field(min_length=1)


class TableRow(Strict):
    """One row of the lecture's comparison table, and how its words map onto the guide's scale."""

    feature: OneLine
    """The row's label, as the lecture wrote it."""
    criterion: Slug
    means: dict[str, OneLine] = Field(min_length=1)
    """Each word the row uses, and the value on the criterion's scale that it stands for."""
    cells: dict[str, OneLine] = Field(min_length=1)
    """The lecture's word for each of its columns."""


class Table(Strict):
    """The lecture's comparison table, word for word."""

    columns: dict[str, Slug] = Field(min_length=1)
    """Each column heading of the lecture's table, and the tool it stands for."""
    rows: list[TableRow] = Field(min_length=1)


class Lecture(Strict):
    """The whole record."""

    title: OneLine
    """The lecture's title, with its en dash (the text file has it mis-encoded as `â€“`)."""
    text: Annotated[str, Field(pattern=r"^docs/data/[\w.-]+\.txt$")]
    """The lecture's full text, byte for byte, which every quote is checked against."""
    tools: list[LectureTool] = Field(min_length=1)
    choose: list[Scenario] = Field(min_length=1)
    table: Table
    recommendation: list[Quote] = Field(min_length=1)

    def about(self, slug: str) -> LectureTool | None:
        return next((t for t in self.tools if t.tool == slug), None)

    def scenario(self, scenario_id: str) -> Scenario | None:
        return next((s for s in self.choose if s.id == scenario_id), None)

    def cells(self) -> dict[tuple[str, str], tuple[str, str]]:
        """(tool, criterion) -> (the lecture's word, the value it maps to)."""
        return {
            (self.table.columns[column], row.criterion): (word, row.means[word])
            for row in self.table.rows
            for column, word in row.cells.items()
            if column in self.table.columns and word in row.means
        }

    def quotes(self) -> list[tuple[tuple[str | int, ...], Quote]]:
        """Every quote with its place in the file."""
        found: list[tuple[tuple[str | int, ...], Quote]] = []
        for i, tool in enumerate(self.tools):
            for part in ("intro", "pros", "cons"):
                found += [(("tools", i, part, j), q) for j, q in enumerate(getattr(tool, part))]
            found.append((("tools", i, "best_for"), tool.best_for))
        for i, scenario in enumerate(self.choose):
            found += [(("choose", i, "advice", j), q) for j, q in enumerate(scenario.advice)]
        found += [(("recommendation", j), q) for j, q in enumerate(self.recommendation)]
        return found


def mojibake(text: str) -> str:
    """How a UTF-8 text reads when its bytes are decoded as Windows-1252, as the lecture's title was."""
    return text.encode("utf-8").decode("cp1252", errors="replace")


def load_lecture(
    root: Path, *, tools: Collection[str], criteria: Mapping[str, Collection[str]]
) -> Lecture:
    """Read and validate the lecture record against its text, the examples and the comparison.

    Args:
        root: The repository root.
        tools: The comparison's tool slugs.
        criteria: The comparison's criteria, each with its scale.

    Raises:
        DataError: Every problem found, one line each, saying what to do.
    """
    source = Source(root / LECTURE_FILE, root)
    lecture, problems = validate(source, (), Lecture, source.raw)
    if lecture is None:
        raise source.error(problems)
    try:
        text = (root / lecture.text).read_text(encoding="utf-8")
    except OSError:
        raise source.error(
            [
                source.problem(
                    ("text",),
                    f"{lecture.text} is missing: it must hold the lecture's full text, byte for byte",
                )
            ]
        ) from None
    if mojibake(lecture.title) not in text.splitlines()[0]:
        problems.append(
            source.problem(
                ("title",),
                f"the first line of {lecture.text} does not hold this title (with its en dash mis-encoded as in the text)",
            )
        )
    for loc, quote in lecture.quotes():
        if quote.said not in text:
            problems.append(
                source.problem(
                    (*loc, "said"),
                    f"not in {lecture.text}: quote the lecture exactly, or remove the entry",
                )
            )
    for i, about in enumerate(lecture.tools):
        if about.tool not in tools:
            problems.append(
                source.problem(
                    ("tools", i, "tool"),
                    f"unknown tool '{about.tool}': add it to the comparison data, or fix the slug (tools: {', '.join(tools)})",
                )
            )
        if about.code:
            problems += _code_problems(source, ("tools", i, "code"), about.code, text, root)
    for column, slug in lecture.table.columns.items():
        if slug not in tools:
            problems.append(
                source.problem(
                    ("table", "columns", column),
                    f"unknown tool '{slug}' (tools: {', '.join(tools)})",
                )
            )
    for i, row in enumerate(lecture.table.rows):
        at = ("table", "rows", i)
        scale = criteria.get(row.criterion)
        if scale is None:
            problems.append(
                source.problem(
                    (*at, "criterion"),
                    f"unknown criterion '{row.criterion}' (criteria: {', '.join(criteria)})",
                )
            )
            continue
        for column, word in row.cells.items():
            if column not in lecture.table.columns:
                problems.append(
                    source.problem(
                        (*at, "cells", column),
                        f"'{column}' is not a column of the table (columns: {', '.join(lecture.table.columns)})",
                    )
                )
            if word not in row.means:
                problems.append(
                    source.problem(
                        (*at, "cells", column),
                        f"the word {word!r} has no mapping: add it to this row's 'means' with a value of '{row.criterion}' (scale: {', '.join(scale)})",
                    )
                )
        for word, value in row.means.items():
            if value not in scale:
                problems.append(
                    source.problem(
                        (*at, "means", word),
                        f"{value!r} is not on the scale of '{row.criterion}' (allowed: {', '.join(scale)})",
                    )
                )
    if problems:
        raise source.error(problems)
    return lecture


def _code_problems(source: Source, at: tuple, code: Code, text: str, root: Path) -> list[Problem]:
    problems = []
    if f"```python\n{code.block}```" not in text:
        problems.append(
            source.problem((*at, "block"), "is not one of the lecture's code blocks, byte for byte")
        )
    for field in ("example", "today"):
        path = root / getattr(code, field) if getattr(code, field) else None
        if path and not path.exists():
            problems.append(
                source.problem((*at, field), f"{getattr(code, field)} does not exist: create it")
            )
    example = root / code.example
    if example.exists() and example.read_text(encoding="utf-8") != code.block:
        problems.append(
            source.problem(
                (*at, "example"),
                f"{code.example} differs from the lecture's code block: it must hold the block byte for byte (excuse lint findings in pyproject.toml, not in the file)",
            )
        )
    return problems


__all__ = ["LECTURE_FILE", "Lecture", "load_lecture", "mojibake"]
