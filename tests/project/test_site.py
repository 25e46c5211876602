"""The real site: pages, examples, data, locks and sessions agree with one another."""

from __future__ import annotations

import functools
import re
import tomllib

import pytest
import yaml
from conftest import ROOT
from fieldguide.extension import INCLUDE
from fieldguide.facts import load_site
from fieldguide.markers import Page, render_markers
from fieldguide.model import Bench

DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))
EXAMPLE_FILES = sorted(p for p in (ROOT / "examples").rglob("*") if p.is_file())
FENCE = re.compile(
    r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)\n(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.M | re.S,
)
PARITY_LINE = re.compile(r"^\s*#> (slope=.*)$", re.M)
TOOL_SECTIONS = [
    "What it is",
    "Pros",
    "Cons",
    "Best for",
    "What the lecture said, checked today",
    "What changed recently",
    "The example pipeline",
    "The lecture's code, then and now",
    "On a laptop and in production",
    "Official documentation",
]
OPTIONAL_SECTIONS = {"What the lecture said, checked today", "The lecture's code, then and now"}
"""Only for the tools the lecture covered; the markers in them are required there (see markers.py)."""
ALLOWED_CONSOLE = re.compile(r"^\$ (nox|python3 noxfile\.py)\b")
"""A `console` block may show the project's own commands, and nothing else."""


class _MkDocsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose !!python and !ENV tags name things we don't need here."""


_MkDocsLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)
_MkDocsLoader.add_constructor("!ENV", lambda *_: None)


def rel(path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.fixture(scope="module")
def site():
    return load_site(ROOT)


@functools.cache
def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


@functools.cache
def nav_pages() -> set[str]:
    def walk(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, list | dict):
            for item in node.values() if isinstance(node, dict) else node:
                yield from walk(item)

    return set(walk(yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=_MkDocsLoader)["nav"]))


@functools.cache
def included() -> set[str]:
    """Every repository file a page includes, by hand or through a generated block."""
    site = load_site(ROOT)
    found = set()
    for page in PAGES:
        rendered = render_markers(page.read_text(encoding="utf-8"), Page(rel(page)[5:], site))
        found |= {m["path"] for m in map(INCLUDE.match, rendered.splitlines()) if m}
    return found


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
        outside = [
            m["path"] for m in map(INCLUDE.match, lines) if not m["path"].startswith("examples/")
        ]
        assert not outside, f"{rel(page)}:{line}: includes {outside[0]}, outside examples/"


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=rel)
def test_every_example_is_shown_on_a_page(example):
    assert rel(example) in included(), (
        f"{rel(example)} is shown on no page: include it, or delete it"
    )


def test_every_tool_prints_the_same_model(site):
    """Output parity: each tool's checked `#> slope=...` output is identical, digit for digit."""
    results = {}
    for slug in site.tools:
        lines = {
            line
            for path in sorted((ROOT / "examples" / slug).rglob("*.py"))
            for line in PARITY_LINE.findall(path.read_text(encoding="utf-8"))
        }
        assert len(lines) == 1, (
            f"examples/{slug}/ should print one model result, found {sorted(lines)}"
        )
        results[slug] = lines.pop()
    assert len(set(results.values())) == 1, f"the tools disagree: {results}"


def test_every_tool_has_its_four_places(site):
    groups = pyproject()["dependency-groups"]
    conflicting = {item["group"] for item in pyproject()["tool"]["uv"]["conflicts"][0]}
    for slug in site.tools:
        assert (DOCS / "tools" / f"{slug}.md").exists(), f"{slug}: no page docs/tools/{slug}.md"
        assert f"tools/{slug}.md" in nav_pages(), (
            f"{slug}: docs/tools/{slug}.md is not in mkdocs.yml's nav"
        )
        assert (ROOT / "examples" / slug).is_dir(), (
            f"{slug}: no examples/{slug}/ folder (no session either)"
        )
        assert (ROOT / "tests" / "examples" / f"test_{slug}.py").exists(), (
            f"{slug}: no tests/examples/test_{slug}.py"
        )
        assert slug in groups, f"{slug}: no dependency group '{slug}' in pyproject.toml"
        assert slug in conflicting, (
            f"{slug}: its group is not in [tool.uv] conflicts, so uv may resolve it with another tool's"
        )


def test_every_tool_names_the_tests_of_its_one_run(site):
    """The benchmark runs each examples session with only its tool's one pipeline run: the tests
    it selects exist (the default selection is the tool's pipeline.py)."""
    for slug, facts in site.tools.items():
        bench = facts.tool.bench or Bench()
        selection = bench.session_selection(slug)
        if bench.session_run is None:
            pipeline = ROOT / "examples" / slug / "pipeline.py"
            assert pipeline.exists() and str(pipeline.relative_to(ROOT)) in selection, (
                f"{slug}: no examples/{slug}/pipeline.py for the bench to run once"
            )
        else:
            module = (ROOT / "tests" / "examples" / f"test_{slug}.py").read_text(encoding="utf-8")
            assert f"def {selection}(" in module, (
                f"{slug}: bench.session_run names {selection}, which tests/examples/test_{slug}.py does not define"
            )


def test_nothing_is_orphaned(site):
    slugs = set(site.tools)
    pages = {p.stem for p in (DOCS / "tools").glob("*.md")}
    folders = {p.name for p in (ROOT / "examples").iterdir() if p.is_dir()}
    test_modules = {
        p.stem.removeprefix("test_") for p in (ROOT / "tests" / "examples").glob("test_*.py")
    } - {"harness"}  # the one every examples session runs
    for kind, names in [
        ("page", pages),
        ("examples folder", folders),
        ("test module", test_modules),
    ]:
        orphans = sorted(names - slugs)
        assert not orphans, (
            f"{kind} without a tool in docs/data/comparison.yaml: {', '.join(orphans)}"
        )


@pytest.mark.parametrize("page", sorted((DOCS / "tools").glob("*.md")), ids=rel)
def test_tool_pages_have_the_required_sections_in_order(page):
    headings = re.findall(r"^## (.+?)\s*$", page.read_text(encoding="utf-8"), re.M)
    present = [h for h in headings if h in TOOL_SECTIONS]
    missing = [s for s in TOOL_SECTIONS if s not in headings and s not in OPTIONAL_SECTIONS]
    assert not missing, f"{rel(page)} lacks sections: {', '.join(missing)}"
    assert present == [s for s in TOOL_SECTIONS if s in present], (
        f"{rel(page)}: sections out of order: {present}"
    )


def test_no_locked_release_is_typed_into_prose(site):
    """Pages print the locked versions through generated blocks; a number typed by hand goes stale.

    A tool's or package's name followed by its locked release (`x.y` or `x.y.z`) counts as typed.
    Historical releases ("since Airflow 3.0") are fine.
    """
    stray = []
    for facts in site.tools.values():
        if facts.version is None:
            continue
        short = re.escape(".".join(facts.version.version.split(".")[:2]))
        names = "|".join(re.escape(n) for n in {facts.tool.name.split()[-1], facts.version.package})
        typed = re.compile(rf"(?:{names})\W{{1,3}}v?{short}(?:\.\d+)?(?![\w.])", re.I)
        for page in PAGES:
            for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
                if found := typed.search(line):
                    stray.append(f"{rel(page)}:{number}: {found[0]!r}")
    assert not stray, (
        "locked releases typed into pages (let a generated block print them):\n" + "\n".join(stray)
    )


def test_every_page_has_its_own_description():
    """Search results and link previews show it; the site-wide fallback says nothing of the page."""
    seen: dict[str, str] = {}
    for path in PAGES:
        front = re.match(r"^---\n(.*?)\n---\n", path.read_text(encoding="utf-8"), re.S)
        description = (yaml.safe_load(front[1]) or {}).get("description") if front else None
        assert description, f"{rel(path)}: add `description:` to its front matter"
        assert len(description) <= 160, f"{rel(path)}: description over 160 characters"
        assert description not in seen, (
            f"{rel(path)} repeats the description of {seen[description]}"
        )
        seen[description] = rel(path)
