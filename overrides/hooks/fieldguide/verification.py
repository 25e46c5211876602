"""What each tool's tests verify, read from `tests/examples/test_<slug>.py` with `ast`.

Every examples test carries `@pytest.mark.verifies(level)` and a docstring saying what it proves;
the tool page prints both, so what the page claims is what the tests assert. The files are parsed,
not imported, so the docs build needs no orchestrator.
"""

from __future__ import annotations

import ast
import functools
from dataclasses import dataclass
from pathlib import Path

from .model import VERIFICATION_LEVELS


class VerificationError(Exception):
    """A tool's examples test is missing or does not say what it verifies; says what to do."""


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


def read_verification(slug: str, root: Path) -> Verification:
    """What `tests/examples/test_<slug>.py` verifies, from its `verifies` markers and docstrings."""
    path = root / "tests" / "examples" / f"test_{slug}.py"
    rel = path.relative_to(root).as_posix()
    if not path.exists():
        raise VerificationError(
            f"{rel} is missing: the page of '{slug}' cannot say what was verified"
        )
    stat = path.stat()
    return _parse(path, rel, stat.st_mtime_ns, stat.st_size)


@functools.cache
def _parse(path: Path, rel: str, *_stamp: int) -> Verification:
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
                raise VerificationError(
                    f"{rel}:{decorator.lineno}: verifies({ast.unparse(arg)}) must be one of {allowed}"
                )
            docstring = ast.get_docstring(node)
            if not docstring:
                raise VerificationError(
                    f"{rel}:{node.lineno}: {node.name} needs a docstring saying what it proves"
                )
            statement = " ".join(docstring.split("\n\n")[0].split())
            checks.append(Check(level, statement, node.name))
    if not checks:
        raise VerificationError(
            f"{rel} has no test marked @pytest.mark.verifies(...): nothing says what was run"
        )
    return Verification(rel, tuple(checks))
