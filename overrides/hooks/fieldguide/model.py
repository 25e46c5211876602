"""The comparison data: what `docs/data/comparison.yaml` may contain.

The comparison table, every tool page's "at a glance" box, the home page's overview and the
chooser are rendered from this one file, validated by these models.
[`load_comparison`][fieldguide.model.load_comparison] reports every problem at once, one line
each naming the file, line, tool, criterion and field, and what is allowed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from .datafile import DataError, Problem, Source, validate

COMPARISON_FILE = "docs/data/comparison.yaml"
"""Where the comparison data lives, relative to the repository root."""

SLUG = r"^[a-z][a-z0-9-]*$"
Slug = Annotated[str, Field(pattern=SLUG)]
OneLine = Annotated[str, Field(min_length=1, max_length=300, pattern=r"^[^\n]+$")]
HttpsUrl = Annotated[str, Field(pattern=r"^https://\S+$")]

VERIFICATION_LEVELS = ("validated and step logic run", "compiled and ran locally", "ran end to end")
"""How far this repository's tests execute a tool, weakest first."""

UNRATED = "not yet rated"
"""The value a draft tool may give a criterion until its contributor rates it."""

_EVIDENCE = re.compile(
    r"(?P<url>https://\S+)|(?P<file>(examples|tests)/[\w./-]+)|(?P<page>docs/[\w/-]+\.md)(#[\w-]+)?"
)


def _is_evidence(value: str) -> str:
    if not _EVIDENCE.fullmatch(value):
        raise ValueError(
            f"{value!r} is not evidence: give an https:// URL, a file under examples/ or tests/, "
            "or a page of this site as docs/<page>.md#anchor"
        )
    return value


Evidence = Annotated[str, AfterValidator(_is_evidence)]


def _one_or_more(value: object) -> object:
    return [value] if isinstance(value, str) else value


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Criterion(Strict):
    """A question every tool is rated on, with its fixed scale."""

    id: Slug
    """Also the anchor of the criterion's reasons on the comparison page."""
    name: OneLine
    question: OneLine
    """What the criterion asks, as a reader would."""
    scale: list[OneLine] = Field(min_length=2)
    """The allowed values, from least to most of what the criterion measures."""

    def position(self, value: str) -> int | None:
        """1 for the first value of the scale, None for a value that is not on it."""
        return self.scale.index(value) + 1 if value in self.scale else None


class Rating(Strict):
    """One cell of the comparison: a tool's value on one criterion, and why."""

    value: OneLine
    """A value from the criterion's scale."""
    reason: OneLine
    """One line a reader sees beside the value and in the evidence list."""
    evidence: Annotated[list[Evidence], BeforeValidator(_one_or_more), Field(min_length=1)]
    """One or more of: an https:// source, a file in this repository (an example or a test)
    that shows it, or a page of this site (`docs/measured.md#import-time`) that measures it."""
    changed_because: OneLine | None = None
    """Required where the lecture's table rated this cell and today's value differs from what
    its word maps to (see the lecture record), and only there."""


class Package(Strict):
    """The released package the tests check a tool with; the site prints its locked version."""

    registry: Literal["pypi", "npm"]
    name: OneLine


class Target(Strict):
    """The engine release a tool's files are written for, where the package is not the engine.

    Argo Workflows and Tekton run only on a cluster: the guide checks their manifests with
    another package (Hera, a linter), so the release the manifests target is kept here.
    """

    name: OneLine
    version: OneLine
    source: HttpsUrl
    """Where that release is announced or documented."""


class Bench(Strict):
    """How `nox -s bench` runs a tool on this machine, in the tool's own locked environment.

    A cold run starts from empty state directories (and runs `setup` first); a warm run reuses
    them. `{work}` in `env` stands for the run's working directory.
    """

    imports: OneLine | None = None
    """What a reader imports to write a pipeline; timed in a fresh process. None where pipelines
    are not written in Python (Tekton's are YAML)."""
    state: list[Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9_]*$")]] = Field(default_factory=list)
    """Environment variables naming the tool's state directories."""
    env: dict[str, str] = Field(default_factory=dict)
    """Fixed settings: quiet, offline, where to find the pipeline."""
    setup: list[str] = Field(default_factory=list)
    """A command a fresh state needs before the first run (part of the cold time)."""
    check: list[str] = Field(default_factory=list)
    """For a tool that needs a cluster to run: the command that builds and checks its files here."""
    session_run: Annotated[str, Field(pattern=r"^test_\w+$")] | None = None
    """The test in `tests/examples/test_<slug>.py` that does what the bench times once, where that
    is not the run of `examples/<slug>/pipeline.py`. The benchmark runs the tool's examples session
    with only that, to set the session's start and one run against the tool's own."""

    def session_selection(self, slug: str) -> str:
        """What the benchmark passes to the session's pytest as `-k`: `session_run`, or the run
        of the tool's pipeline.py (not the tests that then read what it left: the bare run it is
        set against reads nothing back)."""
        return self.session_run or f"test_example and examples/{slug}/pipeline.py"


class Links(Strict):
    docs: HttpsUrl
    source: HttpsUrl


class Tool(Strict):
    """One orchestrator (or the plain-script baseline): its facts and its ratings."""

    slug: Slug
    """Names its page `docs/tools/<slug>.md`, its folder `examples/<slug>/` and its session."""
    name: OneLine
    tagline: OneLine
    package: Package | None = None
    """Required once the tool is no longer a draft."""
    targets: Target | None = None
    licence: OneLine
    """An SPDX identifier (`NOASSERTION` while a draft's is unknown)."""
    first_release: int | None = Field(default=None, ge=1970, le=2100)
    """The year of its first public release; required once the tool is no longer a draft."""
    links: Links | None = None
    """Required once the tool is no longer a draft."""
    draft: bool = False
    """Scaffolded and not yet completed: the site marks it as a draft, and it may leave criteria
    `not yet rated` and its package, first release and links unset."""
    baseline: bool = False
    """Not an orchestrator but what you would do without one; shown apart from the tools."""
    bench: Bench | None = None
    """How the benchmark runs it; tools without it are left out of the Measured page."""
    ratings: dict[str, Rating]


class ChooserQuestion(Strict):
    """A box the reader can tick on the comparison page, and the tools it keeps."""

    id: Slug
    label: OneLine
    criterion: Slug
    accepts: list[OneLine] = Field(min_length=1)
    """The criterion's values that fit a reader who ticks this box."""


class Comparison(Strict):
    """The whole data file."""

    criteria: list[Criterion] = Field(min_length=1)
    glance: list[Slug] = []
    """The criteria that each tool page's "at a glance" box shows, in order."""
    chooser: list[ChooserQuestion] = []
    tools: list[Tool] = Field(min_length=1)

    def criterion(self, criterion_id: str) -> Criterion:
        return next(c for c in self.criteria if c.id == criterion_id)

    def tool(self, slug: str) -> Tool:
        return next(t for t in self.tools if t.slug == slug)

    def fits(self, ticked: list[str]) -> list[Tool]:
        """The tools whose ratings every ticked chooser question accepts, in table order."""
        questions = {q.id: q for q in self.chooser}
        return [
            tool
            for tool in self.tools
            if all(
                tool.ratings[questions[q].criterion].value in questions[q].accepts for q in ticked
            )
        ]


LectureCells = Mapping[tuple[str, str], str]
"""(tool, criterion) -> the value the lecture's table word maps to, from the lecture record."""


def load_comparison(root: Path, *, path: Path | None = None) -> Comparison:
    """Read and validate the comparison data, and check it against the repository.

    Args:
        root: The repository root: tool pages, examples and tests are looked up under it.
        path: The data file, if not the repository's own.

    Raises:
        DataError: Every problem found, one line each.
    """
    source = Source(path or root / COMPARISON_FILE, root)
    raw = source.raw if isinstance(source.raw, dict) else None
    if raw is None:
        raise source.error(
            [
                source.problem(
                    (), "the file must be a mapping of criteria, glance, chooser and tools"
                )
            ]
        )
    problems: list[Problem] = []
    unknown = sorted(set(raw) - set(Comparison.model_fields))
    problems += [
        source.problem((key,), "is not a known section (criteria, glance, chooser, tools)")
        for key in unknown
    ]

    def items(section: str, model: type[Strict]) -> list:
        values = raw.get(section, [])
        if not isinstance(values, list):
            problems.append(source.problem((section,), "must be a list"))
            return []
        valid = []
        for i, value in enumerate(values):
            item, found = validate(source, (section, i), model, value)
            problems.extend(found)
            valid.append(item)
        return valid

    criteria = items("criteria", Criterion)
    tools = items("tools", Tool)
    chooser = items("chooser", ChooserQuestion)
    by_id: dict[str, Criterion] = {}
    for i, criterion in enumerate(criteria):
        if criterion and criterion.id in by_id:
            problems.append(
                source.problem(
                    ("criteria", i, "id"), f"criterion '{criterion.id}' is defined twice"
                )
            )
        elif criterion:
            by_id[criterion.id] = criterion
    slugs: dict[str, int] = {}
    for i, tool in enumerate(tools):
        if tool is None:
            continue
        if tool.slug in slugs:
            problems.append(
                source.problem(
                    ("tools", i, "slug"),
                    f"duplicate tool: '{tool.slug}' is already tool #{slugs[tool.slug] + 1}",
                )
            )
        slugs.setdefault(tool.slug, i)
        problems += _tool_problems(source, i, tool, by_id, root)
    for i, question in enumerate(chooser):
        if question is None:
            continue
        criterion = by_id.get(question.criterion)
        if criterion is None:
            problems.append(
                source.problem(
                    ("chooser", i, "criterion"), f"unknown criterion '{question.criterion}'"
                )
            )
            continue
        off_scale = [v for v in question.accepts if v not in criterion.scale]
        if off_scale:
            problems.append(
                source.problem(
                    ("chooser", i, "accepts"),
                    f"{', '.join(map(repr, off_scale))} not on the scale of '{criterion.name}' (allowed: {', '.join(criterion.scale)})",
                )
            )
    glance = raw.get("glance", [])
    for i, criterion_id in enumerate(glance if isinstance(glance, list) else []):
        if criterion_id not in by_id:
            problems.append(
                source.problem(
                    ("glance", i),
                    f"unknown criterion '{criterion_id}' (criteria: {', '.join(by_id)})",
                )
            )
    if problems:
        raise source.error(problems)
    try:
        return Comparison(criteria=criteria, glance=glance, chooser=chooser, tools=tools)
    except ValueError as exc:  # only section-level rules are left: empty lists
        raise source.error([source.problem((), " ".join(str(exc).split()))]) from None


def _tool_problems(
    source: Source,
    i: int,
    tool: Tool,
    criteria: dict[str, Criterion],
    root: Path,
) -> list[Problem]:
    """What the field types alone cannot check about one tool."""
    at = ("tools", i)
    problems = [
        source.problem((*at, field), "is required once the tool is no longer a draft")
        for field in ("package", "first_release", "links")
        if getattr(tool, field) is None and not tool.draft
    ]
    page = root / "docs" / "tools" / f"{tool.slug}.md"
    if not page.exists():
        problems.append(
            source.problem(
                (*at, "slug"),
                f"has no page: create docs/tools/{tool.slug}.md (or run nox -s new-tool)",
            )
        )
    for criterion_id in criteria:
        if criterion_id not in tool.ratings:
            problems.append(
                source.problem(
                    (*at, "ratings"),
                    f"criterion '{criterion_id}' is missing: every tool rates every criterion",
                )
            )
    for criterion_id, rating in tool.ratings.items():
        where = (*at, "ratings", criterion_id)
        criterion = criteria.get(criterion_id)
        if criterion is None:
            problems.append(
                source.problem(where, f"unknown criterion (criteria: {', '.join(criteria)})")
            )
            continue
        if rating.value == UNRATED:
            if not tool.draft:
                problems.append(
                    source.problem(
                        (*where, "value"),
                        f"only a draft tool may leave a criterion '{UNRATED}' (allowed: {', '.join(criterion.scale)})",
                    )
                )
        elif criterion.position(rating.value) is None:
            problems.append(
                source.problem(
                    (*where, "value"),
                    f"{rating.value!r} is not on the scale of '{criterion.name}' (allowed: {', '.join(criterion.scale)})",
                )
            )
        for evidence in rating.evidence:
            local = _EVIDENCE.fullmatch(evidence)
            path = local["file"] or local["page"]
            if path and not (root / path).exists():
                problems.append(
                    source.problem(
                        (*where, "evidence"), f"{path} does not exist in this repository"
                    )
                )
    return problems


def check_against_lecture(
    root: Path, data: Comparison, lecture: LectureCells, *, path: Path | None = None
) -> None:
    """Where the lecture's table rated a cell, a different value today must say why, and only then.

    Raises:
        DataError: Every cell that breaks the rule, located in the data file.
    """
    found = []
    for i, tool in enumerate(data.tools):
        for criterion_id, rating in tool.ratings.items():
            where = ("tools", i, "ratings", criterion_id, "changed_because")
            then = lecture.get((tool.slug, criterion_id))
            if then is not None and then != rating.value and not rating.changed_because:
                found.append(
                    (
                        where,
                        f"the lecture's table maps to {then!r} here: say why it is now {rating.value!r}",
                    )
                )
            if rating.changed_because and (then is None or then == rating.value):
                found.append(
                    (
                        where,
                        "only allowed where the value differs from the lecture's table (see docs/data/lecture.yaml)",
                    )
                )
    if found:  # only now is the file parsed again, for the lines
        source = Source(path or root / COMPARISON_FILE, root)
        raise source.error([source.problem(loc, text) for loc, text in found])


__all__ = ["COMPARISON_FILE", "DataError", "load_comparison"]
