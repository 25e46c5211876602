"""The real site: pages, examples, data, locks and sessions agree with one another."""

from __future__ import annotations

import functools
import re
import tomllib
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from fieldguide.model import load_comparison
from fieldguide.pages import DATA_FILE
from fieldguide.sources import locked_version, read_verification

DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))
EXAMPLE_FILES = sorted(
    p
    for p in (ROOT / "examples").rglob("*")
    if p.suffix in {".py", ".yaml", ".yml"} and p.is_file()
)
FENCE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)\n(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$", re.M | re.S)  # fmt: skip
INCLUDE = re.compile(r'^\s*--8<--\s+"(?P<path>[^":]+)(?::(?P<section>[\w-]+))?"\s*$')
PARITY_LINE = re.compile(r"^\s*#> (slope=.*)$", re.M)
TOOL_SECTIONS = [
    "What it is", "Pros", "Cons", "Best for", "What changed recently",
    "The example pipeline", "On a laptop and in production", "Official documentation",
]  # fmt: skip
ALLOWED_CONSOLE = re.compile(r"^\$ (nox|python3 noxfile\.py)\b")
"""A `console` block may show the project's own commands, and nothing else."""


class _MkDocsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose !!python/name tags name objects we don't need here."""


_MkDocsLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda *_: None)


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.fixture(scope="module")
def data():
    return load_comparison(ROOT / DATA_FILE, root=ROOT, docs_dir=DOCS)


@pytest.fixture(scope="module")
def nav_pages() -> set[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=_MkDocsLoader)

    def walk(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, list):
            for item in node:
                yield from walk(item)
        elif isinstance(node, dict):
            for value in node.values():
                yield from walk(value)

    return set(walk(config["nav"]))


@functools.cache  # read the pages once, not once per example
def includes() -> dict[str, set[str | None]]:
    """Every file under examples/ that a page includes, with the sections it includes."""
    found: dict[str, set[str | None]] = {}
    for page in PAGES:
        for line in page.read_text(encoding="utf-8").splitlines():
            if match := INCLUDE.match(line):
                found.setdefault(match["path"], set()).add(match["section"])
    return found


def test_the_data_file_is_valid_and_every_tool_has_a_version_and_tests(data):
    for tool in data.tools:
        assert locked_version(tool, ROOT).version
        assert read_verification(tool, ROOT).checks


@pytest.mark.parametrize("page", PAGES, ids=rel)
def test_pages_show_no_code_that_is_not_an_example(page):
    """Every code block is an include of a file under examples/ (or the project's own commands)."""
    text = page.read_text(encoding="utf-8")
    for block in FENCE.finditer(text):
        line = text.count("\n", 0, block.start()) + 1
        lines = [ln for ln in block["body"].splitlines() if ln.strip()]
        if block["info"].strip().startswith("console"):
            bad = [ln for ln in lines if ln.startswith("$") and not ALLOWED_CONSOLE.match(ln)]
            assert not bad, f"{rel(page)}:{line}: console block runs {bad[0]!r}, not a nox session"
            continue
        typed = [ln for ln in lines if not INCLUDE.match(ln)]
        assert not typed, (
            f"{rel(page)}:{line}: code typed into the page; move it to examples/ and include it"
        )
        for ln in lines:
            path = INCLUDE.match(ln)["path"]
            assert path.startswith("examples/"), (
                f"{rel(page)}:{line}: includes {path}, outside examples/"
            )


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=rel)
def test_every_example_is_shown_on_a_page(example):
    assert rel(example) in includes(), (
        f"{rel(example)} is shown on no page: include it, or delete it"
    )


def test_included_sections_exist():
    for path, sections in includes().items():
        text = (ROOT / path).read_text(encoding="utf-8")
        for section in sections - {None}:
            assert f"--8<-- [start:{section}]" in text, f"{path} has no section '{section}'"
            assert f"--8<-- [end:{section}]" in text, f"{path} never ends section '{section}'"


def test_every_tool_prints_the_same_model(data):
    """Output parity: each tool's checked `#> slope=...` output is identical, digit for digit."""
    results = {}
    for tool in data.tools:
        lines = {
            line
            for path in sorted((ROOT / "examples" / tool.slug).rglob("*.py"))
            for line in PARITY_LINE.findall(path.read_text(encoding="utf-8"))
        }
        assert len(lines) == 1, (
            f"examples/{tool.slug}/ should print one model result, found {sorted(lines)}"
        )
        results[tool.slug] = lines.pop()
    assert len(set(results.values())) == 1, f"the tools disagree: {results}"


def test_every_lock_belongs_to_a_dependency_group():
    groups = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["dependency-groups"])
    locks = {p.name.split(".")[1] for p in ROOT.glob("pylock.*.toml")}
    assert not locks - groups, f"locks without a group in pyproject.toml: {sorted(locks - groups)}"
    unlocked = groups - locks - {"examples"}  # `examples` is only ever included by a tool's group
    assert not unlocked, f"groups never locked (run nox -s lock -- <group>): {sorted(unlocked)}"


def test_every_tool_has_its_four_places(data, nav_pages):
    for tool in data.tools:
        slug = tool.slug
        assert (DOCS / "tools" / f"{slug}.md").exists(), f"{slug}: no page docs/tools/{slug}.md"
        assert f"tools/{slug}.md" in nav_pages, (
            f"{slug}: docs/tools/{slug}.md is not in mkdocs.yml's nav"
        )
        assert (ROOT / "examples" / slug).is_dir(), (
            f"{slug}: no examples/{slug}/ folder (no session either)"
        )
        assert (ROOT / "tests" / "examples" / f"test_{slug}.py").exists(), (
            f"{slug}: no tests/examples/test_{slug}.py"
        )
        if tool.package.registry == "pypi":
            assert (ROOT / f"pylock.{slug}.toml").exists(), (
                f"{slug}: no lock; run nox -s lock -- {slug}"
            )


def test_nothing_is_orphaned(data):
    slugs = {t.slug for t in data.tools}
    pages = {p.stem for p in (DOCS / "tools").glob("*.md")}
    folders = {p.name for p in (ROOT / "examples").iterdir() if p.is_dir()}
    test_modules = {
        p.stem.removeprefix("test_") for p in (ROOT / "tests" / "examples").glob("test_*.py")
    }
    for kind, names in [
        ("page", pages),
        ("examples folder", folders),
        ("test module", test_modules),
    ]:
        orphans = sorted(names - slugs)
        assert not orphans, f"{kind} without a tool in {DATA_FILE}: {', '.join(orphans)}"


@pytest.mark.parametrize("page", sorted((DOCS / "tools").glob("*.md")), ids=rel)
def test_tool_pages_have_the_required_sections_in_order(page):
    headings = re.findall(r"^## (.+?)\s*$", page.read_text(encoding="utf-8"), re.M)
    present = [h for h in headings if h in TOOL_SECTIONS]
    missing = [s for s in TOOL_SECTIONS if s not in headings]
    assert not missing, f"{rel(page)} lacks sections: {', '.join(missing)}"
    assert present == TOOL_SECTIONS, f"{rel(page)}: sections out of order: {present}"
