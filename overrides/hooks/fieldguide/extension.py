"""The Python-Markdown extension that fills each page's generated blocks, under any builder.

`mkdocs.yml` lists it under `markdown_extensions` as `fieldguide.extension`. MkDocs and Zensical
both run the Markdown extensions a configuration lists (Zensical runs no MkDocs hooks or
plugins), so the same generated content appears whichever builds the site. The extension runs
before `pymdownx.snippets`, so a block may include example files with `--8<--` lines.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from .layout import CONCEPT_PAGE, MARKER, ROOT, TOOL_PAGE

# fieldguide.facts and .markers (the data models, pydantic) are imported by the pages that need
# them, not here: a page without generated blocks, or a page from the page cache, loads no data.

try:  # MkDocs prints a BuildError as one line and stops; others print what they are given.
    from mkdocs.exceptions import BuildError as _BuilderError
except ImportError:  # pragma: no cover (Zensical installs MkDocs too, today)
    _BuilderError = Exception


class GuideError(_BuilderError):
    """The generated content cannot be rendered: every line says which file, and what to fix."""


DEPENDENCIES: dict[str, set[Path]] = {}
"""For each page rendered in this process, the files outside it that it shows: what a live
preview must watch to know the page is stale (see overrides/hooks/serve.py)."""

PAGES_WITH_REQUIRED_MARKERS = {
    "measured.md",
    "contributing.md",
    "index.md",
    "comparison.md",
    "choose.md",
    "lecture.md",
    "concepts/index.md",
}
INCLUDE = re.compile(r'^\s*--8<--\s+"(?P<path>[^":]+)(?::(?P<section>[\w-]+))?"\s*$')


def check_includes(lines: list[str], where: str, root: Path) -> set[Path]:
    """Every `--8<--` include names a file, and a section, that exist: said before snippets runs.

    Returns the files included.
    """
    included = set()
    for number, line in enumerate(lines, 1):
        match = INCLUDE.match(line)
        if not match:
            continue
        path = root / match["path"]
        fix = (
            "run its tool's session with -- --update-examples"
            if path.name.endswith(".output.txt")
            else "create it, or fix the path"
        )
        if not path.is_file():
            raise GuideError(
                f"{where}:{number}: includes {match['path']}, which does not exist: {fix}"
            )
        included.add(path)
        section = match["section"]
        if section and f"--8<-- [start:{section}]" not in path.read_text(encoding="utf-8"):
            raise GuideError(
                f"{where}:{number}: includes section '{section}' of {match['path']}, which has no `--8<-- [start:{section}]` line"
            )
    return included


def current_page(md: Markdown) -> tuple[str, Path | None] | None:
    """The page being converted: its source path under docs/, and the project it belongs to.

    None for a fragment (a docstring, say). Neither builder passes the page to extensions through
    a public interface: MkDocs registers its link rewriter, which holds the page's file and the
    configuration, as the `relpath` treeprocessor; Zensical registers a preprocessor that carries
    its page context. The parity session builds with both and compares every page.
    """
    if "relpath" in md.treeprocessors:
        relpath = md.treeprocessors["relpath"]
        file, config = getattr(relpath, "file", None), getattr(relpath, "config", None)
        if file is not None:
            path = getattr(config, "config_file_path", None) if config is not None else None
            return file.src_uri, Path(path).parent if path else None
    for processor in md.preprocessors:
        page = getattr(processor, "page", None)
        if type(processor).__name__ == "ContextPreprocessor" and page is not None:
            root = getattr(processor, "config", {}).get("root_dir")
            return Path(page.path).as_posix().removeprefix("docs/"), Path(root) if root else None
    return None


@functools.cache
def _checked(src: str, root: Path, _stamp: tuple[int, int]) -> None:
    """Check a page's source file for its required markers, once per version of the file."""
    from .facts import load_site
    from .markers import Page, check_required

    path = root / "docs" / src
    check_required(Page(src, load_site(root)), path.read_text(encoding="utf-8"))


class GuidePreprocessor(Preprocessor):
    def __init__(self, md: Markdown, root: Path):
        super().__init__(md)
        self.root = root

    def run(self, lines: list[str]) -> list[str]:
        src, root = current_page(self.md) or (None, None)
        self.root = root or self.root  # the builder's project, when it says which
        markdown = "\n".join(lines)
        may_require = src is not None and bool(
            TOOL_PAGE.match(src) or CONCEPT_PAGE.match(src) or src in PAGES_WITH_REQUIRED_MARKERS
        )
        if not may_require and not MARKER.search(markdown):
            included = check_includes(lines, f"docs/{src}" if src else "a Markdown fragment", self.root)  # fmt: skip
            if src:
                DEPENDENCIES.setdefault(src, set()).update(included)
            return lines  # most pages, and every docstring: nothing to load
        from .facts import SiteError, load_site, site_inputs
        from .markers import MarkerError, Page, render_markers

        try:
            page = Page(src, load_site(self.root)) if src else None
            if may_require:
                stat = (self.root / "docs" / src).stat()
                _checked(src, self.root, (stat.st_mtime_ns, stat.st_size))
            rendered = render_markers(markdown, page).split("\n")
        except (SiteError, MarkerError) as exc:
            raise GuideError(str(exc)) from None
        included = check_includes(rendered, f"docs/{src} (with its generated blocks)", self.root)
        if src:  # its generated blocks come from the site's data, locks and tests as well
            DEPENDENCIES.setdefault(src, set()).update(included, site_inputs(self.root))
        return rendered


class GuideExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"root": [str(ROOT), "The repository whose data and examples the site shows"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        root = Path(self.getConfig("root"))
        # Above pymdownx.snippets (32), so that generated `--8<--` lines are included.
        md.preprocessors.register(GuidePreprocessor(md, root), "fieldguide", 40)


def makeExtension(**kwargs) -> GuideExtension:
    return GuideExtension(**kwargs)
