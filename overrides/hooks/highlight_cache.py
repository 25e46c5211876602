"""MkDocs hook: a code listing is highlighted once, and again only when it or its options change.

Every build had pymdownx and Pygments turn about 240 listings (the examples, the concept cells,
mkdocstrings' signatures) into HTML: about 0.45 s of a 2.5 s build, producing what the last build
produced. Caching only Pygments' output still left 0.17 s a build in pymdownx choosing a lexer
(compiling its patterns, once a process) and building a formatter for every listing. What
pymdownx's `Highlight.highlight` returns depends only on its arguments (the listing's text, its
language, its place on the page, which line anchors would use) and the highlighter's settings; so its
HTML is kept in `.cache/highlight/` beside mkdocs.yml, under a hash of all of them and of
Pygments' and pymdownx's versions: an edited listing, a moved block, a changed option or an
upgrade is a new key, highlighted afresh. Everything else a build does, link and anchor checks
included, still runs on every page. A full build removes the entries it did not use; a `--dirty`
preview, which renders only some pages, keeps them. A page's keys are `page.highlight_keys`, which
the page cache (`page_cache.py`) keeps with the page, so a page it serves still uses its entries.
"""

from __future__ import annotations

import hashlib
import inspect
import json
from xml.etree import ElementTree

import pygments
from fieldguide.entry_cache import EntryCache
from pymdownx.__meta__ import __version__ as pymdownx_version
from pymdownx.highlight import Highlight

# Fences, inline code and mkdocstrings' signatures (its Highlighter subclass) all call this method.
_highlight = getattr(Highlight.highlight, "__wrapped__", Highlight.highlight)
_parameters = inspect.signature(_highlight)
_cache = EntryCache("highlight")
_current: set[str] | None = None  # the keys of the page being converted


def listing_key(highlighter: Highlight, args: tuple, kwargs: dict) -> str | None:
    """The hash that names a call's HTML, or None if the call must not be cached."""
    settings = {name: value for name, value in vars(highlighter).items() if name != "md"}
    if settings.get("title_mode") == "html" or any(isinstance(t, dict) for t in settings.get("auto_title_map", {}).values()):  # fmt: skip
        return None  # an HTML title goes into the page's own stash, which a cached entry skips
    call = _parameters.bind(highlighter, *args, **kwargs)
    call.apply_defaults()  # a default given or left out is the same call
    inputs = repr(
        [
            pygments.__version__,
            pymdownx_version,
            f"{type(highlighter).__module__}.{type(highlighter).__qualname__}",
            sorted(settings.items()),
            [(name, value) for name, value in call.arguments.items() if name != "self"],
        ]
    )
    if " at 0x" in inputs:  # an object's default repr changes from run to run: never a hit
        return None
    return hashlib.sha256(inputs.encode()).hexdigest()


def _stored(result: str | ElementTree.Element) -> str:
    if isinstance(result, str):  # a block: its HTML
        return json.dumps({"html": result})
    return json.dumps({"tag": result.tag, "attrib": result.attrib, "text": result.text})  # inline


def _restored(entry: str) -> str | ElementTree.Element:
    held = json.loads(entry)
    if "html" in held:
        return held["html"]
    element = ElementTree.Element(held["tag"], held["attrib"])
    element.text = held["text"]
    return element


def cached_highlight(self: Highlight, *args, **kwargs):
    key = listing_key(self, args, kwargs) if _cache.folder is not None else None
    if key is None:
        return _highlight(self, *args, **kwargs)
    if _current is not None:
        _current.add(key)
    entry = _cache.entry(key)
    try:
        return _restored(entry.read_text(encoding="utf-8"))
    except FileNotFoundError:
        pass
    result = _highlight(self, *args, **kwargs)
    _cache.store(entry, _stored(result))
    return result


cached_highlight.__wrapped__ = _highlight


def on_config(config):
    # Installed by each build, not on import: MkDocs loads a hook file once a process, and a
    # copy of this hook from another path (another site, a test) may have installed its own.
    Highlight.highlight = cached_highlight
    _cache.start(config)
    return config


def on_files(files, config):
    _cache.site_has(files)
    return files


def on_page_markdown(markdown, page, **_):
    global _current
    _cache.pages.add(page.file.src_uri)
    page.highlight_keys = _current = set()
    return markdown


def on_page_content(html, page, **_):
    global _current
    _cache.used.update(getattr(page, "highlight_keys", ()))  # also a page's from the page cache
    _current = None
    return html


def on_post_build(config):
    """After a build that rendered every page, the entries no page used are stale: remove them."""
    _cache.finish("*.json", "*.html")  # .html: an older format


def on_build_error(error):
    _cache.stop()
