"""MkDocs hooks: load the comparison data once per build; fill each page's generated blocks.

The work happens in the `fieldguide` package beside this file (MkDocs puts this folder on
`sys.path` while it imports a hook), which the unit tests import directly.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from fieldguide.model import DataError, load_comparison
from fieldguide.pages import DATA_FILE, MarkerError, PageContext, render_page
from fieldguide.render import ToolFacts
from fieldguide.sources import SourceError, locked_version, read_verification
from mkdocs.exceptions import PluginError

_state: dict = {}


def on_config(config, **_):
    root = Path(config.config_file_path).parent
    try:
        data = load_comparison(root / DATA_FILE, root=root, docs_dir=Path(config.docs_dir))
        facts = {
            t.slug: ToolFacts(t, locked_version(t, root), read_verification(t, root))
            for t in data.tools
        }
    except (DataError, SourceError) as exc:
        raise PluginError(str(exc)) from None
    _state.update(data=data, facts=facts)
    return config


def on_page_markdown(markdown, page, config, files, **_):
    src = page.file.src_uri

    def link(target: str) -> str:
        path, _, fragment = target.partition("#")
        relative = posixpath.relpath(path, posixpath.dirname(src) or ".")
        return relative + (f"#{fragment}" if fragment else "")

    def url(target: str) -> str:
        path, _, fragment = target.partition("#")
        file = files.get_file_from_path(path)
        if file is None:
            raise PluginError(f"docs/{src}: generated link to {path}, which is not in the site")
        return file.url_relative_to(page.file) + (f"#{fragment}" if fragment else "")

    ctx = PageContext(src, _state["data"], _state["facts"], link, url)
    if ctx.tool:
        page.meta["tool"] = ctx.tool  # main.html prints where the page's snippets live
    try:
        return render_page(markdown, ctx)
    except MarkerError as exc:
        raise PluginError(str(exc)) from None
