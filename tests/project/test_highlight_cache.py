"""A listing's highlighted HTML is kept in .cache/highlight/, and an edited listing is highlighted afresh."""

from __future__ import annotations

import importlib.util
import json

from conftest import ROOT, edit_since_built, write
from markdown import Markdown
from mkdocs.commands.build import build
from mkdocs.config import load_config
from pymdownx.highlight import Highlight

HOOK = ROOT / "overrides" / "hooks" / "highlight_cache.py"


def make_site(project, pages: dict[str, str], *, hooked: bool = True) -> None:
    config = {
        "site_name": "t",
        "theme": {"name": "material"},
        "plugins": [],
        "markdown_extensions": [
            {"pymdownx.highlight": {"anchor_linenums": True}},
            "pymdownx.inlinehilite",
            "pymdownx.superfences",
        ],
        "hooks": [str(HOOK)] if hooked else [],
    }
    write(project / "mkdocs.yml", json.dumps(config))  # JSON is YAML
    for name, text in pages.items():
        write(project / "docs" / name, text)


def build_site(project, *, dirty: bool = False) -> None:
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")), dirty=dirty)


def page(project, name: str = "") -> str:
    return (project / "site" / name / "index.html").read_text()


def entries(project) -> set[str]:
    return {p.name for p in (project / ".cache" / "highlight").glob("*.json")}


def listing(body: str) -> str:
    return f"# Page\n\n```python\ndef {body}(): ...\n```\n"


def test_inline_code_and_blocks_are_what_pymdownx_writes_cached_or_not(tmp_path):
    inline = "Inline, `#!python inline_body()`, twice: `#!python inline_body()`."
    text = f"{listing('a_block')}\n{inline}\n"
    plain, cached = tmp_path / "plain", tmp_path / "cached"
    make_site(plain, {"index.md": text}, hooked=False)
    make_site(cached, {"index.md": text})
    build_site(plain)
    build_site(cached)
    assert len(entries(cached)) == 2  # the block, and the inline code (the same call twice)
    build_site(cached)  # now from the cache
    assert page(cached) == page(plain)
    assert page(cached).count('<code class="highlight"><span class="n">inline_body</span>') == 2


def test_the_page_is_what_pygments_writes_and_an_edit_is_highlighted_afresh(tmp_path):
    plain, cached = tmp_path / "plain", tmp_path / "cached"
    make_site(plain, {"index.md": listing("first_body")}, hooked=False)
    make_site(cached, {"index.md": listing("first_body")})
    build_site(plain)
    build_site(cached)
    assert page(cached) == page(plain)
    (entry,) = entries(cached)

    # The next build reads the entry instead of highlighting: what it holds is what the page shows.
    held = cached / ".cache" / "highlight" / entry
    held.write_text(held.read_text().replace("first_body", "read_from_the_cache"))
    build_site(cached)
    assert "read_from_the_cache" in page(cached)

    write(cached / "docs" / "index.md", listing("edited_body"))
    build_site(cached)
    shown = page(cached)
    assert "edited_body" in shown and "read_from_the_cache" not in shown
    assert entry not in entries(cached)  # a full build removed what no page uses any more
    assert len(entries(cached)) == 1


def test_a_dirty_preview_keeps_the_entries_of_the_pages_it_did_not_render(tmp_path):
    make_site(tmp_path, {"index.md": listing("home_body"), "other.md": listing("other_body")})
    build_site(tmp_path)
    before = entries(tmp_path)
    assert len(before) == 2

    edit_since_built(tmp_path, "other", listing("edited_body"))
    build_site(tmp_path, dirty=True)
    assert "edited_body" in page(tmp_path, "other")
    assert before < entries(tmp_path)  # the index page's entry, and the edited page's old one, kept


def hook_module():
    spec = importlib.util.spec_from_file_location("highlight_cache_under_test", HOOK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_key_names_the_listing_its_language_its_place_and_the_settings():
    key = hook_module().listing_key

    def highlighter(**settings) -> Highlight:
        return Highlight(Markdown(), anchor_linenums=True, **settings)

    first = key(highlighter(), ("x = 1\n", "python"), {})
    assert first == key(highlighter(), ("x = 1\n", "python"), {})  # the same, in any run
    assert first == key(highlighter(), ("x = 1\n",), {"language": "python", "inline": False})
    assert first != key(highlighter(), ("x = 2\n", "python"), {})
    assert first != key(highlighter(), ("x = 1\n", "text"), {})
    second_on_its_page = {"code_block_count": 1}
    assert first != key(highlighter(), ("x = 1\n", "python"), second_on_its_page)
    assert first != key(highlighter(), ("x = 1\n", "python"), {"inline": True})
    assert first != key(highlighter(linenums=True), ("x = 1\n", "python"), {})
    # An HTML title goes into the page's stash, which a cached entry would skip.
    assert key(highlighter(title_mode="html"), ("x = 1\n", "python"), {"title": "<b>t</b>"}) is None

    class Unhashable:
        pass  # its repr holds an address, which differs from run to run

    assert key(highlighter(), ("x = 1\n", "python"), {"attrs": {"data-x": Unhashable()}}) is None
