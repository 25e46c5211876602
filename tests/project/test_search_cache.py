"""What Material's search reads of a page is kept in .cache/search-entries/, and read afresh when the page changes."""

from __future__ import annotations

import json

from conftest import ROOT, edit_since_built, write
from mkdocs.commands.build import build
from mkdocs.config import load_config

HOOK = ROOT / "overrides" / "hooks" / "search_cache.py"


def make_site(project, pages: dict[str, str], *, hooked: bool = True) -> None:
    config = {
        "site_name": "t",
        "theme": {"name": "material"},
        "plugins": ["search"],
        "hooks": [str(HOOK)] if hooked else [],
    }
    write(project / "mkdocs.yml", json.dumps(config))  # JSON is YAML
    for name, text in pages.items():
        write(project / "docs" / name, text)


def build_site(project, *, dirty: bool = False) -> None:
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")), dirty=dirty)


def index(project) -> list[dict]:
    return json.loads((project / "site" / "search" / "search_index.json").read_text())["docs"]


def entries(project) -> set[str]:
    return {p.name for p in (project / ".cache" / "search-entries").glob("*.json")}


def text(words: str) -> str:
    return f"# A page\n\nIts {words}.\n\n## A section\n\nMore {words}, in a section.\n"


def test_the_index_is_what_the_search_plugin_writes_cached_or_not(tmp_path):
    pages = {"index.md": text("home words"), "other.md": text("other words") + "\n`inline()`\n"}
    plain, cached = tmp_path / "plain", tmp_path / "cached"
    make_site(plain, pages, hooked=False)
    make_site(cached, pages)
    build_site(plain)
    build_site(cached)
    assert len(entries(cached)) == 2  # one a page
    build_site(cached)  # now from the cache
    assert index(cached) == index(plain)
    assert {entry["location"] for entry in index(cached)} == {
        "",
        "#a-section",
        "other/",
        "other/#a-section",
    }


def test_a_rebuild_reads_the_entries_and_an_edited_page_is_read_afresh(tmp_path):
    make_site(tmp_path, {"index.md": text("first words")})
    build_site(tmp_path)
    (entry,) = entries(tmp_path)

    # The next build reads the entry instead of the page: what it holds is what the index has.
    held = tmp_path / ".cache" / "search-entries" / entry
    held.write_text(held.read_text().replace("first words", "read from the cache"))
    build_site(tmp_path)
    assert "More read from the cache, in a section." in [e["text"] for e in index(tmp_path)][1]

    write(tmp_path / "docs" / "index.md", text("edited words"))
    build_site(tmp_path)
    texts = " ".join(e["text"] for e in index(tmp_path))
    assert "edited words" in texts and "read from the cache" not in texts
    assert entry not in entries(tmp_path)  # a full build removed what no page uses any more
    assert len(entries(tmp_path)) == 1


def test_a_dirty_preview_keeps_the_entries_of_the_pages_it_did_not_render(tmp_path):
    make_site(tmp_path, {"index.md": text("home words"), "other.md": text("other words")})
    build_site(tmp_path)
    before = entries(tmp_path)
    assert len(before) == 2

    edit_since_built(tmp_path, "other", text("edited words"))
    build_site(tmp_path, dirty=True)
    assert before < entries(tmp_path)  # the index page's entry, and the edited page's old one, kept
