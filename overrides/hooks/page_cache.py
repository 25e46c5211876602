"""MkDocs hook: a page is converted from Markdown once, and again only when what it shows changes.

Every rebuild converted all 28 pages again, generated blocks and all, to the HTML the last build
made: about 1.0 s of CPU, and most of what this site costs over a bare Material build. What
converting a page gives MkDocs depends on its Markdown, the configuration and the packages
installed, this project's hooks (the generated blocks' code), the site's files (links are checked
and rewritten against them), and the files outside the page that it shows: the examples it
includes, and the data, locks and tests its generated blocks come from, which
`fieldguide.extension` records as it renders (`DEPENDENCIES`, which the preview's hook reads too).

So an entry in `.cache/pages/` beside mkdocs.yml is named by a hash of the page's Markdown and of
all that the site shares, and holds a hash of every file the page showed. It keeps everything
conversion hands to MkDocs and its plugins: the HTML, the table of contents, the title, the
anchors the page has and the links it makes to other pages' anchors (MkDocs checks those after
every build, cached pages included), the headings it registered with autorefs, and the listings'
entries in the highlight cache (`page.highlight_keys`, which `highlight_cache.py` keeps).

Never kept, so converted on every build:
- a page whose conversion logged anything: a broken link must fail every strict build, not the
  first one only (and a build that would not see such messages, `-q` or `-v`, writes no entry);
- a page with mkdocstrings' output (the data reference): its objects reach autorefs and the
  inventory by ways this hook does not replay.

A full build removes the entries it did not use; a `--dirty` preview, which renders only some
pages, keeps them. A fresh clone, and CI, convert every page.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from pathlib import Path

import mkdocs
from fieldguide.entry_cache import EntryCache
from fieldguide.extension import DEPENDENCIES
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

_convert = getattr(Page.render, "__wrapped__", Page.render)
_MKDOCSTRINGS = re.compile(r'class="doc doc-')
_ENV = re.compile(r"!ENV\s*\[?\s*([A-Za-z_][A-Za-z0-9_]*)")
_HOOKS = Path(__file__).resolve().parent  # this project's hooks and the fieldguide package

_cache = EntryCache("pages")
_root: Path = Path()
_shared = ""  # the hash of what every page's HTML depends on alike
_digests: dict[Path, str] = {}  # each input file's hash, once a build


# What generated blocks read beyond the files they include: the data, the examples (a lecture's code
# is compared with its file, a concept's cell files are listed), the tests and the locks. Hashing
# them all takes about 10 ms; an edit to any of them converts every page again, as before.
_SHOWN = ("docs/data", "examples", "tests/examples")
_LOCKS = ("uv.lock", "package-lock.json")
_NOT_SOURCES = {"node_modules", "__pycache__", "site", "screenshots"}


def shared_key(config, files) -> str:
    """The hash of what every page's conversion depends on, besides its own Markdown and inputs."""
    text = Path(config.config_file_path).read_text(encoding="utf-8")
    shown = [p for folder in _SHOWN for p in (_root / folder).rglob("*") if p.is_file()]
    parts = [
        text,
        sorted((name, os.environ.get(name)) for name in set(_ENV.findall(text))),
        sorted(p.name for p in Path(mkdocs.__file__).parents[1].glob("*.dist-info")),  # versions
        _digests_of(p for p in _HOOKS.rglob("*") if p.is_file() and "__pycache__" not in p.parts),
        _digests_of([*shown, *(_root / name for name in _LOCKS)]),
        sorted((f.src_uri, f.dest_uri, f.url, str(f.inclusion)) for f in files),
        _repository_files(Path(config.site_dir).resolve()),  # evidence may name any of them
    ]
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _digests_of(paths) -> list[tuple[str, str]]:
    return sorted((_relative(p), _digest(p)) for p in paths)


def _repository_files(site_dir: Path) -> list[str]:
    """Every file's path in the project, outside what builds and tools write."""
    found = []
    for folder, names, files in os.walk(_root):
        names[:] = [n for n in names if n not in _NOT_SOURCES and not (n.startswith(".") and n not in (".github", ".ci")) and Path(folder, n) != site_dir]  # fmt: skip
        found += [_relative(Path(folder, n)) for n in files]
    return sorted(found)


def page_key(page: Page) -> str:
    parts = [_shared, page.file.src_uri, repr(sorted((page.meta or {}).items())), page.markdown]
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _digest(path: Path) -> str:
    """A file's hash, read once a build: the shared key and the pages' inputs name the same files."""
    if path not in _digests:
        try:
            _digests[path] = hashlib.sha256(path.read_bytes()).hexdigest()
        except FileNotFoundError:
            _digests[path] = "absent"
    return _digests[path]


def _relative(path: Path) -> str:
    path = Path(os.path.abspath(path))
    return path.relative_to(_root).as_posix() if path.is_relative_to(_root) else str(path)


def _toc(items) -> list[dict]:
    return [{"level": a.level, "id": a.id, "name": a.title, "children": _toc(a.children)} for a in items]  # fmt: skip


def _keeps_entries() -> bool:
    """Whether this build may write entries: only if it would have seen the page's messages.

    `mkdocs build -q` drops messages below errors before any handler sees them, a broken link's
    warning included, and `-v` skips collecting the links to other pages' anchors: such builds
    read entries but write none.
    """
    return logging.getLogger("mkdocs").isEnabledFor(logging.INFO) and _collects_anchor_links()


def _collects_anchor_links() -> bool:
    """Whether MkDocs records a page's links to other pages' anchors (not under `-v`)."""
    return logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG


class _Logged(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        if record.levelno >= logging.INFO:
            self.records.append(record)


def _restore(page: Page, entry: dict, files, config) -> None:
    page.content = entry["content"]
    page.toc = get_toc(entry["toc"])
    page._title_from_render = entry["title"]
    page.present_anchor_ids = set(entry["anchors"])
    if _collects_anchor_links():
        page.links_to_anchors = {files.get_file_from_path(src): links for src, links in entry["links_to_anchors"].items()}  # fmt: skip
    autorefs = config.plugins.get("autorefs")
    for identifier, anchor, title, primary in entry["autorefs"] if autorefs else ():
        autorefs.register_anchor(page, identifier, anchor, title=title, primary=primary)
    page.highlight_keys = set(entry["highlight"])
    DEPENDENCIES.setdefault(page.file.src_uri, set()).update(_root / name for name in entry["inputs"])  # fmt: skip


def cached_convert(self: Page, config, files) -> None:
    if _cache.folder is None:
        return _convert(self, config, files)
    entry_path = _cache.entry(page_key(self))
    try:
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        entry = None
    if entry is not None and all(_digest(_root / n) == d for n, d in entry["inputs"].items()):
        return _restore(self, entry, files, config)

    logged, registered = _Logged(), []
    autorefs = config.plugins.get("autorefs")
    if autorefs is not None:

        def register_anchor(page, identifier, anchor=None, *, title=None, primary=True):
            if page is self:
                registered.append([identifier, anchor, title, primary])
            type(autorefs).register_anchor(autorefs, page, identifier, anchor, title=title, primary=primary)  # fmt: skip

        autorefs.register_anchor = register_anchor
    logging.getLogger("mkdocs").addHandler(logged)
    try:
        _convert(self, config, files)
    finally:
        logging.getLogger("mkdocs").removeHandler(logged)
        if autorefs is not None:
            del autorefs.register_anchor
    if logged.records or _MKDOCSTRINGS.search(self.content) or not _keeps_entries():
        return  # converted again next build: see the module's docstring
    inputs = {_relative(p) for p in DEPENDENCIES.get(self.file.src_uri, ())}
    entry = {
        "inputs": {name: _digest(_root / name) for name in sorted(inputs)},
        "content": self.content,
        "toc": _toc(self.toc),
        "title": self._title_from_render,
        "anchors": sorted(self.present_anchor_ids),
        "links_to_anchors": {f.src_uri: links for f, links in self.links_to_anchors.items()},
        "autorefs": registered,
        "highlight": sorted(getattr(self, "highlight_keys", ())),
    }
    _cache.store(entry_path, json.dumps(entry))


cached_convert.__wrapped__ = _convert


def on_config(config):
    global _root
    Page.render = cached_convert  # by each build, as highlight_cache.py installs its wrapper
    _root = Path(config.config_file_path).resolve().parent
    _cache.start(config)
    _digests.clear()
    return config


def on_files(files, config):
    global _shared
    _shared = shared_key(config, files)
    _cache.site_has(files)
    return files


def on_page_markdown(markdown, page, **_):
    _cache.pages.add(page.file.src_uri)
    return markdown


def on_post_build(config):
    """After a build that converted every page, the entries no page used are stale: remove them."""
    _cache.finish()


def on_build_error(error):
    _cache.stop()
