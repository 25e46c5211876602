"""Reading a YAML data file into a typed model, reporting every problem at once.

Each problem is one line naming the file, the line, the tool, the criterion and the field, so
that a contributor can fix every mistake in one pass; [`DataError`][fieldguide.datafile.DataError]
carries them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

Loc = tuple[int | str, ...]
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Problem:
    """One mistake in a data file, located as precisely as the file allows."""

    line: int | None
    tool: str | None
    criterion: str | None
    field: str
    text: str

    def describe(self, path: str) -> str:
        where = f"{path}:{self.line}" if self.line else path
        who = "".join(
            f"{kind} '{name}', "
            for kind, name in (("tool", self.tool), ("criterion", self.criterion))
            if name
        )
        return " ".join(f"{where}: {who}field '{self.field}': {self.text}".split())


class DataError(Exception):
    """Every problem found in one data file: one line each, `file:line: tool, criterion, field: what`."""

    def __init__(self, path: Path | str, problems: list[Problem]):
        self.path, self.problems = str(path), problems
        super().__init__("\n".join(p.describe(self.path) for p in problems))


# libyaml's parser where PyYAML was built with it (its wheels are): the pure-Python one spent most
# of the site's data loading, on every build and every reload.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):
    """A safe loader that refuses duplicate keys."""


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


class Source:
    """A data file's text, parsed, with the YAML node of every value for line numbers."""

    def __init__(self, path: Path, root: Path):
        self.path = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise self.error(
                [Problem(None, None, None, "(file)", f"cannot be read: {exc.strerror}")]
            ) from None
        try:
            loader = _LineLoader(text)
            try:  # parsed once: the nodes keep the lines, the values are built from them
                self.node = loader.get_single_node()
                self.raw = loader.construct_document(self.node) if self.node is not None else None
            finally:
                loader.dispose()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark
            problem = f"invalid YAML: {exc.problem}" + (f" {exc.context}" if exc.context else "")
            raise self.error(
                [Problem(mark.line + 1 if mark else None, None, None, "(YAML syntax)", problem)]
            ) from None

    def error(self, problems: list[Problem]) -> DataError:
        return DataError(self.path, problems)

    def line_of(self, loc: Loc) -> int | None:
        """The line of the deepest node that `loc` reaches in the YAML tree."""
        node = self.node
        line = node.start_mark.line + 1 if node is not None else None
        for part in loc:
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if k.value == str(part)), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                node = node.value[part] if part < len(node.value) else None
            else:
                node = None
            if node is None:
                break
            line = node.start_mark.line + 1
        return line

    def tool_at(self, loc: Loc) -> str | None:
        """The slug of the tool a location is inside, for files that list `tools`."""
        if len(loc) >= 2 and loc[0] == "tools":
            tools = self.raw.get("tools") if isinstance(self.raw, dict) else None
            if isinstance(tools, list) and isinstance(loc[1], int) and loc[1] < len(tools):
                tool = tools[loc[1]]
                if isinstance(tool, dict):  # the comparison names it `slug`, the lecture `tool`
                    return str(tool.get("slug") or tool.get("tool") or f"#{loc[1] + 1}")
                return None
            if isinstance(tools, dict):
                return str(loc[1])
        return None

    def problem(self, loc: Loc, text: str) -> Problem:
        """A problem at `loc`, its tool and criterion named apart from the rest of the field."""
        tool = self.tool_at(loc)
        rest = list(loc[2:] if tool else loc)
        criterion = None
        if tool and len(rest) >= 2 and rest[0] == "ratings":
            criterion, rest = str(rest[1]), rest[2:]
        field = ".".join(str(p) for p in rest) or ("(rating)" if criterion else "(top level)")
        return Problem(self.line_of(loc), tool, criterion, field, text)


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
    if error["type"] in ("value_error", "assertion_error"):
        return message
    return f"{message} (got {error['input']!r})" if "input" in error else message


def validate(
    source: Source, loc: Loc, model: type[M], value: Any
) -> tuple[M | None, list[Problem]]:
    """`value` (found at `loc` in the file) as `model`, or None and every problem pydantic found."""
    try:
        return model.model_validate(value), []
    except ValidationError as exc:
        return None, [source.problem((*loc, *e["loc"]), _explain(e)) for e in exc.errors()]
