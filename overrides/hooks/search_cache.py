"""MkDocs hook: what Material's search reads of a page is read once, and again when the page changes.

Material's search plugin parses every page's HTML, tag by tag in Python, on every build, and
finds the same sections as the last build unless the page changed: 0.14 s of CPU of a 1.25 s
rebuild here, most of what a rebuild spent beyond a bare Material build. What it indexes of a page
(`SearchIndex.add_entry_from_context`) depends only on the page's HTML as the plugin reads it (its
listings set aside by `search_listings.py`), its URL, title, meta and table of contents, and the
plugin's settings and release. So the entries it adds are kept in `.cache/search-entries/`
beside mkdocs.yml, under a hash of all of them: an edited page, heading or setting is a new key,
read afresh. The index is then written, and split by `partial_search.py`, as before. A full build
removes the entries it did not use; a `--dirty` preview, which renders only some pages, keeps
them. Zensical runs no MkDocs hooks and indexes with its own search.
"""

from __future__ import annotations

import hashlib
import json

from fieldguide.entry_cache import EntryCache
from material import __version__ as material_version
from material.plugins.search import plugin as search_plugin

_add_entries = getattr(
    search_plugin.SearchIndex.add_entry_from_context,
    "__wrapped__",
    search_plugin.SearchIndex.add_entry_from_context,
)
_cache = EntryCache("search-entries")


def _toc(items) -> list:
    return [[a.id, a.title, a.url, a.level, _toc(a.children)] for a in items]


def entries_key(index: search_plugin.SearchIndex, page) -> str | None:
    """The hash that names a page's entries, or None if they must not be cached."""
    inputs = repr(
        [
            material_version,
            search_plugin.jieba is not None,  # segments Chinese text when installed
            sorted(index.config.items()),
            page.url,
            page.title,
            sorted((page.meta or {}).items()),
            _toc(page.toc),
            page.content,
        ]
    )
    if " at 0x" in inputs:  # an object's default repr changes from run to run: never a hit
        return None
    return hashlib.sha256(inputs.encode()).hexdigest()


def cached_add_entries(self: search_plugin.SearchIndex, page) -> None:
    key = entries_key(self, page) if _cache.folder is not None else None
    if key is None:
        return _add_entries(self, page)
    _cache.pages.add(page.file.src_uri)
    entry = _cache.entry(key)
    try:
        self.entries.extend(json.loads(entry.read_text(encoding="utf-8")))
        return
    except (FileNotFoundError, ValueError):
        pass
    before = len(self.entries)
    _add_entries(self, page)
    _cache.store(entry, json.dumps(self.entries[before:]))


cached_add_entries.__wrapped__ = _add_entries


def on_config(config):
    # Installed by each build, as the other cache hooks do: a copy of this file loaded from
    # another path (a copied project in the tests) must not leave its own wrapper in place.
    search_plugin.SearchIndex.add_entry_from_context = cached_add_entries
    _cache.start(config)
    return config


def on_files(files, config):
    _cache.site_has(files)
    return files


def on_post_build(config):
    """After a build that indexed every page, the entries no page used are stale: remove them."""
    _cache.finish()


def on_build_error(error):
    _cache.stop()
