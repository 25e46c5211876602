"""Facts the site prints that live elsewhere in the repository: locked versions and test markers.

Nothing here imports an orchestrator: versions are read from the lock files, and what the tests
verify is read from their source with `ast`, so the docs build stays in its own small environment.
"""

from __future__ import annotations

import ast
import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .model import VERIFICATION_LEVELS, Tool


class SourceError(Exception):
    """A lock or test file the site reads from is missing or malformed; says what to run."""


@dataclass(frozen=True)
class LockedVersion:
    package: str
    version: str
    lock: str
    """The lock file it was read from, relative to the repository root."""


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked_version(tool: Tool, root: Path) -> LockedVersion | None:
    """The version of a tool's package pinned in its lock (pylock.<slug>.toml, or package-lock.json)."""
    if tool.package is None:
        return None  # only a draft may lack a package: the model enforces it
    name = tool.package.name
    if tool.package.registry == "pypi":
        lock = root / f"pylock.{tool.slug}.toml"
        fix = f"run: nox -s lock -- {tool.slug}"
        if not lock.exists():
            raise SourceError(f"{lock.name} is missing, so {tool.name}'s version is unknown: {fix}")
        packages = tomllib.loads(lock.read_text(encoding="utf-8")).get("packages", [])
        versions = {p["version"] for p in packages if _canonical(p["name"]) == _canonical(name)}
    else:
        lock = root / "package-lock.json"
        fix = f"add {name} to package.json and run: npm install"
        if not lock.exists():
            raise SourceError(f"{lock.name} is missing, so {tool.name}'s version is unknown: {fix}")
        packages = json.loads(lock.read_text(encoding="utf-8")).get("packages", {})
        versions = {v["version"] for k, v in packages.items() if k == f"node_modules/{name}"}
    if len(versions) != 1:
        found = (
            "not in"
            if not versions
            else f"locked more than once ({', '.join(sorted(versions))}) in"
        )
        raise SourceError(f"{name} is {found} {lock.name}: {fix}")
    return LockedVersion(name, versions.pop(), lock.name)


@dataclass(frozen=True)
class Check:
    """One examples test: how far it executes the tool, and what it proves, in its own words."""

    level: str
    statement: str
    test: str


@dataclass(frozen=True)
class Verification:
    test_file: str
    checks: tuple[Check, ...]

    @property
    def level(self) -> str:
        """The strongest level any of the tool's tests reaches."""
        return max((c.level for c in self.checks), key=VERIFICATION_LEVELS.index)


def _verifies_level(decorator: ast.expr) -> ast.expr | None:
    """The argument of `@pytest.mark.verifies(...)`, if this decorator is that marker."""
    if isinstance(decorator, ast.Call) and ast.unparse(decorator.func) == "pytest.mark.verifies":
        return decorator.args[0] if decorator.args else None
    return None


def read_verification(tool: Tool, root: Path) -> Verification:
    """What `tests/examples/test_<slug>.py` verifies, from its `verifies` markers and docstrings."""
    path = root / "tests" / "examples" / f"test_{tool.slug}.py"
    rel = path.relative_to(root).as_posix()
    if not path.exists():
        raise SourceError(f"{rel} is missing: {tool.name}'s page cannot say what was verified")
    checks = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=rel)):
        if not isinstance(node, ast.FunctionDef):
            continue
        for decorator in node.decorator_list:
            arg = _verifies_level(decorator)
            if arg is None:
                continue
            level = arg.value if isinstance(arg, ast.Constant) else None
            if level not in VERIFICATION_LEVELS:
                allowed = ", ".join(repr(v) for v in VERIFICATION_LEVELS)
                raise SourceError(
                    f"{rel}:{decorator.lineno}: verifies({ast.unparse(arg)}) must be one of {allowed}"
                )
            docstring = ast.get_docstring(node)
            if not docstring:
                raise SourceError(
                    f"{rel}:{node.lineno}: {node.name} needs a docstring saying what it proves"
                )
            statement = " ".join(docstring.split("\n\n")[0].split())
            checks.append(Check(level, statement, node.name))
    if not checks:
        raise SourceError(
            f"{rel} has no test marked @pytest.mark.verifies(...): nothing says what was run"
        )
    return Verification(rel, tuple(checks))
