"""A page's HTML is kept in .cache/pages/, and converted afresh when it or anything it shows changes."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, write
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

PAGE_CACHE = ROOT / "overrides" / "hooks" / "page_cache.py"
HIGHLIGHT_CACHE = ROOT / "overrides" / "hooks" / "highlight_cache.py"


@pytest.fixture(autouse=True)
def log_level():
    """Set the `mkdocs` logger's level: INFO as `mkdocs build` sets it, unless a test says otherwise.

    A test process otherwise leaves it to the root logger's WARNING.
    """
    logger = logging.getLogger("mkdocs")
    before = logger.level
    logger.setLevel(logging.INFO)
    yield logger.setLevel
    logger.setLevel(before)


def make_site(project: Path, pages: dict[str, str], *, cached: bool = True, **config) -> None:
    settings = {
        "site_name": "t",
        "theme": {"name": "material"},
        "plugins": [],
        "markdown_extensions": [
            {"toc": {"permalink": True}},
            "attr_list",
            "pymdownx.highlight",
            "pymdownx.superfences",
            {"pymdownx.snippets": {"base_path": [str(project)], "check_paths": True}},
            "fieldguide.extension",  # records what each page includes
        ],
        "hooks": [str(PAGE_CACHE), str(HIGHLIGHT_CACHE)] if cached else [str(HIGHLIGHT_CACHE)],
        "validation": {"links": {"anchors": "warn"}},  # as this site's mkdocs.yml has it
        **config,
    }
    write(project / "mkdocs.yml", json.dumps(settings))  # JSON is YAML
    for name, text in pages.items():
        write(project / "docs" / name, text)


def build_site(project: Path, site: str = "site") -> None:
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / site), strict=True))


def page(project: Path, name: str = "", site: str = "site") -> str:
    return (project / site / name / "index.html").read_text()


def entries(project: Path) -> dict[str, dict]:
    folder = project / ".cache" / "pages"
    return {p.name: json.loads(p.read_text()) for p in folder.glob("*.json")}


def built(project: Path, site: str = "site") -> dict[str, bytes]:
    folder = project / site
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}  # fmt: skip


# Not index.md: fieldguide.extension requires this site's generated blocks on it.
PAGES = {
    "first.md": (
        "# Home\n\n## A section\n\nSee [the other page](other.md#its-part).\n\n"
        '```python\n--8<-- "shown.py"\n```\n'
    ),
    "other.md": "# Other\n\n## Its part\n\nText.\n",
}


def test_a_rebuild_reads_each_page_from_the_cache_and_builds_the_same_site(tmp_path):
    plain, cached = tmp_path / "plain", tmp_path / "cached"
    for project, is_cached in ((plain, False), (cached, True)):
        make_site(project, PAGES, cached=is_cached)
        write(project / "shown.py", "def shown_body(): ...\n")
        build_site(project)
    assert len(entries(cached)) == 2
    build_site(cached)  # every page from the cache
    assert built(cached) == built(plain)

    # What the entry holds is what the page shows: the rebuild did read it.
    (name,) = [n for n, e in entries(cached).items() if "Its part" in e["content"]]
    held = cached / ".cache" / "pages" / name
    held.write_text(held.read_text().replace("Text.", "Read from the cache."))
    build_site(cached)
    assert "Read from the cache." in page(cached, "other")


def test_an_edited_page_or_included_file_is_converted_afresh(tmp_path):
    make_site(tmp_path, PAGES)
    shown = write(tmp_path / "shown.py", "def first_body(): ...\n")
    build_site(tmp_path)
    shown.write_text("def edited_body(): ...\n")
    build_site(tmp_path)
    assert "edited_body" in page(tmp_path, "first") and "first_body" not in page(tmp_path, "first")

    write(tmp_path / "docs" / "other.md", "# Other\n\n## Its part\n\nEdited text.\n")
    build_site(tmp_path)
    assert "Edited text." in page(tmp_path, "other")
    assert len(entries(tmp_path)) == 2  # the full build removed the entries no page uses


def test_a_page_that_warned_is_never_kept_so_every_strict_build_fails(tmp_path):
    make_site(tmp_path, {"first.md": "# Home\n\n[Broken](missing.md)\n", "other.md": "# Other\n"})
    for _ in range(2):
        with pytest.raises(Abort):
            build_site(tmp_path)
        assert [e["title"] for e in entries(tmp_path).values()] == ["Other"]


def test_an_anchor_removed_from_a_page_fails_the_cached_page_that_links_to_it(tmp_path):
    make_site(tmp_path, PAGES)
    write(tmp_path / "shown.py", "x = 1\n")
    build_site(tmp_path)
    write(tmp_path / "docs" / "other.md", "# Other\n\n## Renamed part\n")
    with pytest.raises(Abort):
        build_site(tmp_path)  # the first page, unchanged, came from the cache: its link is checked


def test_a_quiet_build_writes_no_entry(tmp_path, log_level):
    log_level(logging.ERROR)  # as `mkdocs build -q` sets it
    make_site(tmp_path, {"first.md": "# Home\n\n[Broken](missing.md)\n"})
    build_site(tmp_path)  # -q drops the warning, so strict mode cannot see it either
    assert entries(tmp_path) == {}


def test_headings_of_a_cached_page_still_resolve_cross_references(tmp_path):
    pages = {"first.md": "# Home\n\nSee [the target][target-heading].\n", "other.md": "# Other\n\n## Target heading\n"}  # fmt: skip
    make_site(tmp_path, pages, plugins=["autorefs"])
    build_site(tmp_path)
    build_site(tmp_path)  # strict: an unresolved reference would fail it
    assert len(entries(tmp_path)) == 2
    assert 'href="../other/#target-heading"' in page(tmp_path, "first")


def test_a_page_with_mkdocstrings_output_is_converted_every_build(tmp_path):
    write(tmp_path / "documented.py", '"""A module."""\n\n\ndef documented_function():\n    """It does a thing."""\n')  # fmt: skip
    handlers = {"python": {"paths": [str(tmp_path)]}}
    pages = {"first.md": "# Home\n", "reference.md": "# Reference\n\n::: documented\n"}
    make_site(tmp_path, pages, plugins=["search", {"mkdocstrings": {"handlers": handlers}}])
    build_site(tmp_path)
    assert [e["title"] for e in entries(tmp_path).values()] == ["Home"]
    assert "documented_function" in page(tmp_path, "reference")


def test_the_listings_of_a_cached_page_keep_their_highlight_entries(tmp_path):
    make_site(tmp_path, PAGES)
    write(tmp_path / "shown.py", "def kept_body(): ...\n")
    build_site(tmp_path)
    listings = set((tmp_path / ".cache" / "highlight").glob("*.json"))
    assert listings
    build_site(tmp_path)  # the page from the cache highlights nothing, but uses its listing
    assert set((tmp_path / ".cache" / "highlight").glob("*.json")) == listings


def test_this_site_rebuilt_from_the_cache_is_the_site_built_afresh_and_shows_every_edit(project):
    build_site(project)
    build_site(project)  # every page but the data reference from the cache
    warm = built(project)
    shutil.rmtree(project / ".cache")
    build_site(project)
    assert built(project) == warm

    data = project / "docs" / "data" / "comparison.yaml"
    data.write_text(data.read_text().replace("The established scheduler", "The well-established scheduler", 1))  # fmt: skip
    example = project / "examples" / "airflow" / "pipeline.py"
    example.write_text(example.read_text() + "# an edit that shows\n")
    build_site(project)
    for shown in ("", "tools/airflow"):
        assert "The well-established scheduler" in page(project, shown)
    assert "an edit that shows" in page(project, "tools/airflow")
