"""The comparison data: what `docs/data/comparison.yaml` may contain.

The site's comparison table, every tool page's "at a glance" box and the chooser are rendered from
one file, validated by these models. [`load_comparison`][fieldguide.model.load_comparison] turns
any problem into one [`DataError`][fieldguide.model.DataError] naming the file, line, tool and
field, and what is allowed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

SLUG = r"^[a-z][a-z0-9-]*$"
Slug = Annotated[str, Field(pattern=SLUG)]
OneLine = Annotated[str, Field(min_length=1, max_length=300, pattern=r"^[^\n]+$")]

VERIFICATION_LEVELS = ("validated and step logic run", "compiled and ran locally", "ran end to end")
"""How far this repository's tests execute a tool, weakest first."""

UNRATED = "not yet rated"
"""The value a draft tool may give a criterion until its contributor rates it."""


def _is_evidence(value: str) -> str:
    if value.startswith("https://") or re.fullmatch(r"(examples|tests)/[\w./-]+", value):
        return value
    raise ValueError("evidence must be an https:// URL or a path under examples/ or tests/")


Evidence = Annotated[str, AfterValidator(_is_evidence)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Criterion(Strict):
    """A question every tool is rated on, with its fixed scale."""

    id: Slug
    name: OneLine
    question: OneLine
    """What the criterion asks, as a reader would."""
    scale: list[OneLine] = Field(min_length=2)
    """The allowed values, from least to most of what the criterion measures."""
    from_lecture: bool = False
    """True for the seven criteria of the 2023 lecture's table."""

    @field_validator("scale")
    @classmethod
    def _distinct(cls, scale: list[str]) -> list[str]:
        if len(set(scale)) != len(scale):
            raise ValueError("scale values must be distinct")
        return scale


class LectureValue(Strict):
    """What the 2023 lecture said about a cell, kept on record."""

    value: OneLine
    """The lecture's rating, on the criterion's scale."""
    said: OneLine
    """The lecture's own words that the rating comes from."""


class Rating(Strict):
    """One cell of the comparison: a tool's value on one criterion, and why."""

    value: OneLine
    """A value from the criterion's scale."""
    reason: OneLine
    """One line a reader sees on hover and in the evidence list."""
    evidence: Evidence
    """An https:// source, or a file in this repository (an example or a test) that shows it."""
    lecture: LectureValue | None = None
    changed_because: OneLine | None = None
    """Required when the value differs from the lecture's, and only then."""

    @property
    def changed(self) -> bool:
        """True when the lecture rated this cell differently."""
        return self.lecture is not None and self.lecture.value != self.value


class Package(Strict):
    """The released package whose locked version the site prints for a tool."""

    registry: Literal["pypi", "npm"]
    name: OneLine


class Links(Strict):
    docs: Annotated[str, Field(pattern=r"^https://")]
    source: Annotated[str, Field(pattern=r"^https://")]


class Tool(Strict):
    """One orchestrator: its facts and its ratings."""

    slug: Slug
    """Names its page `docs/tools/<slug>.md`, its folder `examples/<slug>/` and its session."""
    name: OneLine
    tagline: OneLine
    package: Package | None = None
    """Required once the tool is no longer a draft."""
    licence: OneLine
    """An SPDX identifier (`NOASSERTION` while a draft's is unknown)."""
    first_release: int | None = Field(default=None, ge=2000, le=2100)
    """The year of its first public release; required once the tool is no longer a draft."""
    links: Links | None = None
    """Required once the tool is no longer a draft."""
    draft: bool = False
    """Scaffolded and not yet completed: the site marks it as a draft, and it may leave criteria
    `not yet rated` and its package, first release and links unset."""
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
    tools: list[Tool] = Field(min_length=1)
    chooser: list[ChooserQuestion] = []

    def criterion(self, criterion_id: str) -> Criterion:
        return next(c for c in self.criteria if c.id == criterion_id)

    def tool(self, slug: str) -> Tool:
        return next(t for t in self.tools if t.slug == slug)


class DataError(Exception):
    """One invalid entry: printed as `file:line: tool 'x', field 'y': what is wrong`."""

    def __init__(self, path: Path, line: int | None, tool: str | None, field: str, problem: str):
        self.path, self.line, self.tool, self.field, self.problem = path, line, tool, field, problem
        where = f"{path}:{line}" if line else str(path)
        who = f"tool '{tool}', " if tool else ""
        text = f"{where}: {who}field '{field}': {problem}"
        super().__init__(" ".join(text.split()))  # always one line


class _LineLoader(yaml.SafeLoader):
    """A safe loader that refuses duplicate keys and remembers the line of every node."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.MarkedYAMLError(
                problem=f"duplicate key '{key}' (first on line {seen[key]})",
                problem_mark=key_node.start_mark,
            )
        seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _line_of(node: yaml.Node | None, loc: tuple[int | str, ...]) -> int | None:
    """The line of the deepest node that `loc` reaches in the YAML tree."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == str(part)), None)
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value)
        ):
            node = node.value[part]
        else:
            node = None
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


class _Locator:
    """Turns a location in the data into a DataError with its file, line and tool."""

    def __init__(self, path: Path, root_node: yaml.Node | None, raw: Any):
        self.path, self.root_node, self.raw = path, root_node, raw

    def tool_at(self, loc: tuple[int | str, ...]) -> str | None:
        if len(loc) >= 2 and loc[0] == "tools" and isinstance(loc[1], int):
            tools = self.raw.get("tools") if isinstance(self.raw, dict) else None
            if isinstance(tools, list) and loc[1] < len(tools) and isinstance(tools[loc[1]], dict):
                return str(tools[loc[1]].get("slug", f"#{loc[1] + 1}"))
        return None

    def error(self, loc: tuple[int | str, ...], problem: str) -> DataError:
        field_path = loc[2:] if self.tool_at(loc) else loc
        field = ".".join(str(p) for p in field_path) or "(top level)"
        return DataError(
            self.path, _line_of(self.root_node, loc), self.tool_at(loc), field, problem
        )


def _explain(error: dict) -> str:
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "missing":
        return "is required but missing"
    if error["type"] == "extra_forbidden":
        return "is not a known field (check its spelling against the data reference)"
    if error["type"] == "literal_error":
        return message.replace("Input should be", "must be")
    if error["type"] == "string_pattern_mismatch" and "[a-z]" in str(error.get("ctx", "")):
        return f"{error['input']!r} is not a slug (lowercase letters, digits and dashes)"
    return f"{message} (got {error['input']!r})" if "input" in error else message


def parse_comparison(path: Path, text: str, *, root: Path, docs_dir: Path) -> Comparison:
    """Validate the data file's text; raise the first problem as a DataError naming `path`."""
    try:
        node = yaml.compose(text, Loader=_LineLoader)
        raw = yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark else None
        problem = f"invalid YAML: {exc.problem}" + (f" {exc.context}" if exc.context else "")
        raise DataError(path, line, None, "(YAML syntax)", problem) from None
    locate = _Locator(path, node, raw)
    if not isinstance(raw, dict):
        raise locate.error((), "the file must be a mapping with 'criteria', 'tools' and 'chooser'")
    try:
        comparison = Comparison.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise locate.error(tuple(first["loc"]), _explain(first)) from None
    for loc, problem in _consistency_problems(comparison, root, docs_dir):
        raise locate.error(loc, problem)
    return comparison


def _consistency_problems(data: Comparison, root: Path, docs_dir: Path):
    """Yield (location, problem) for what the field types alone cannot check."""
    criteria: dict[str, Criterion] = {}
    for i, criterion in enumerate(data.criteria):
        if criterion.id in criteria:
            yield ("criteria", i, "id"), f"criterion '{criterion.id}' is defined twice"
        criteria.setdefault(criterion.id, criterion)
    slugs: dict[str, int] = {}
    for i, tool in enumerate(data.tools):
        if tool.slug in slugs:
            yield (
                ("tools", i, "slug"),
                f"duplicate tool: '{tool.slug}' is already tool #{slugs[tool.slug] + 1}",
            )
        slugs.setdefault(tool.slug, i)
        for field in ("package", "first_release", "links"):
            if getattr(tool, field) is None and not tool.draft:
                yield ("tools", i, field), "is required once the tool is no longer a draft"
        page = docs_dir / "tools" / f"{tool.slug}.md"
        if not page.exists():
            yield (
                ("tools", i, "slug"),
                f"has no page: create {page.relative_to(docs_dir.parent)} (or run nox -s new-tool)",
            )
        for criterion_id, rating in tool.ratings.items():
            where = ("tools", i, "ratings", criterion_id)
            if criterion_id not in criteria:
                yield where, f"unknown criterion '{criterion_id}' (criteria: {', '.join(criteria)})"
                continue
            scale = criteria[criterion_id].scale
            if rating.value == UNRATED:
                if not tool.draft:
                    yield (
                        (*where, "value"),
                        f"only a draft tool may leave a criterion '{UNRATED}' (allowed: {', '.join(scale)})",
                    )
            elif rating.value not in scale:
                yield (
                    (*where, "value"),
                    f"{rating.value!r} is not on the scale of '{criteria[criterion_id].name}' (allowed: {', '.join(scale)})",
                )
            if rating.lecture and rating.lecture.value not in scale:
                yield (
                    (*where, "lecture", "value"),
                    f"{rating.lecture.value!r} is not on the scale (allowed: {', '.join(scale)})",
                )
            if rating.changed and not rating.changed_because:
                yield (
                    (*where, "changed_because"),
                    f"the lecture rated this {rating.lecture.value!r}: say why it is now {rating.value!r}",
                )
            if rating.changed_because and not rating.changed:
                yield (
                    (*where, "changed_because"),
                    "only allowed where the value differs from the lecture's",
                )
            if not rating.evidence.startswith("https://") and not (root / rating.evidence).exists():
                yield (*where, "evidence"), f"{rating.evidence} does not exist in this repository"
        for criterion_id in criteria:
            if criterion_id not in tool.ratings:
                yield (
                    ("tools", i, "ratings"),
                    f"criterion '{criterion_id}' is missing: every tool rates every criterion",
                )
    for i, criterion_id in enumerate(data.glance):
        if criterion_id not in criteria:
            yield (
                ("glance", i),
                f"unknown criterion '{criterion_id}' (criteria: {', '.join(criteria)})",
            )
    for i, question in enumerate(data.chooser):
        if question.criterion not in criteria:
            yield ("chooser", i, "criterion"), f"unknown criterion '{question.criterion}'"
            continue
        for value in question.accepts:
            if value not in criteria[question.criterion].scale:
                yield ("chooser", i, "accepts"), f"{value!r} is not on the scale of '{question.criterion}' (allowed: {', '.join(criteria[question.criterion].scale)})"  # fmt: skip


def load_comparison(path: Path, *, root: Path, docs_dir: Path) -> Comparison:
    """Read and validate the data file, including that every tool has its page.

    Args:
        path: The YAML data file.
        root: The repository root, against which evidence paths are checked.
        docs_dir: The site's docs folder, where `tools/<slug>.md` must exist for every tool.

    Raises:
        DataError: The first problem found, as one line naming file, line, tool and field.
    """
    shown = path.relative_to(root) if path.is_relative_to(root) else path
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(shown, None, None, "(file)", f"cannot be read: {exc.strerror}") from None
    return parse_comparison(shown, text, root=root, docs_dir=docs_dir)
