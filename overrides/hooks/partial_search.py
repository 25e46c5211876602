"""MkDocs hook: the search downloads the parts of the index a query needs, not the whole index.

After the build, fieldguide.search splits Material's `search/search_index.json` into a small
index (locations and titles), the terms by their first letter and each page's text. Every
page's theme configuration then names the site's worker (`docs/assets/javascripts/workers/
search.js`), which answers from those parts, in place of the theme's, which needs the whole
index; the theme's worker is left out of the site. The last split is kept in `.cache/search/`,
and a build whose index is the same copies it. Zensical runs no MkDocs hooks and keeps its own
search.
"""

from __future__ import annotations

import re
from pathlib import Path

from fieldguide.search import split_index
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

THEME_WORKER = re.compile(
    r'("search": "[^"]*assets/javascripts/workers/)search\.[0-9a-f]+\.min\.js"'
)
SITE_WORKER = r'\1search.js"'


def _swap_worker(output: str, where: str) -> str:
    swapped, count = THEME_WORKER.subn(SITE_WORKER, output)
    if count != 1 and 'id="__config"' in output:
        raise PluginError(
            f"{where}: expected the theme's configuration to name its search worker "
            f"(assets/javascripts/workers/search.<hash>.min.js) once, found it {count} times. "
            "The theme changed how it starts its search: update overrides/hooks/partial_search.py."
        )
    return swapped


def on_post_page(output, page, config):
    return _swap_worker(output, page.file.src_uri)


def on_post_template(output_content, template_name, config):
    return _swap_worker(output_content, template_name)  # 404.html


@event_priority(-100)  # after Material's search plugin writes the index
def on_post_build(config):
    site = Path(config.site_dir)
    cache = Path(config.config_file_path).resolve().parent / ".cache" / "search"
    if not split_index(site, cache):
        raise PluginError(f"{site}/search/search_index.json: not written; is the search plugin on in mkdocs.yml?")  # fmt: skip
    for worker in (site / "assets" / "javascripts" / "workers").glob("search.*.min.js*"):
        worker.unlink()  # the theme's, and its source map: no page names it now
