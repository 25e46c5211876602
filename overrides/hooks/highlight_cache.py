"""MkDocs hook: a code listing is highlighted once, and again only when it or its options change.

Every build had Pygments turn about 230 listings (the examples, the concept cells, mkdocstrings'
signatures) into HTML: about 0.45 s of a 2.5 s build, producing what the last build produced.
What Pygments writes depends only on the listing's text, its lexer and the formatter's options
(which include the block's place on its page, for the line anchors). So the HTML is kept in
`.cache/highlight/` beside mkdocs.yml, under a hash of all of them and of Pygments' and
pymdownx's versions: an edited listing, a moved block or an upgrade is a new key, highlighted
afresh. Everything else a build does, link and anchor checks included, still runs on every page.
A full build removes the entries it did not use; a `--dirty` preview, which renders only some
pages, keeps them.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pygments
import pymdownx.highlight
from pymdownx.__meta__ import __version__ as pymdownx_version

# pymdownx's Highlight.highlight (fences, and mkdocstrings' signatures through it) calls this name.
_pygments_highlight = getattr(pymdownx.highlight.highlight, "__wrapped__", pymdownx.highlight.highlight)  # fmt: skip
_cache: Path | None = None  # set only while a build of a site with this hook runs
_used: set[str] = set()  # the keys this build looked up
_pages: set[str] = set()  # the pages this build rendered
_all_pages: set[str] = set()  # the pages it has


def _qualified(kind: type) -> str:
    return f"{kind.__module__}.{kind.__qualname__}"


def listing_key(code: str, lexer, formatter) -> str | None:
    """The hash that names a listing's HTML, or None if an option has no stable text to hash."""
    inputs = repr(
        [
            pygments.__version__,
            pymdownx_version,
            _qualified(type(lexer)),
            sorted(lexer.options.items()),
            [_qualified(type(f)) for f in lexer.filters],
            _qualified(type(formatter)),
            sorted(formatter.options.items()),
            code,
        ]
    )
    if " at 0x" in inputs:  # an object's default repr changes from run to run: never a hit
        return None
    return hashlib.sha256(inputs.encode()).hexdigest()


def cached_highlight(code: str, lexer, formatter) -> str:
    key = listing_key(code, lexer, formatter) if _cache else None
    if key is None:
        return _pygments_highlight(code, lexer, formatter)
    _used.add(key)
    entry = _cache / f"{key}.html"
    try:
        return entry.read_text(encoding="utf-8")
    except FileNotFoundError:
        pass
    html = _pygments_highlight(code, lexer, formatter)
    partial = entry.with_suffix(f".{os.getpid()}.tmp")
    partial.write_text(html, encoding="utf-8")
    partial.replace(entry)  # whole or absent, for a build running beside this one
    return html


cached_highlight.__wrapped__ = _pygments_highlight
pymdownx.highlight.highlight = cached_highlight


def on_config(config):
    global _cache
    _cache = Path(config.config_file_path).parent / ".cache" / "highlight"
    _cache.mkdir(parents=True, exist_ok=True)
    _used.clear()
    _pages.clear()
    return config


def on_files(files, config):
    _all_pages.clear()
    _all_pages.update(f.src_uri for f in files.documentation_pages())
    return files


def on_page_markdown(markdown, page, **_):
    _pages.add(page.file.src_uri)
    return markdown


def on_post_build(config):
    """After a build that rendered every page, the entries no page used are stale: remove them."""
    global _cache
    if _cache is not None and _all_pages <= _pages:
        for entry in _cache.glob("*.html"):
            if entry.stem not in _used:
                entry.unlink(missing_ok=True)
    _cache = None  # until the next build of a site with this hook: another site is not its business


def on_build_error(error):
    global _cache
    _cache = None
