"""MkDocs hook for `nox -s docs`: rebuild only the pages whose inputs changed.

`mkdocs serve --dirty` re-renders a page only when its Markdown file is newer than its built
HTML. A page also depends on files outside it: the examples it includes and the data, locks and
tests its generated blocks come from. fieldguide.extension records those for every page it
renders; before each rebuild, this hook marks a page stale (by removing its built HTML, which is
what --dirty looks at) when one of them changed since the page was last built. A full build
(`mkdocs build`, and Zensical) renders everything anyway, so this does nothing there.
"""

from __future__ import annotations

from pathlib import Path

from fieldguide.extension import DEPENDENCIES


def on_files(files, config, **_):
    for file in files.documentation_pages():
        built = Path(file.abs_dest_path)
        inputs = DEPENDENCIES.get(file.src_uri)
        if not inputs or not built.exists():
            continue
        stamp = built.stat().st_mtime_ns
        if any(_changed_after(path, stamp) for path in inputs):
            built.unlink()  # --dirty now sees the page as modified
    return files


def _changed_after(path: Path, stamp: int) -> bool:
    try:
        return path.stat().st_mtime_ns > stamp
    except FileNotFoundError:
        return True  # a removed input: rebuild, so the page says what is missing
