"""What the cache hooks (`page_cache.py`, `highlight_cache.py`, `search_cache.py`) keep alike.

Each keeps JSON entries in a folder under `.cache/` beside mkdocs.yml, named by a hash of what
made them. A build that went through every page has looked up every entry still of use, so it
removes the others; a `--dirty` preview, which goes through some pages only, keeps them all.
"""

from __future__ import annotations

import os
from pathlib import Path


class EntryCache:
    """One hook's folder of entries, and what the build running now has done with them."""

    def __init__(self, name: str):
        self.name = name
        self.folder: Path | None = None
        """`.cache/<name>/`, set only while a build of a site with the hook runs: another site
        (a copied project in the tests, loading this hook from another path) is not its business."""
        self.used: set[str] = set()
        """The entries this build looked up, by key."""
        self.pages: set[str] = set()
        """The pages this build went through, by `src_uri`."""
        self.all_pages: set[str] = set()
        """The pages the site has."""

    def start(self, config) -> Path:
        """At `on_config`: the folder beside this site's mkdocs.yml, made if missing."""
        self.folder = Path(config.config_file_path).resolve().parent / ".cache" / self.name
        self.folder.mkdir(parents=True, exist_ok=True)
        self.used.clear()
        self.pages.clear()
        return self.folder

    def site_has(self, files) -> None:
        """At `on_files`: the pages a whole build goes through."""
        self.all_pages = {f.src_uri for f in files.documentation_pages()}

    def entry(self, key: str) -> Path:
        """The entry's file, which this build now counts as used."""
        self.used.add(key)
        return self.folder / f"{key}.json"

    @staticmethod
    def store(entry: Path, text: str) -> None:
        """Write an entry whole or not at all, for a build running beside this one."""
        partial = entry.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(text, encoding="utf-8")
        partial.replace(entry)

    def finish(self, *patterns: str) -> None:
        """At `on_post_build`: after a build that went through every page, remove the files
        matching `patterns` (`*.json` unless given) whose key it did not look up."""
        if self.folder is not None and self.all_pages <= self.pages:
            for pattern in patterns or ("*.json",):
                for stale in self.folder.glob(pattern):
                    if stale.stem not in self.used:
                        stale.unlink(missing_ok=True)
        self.stop()

    def stop(self) -> None:
        """At `on_build_error` too: until the next build of a site with this hook."""
        self.folder = None
