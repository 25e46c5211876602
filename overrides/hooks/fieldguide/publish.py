"""What gets published: `python -m fieldguide.publish SITE_DIR [--site-url URL]` after a build.

1. It removes what no reader's browser loads: source maps (and the comments pointing to them),
   the search's language files for languages other than English, the mkdocstrings stylesheet
   from every page that has no API reference on it.
2. It checks every internal link and `#anchor` in every page, whatever wrote it (Markdown, a
   theme template, a generated HTML block), and that nothing links to this machine. Each broken
   link is one line naming the page, its source file and the link; exit status 1 if any.
"""

from __future__ import annotations

import argparse
import functools
import posixpath
import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINKING = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}  # fmt: skip
LOCAL_HOSTS = re.compile(r"//(127\.0\.0\.1|localhost|0\.0\.0\.0)[:/]")
MKDOCSTRINGS_CSS = re.compile(r'\s*<link rel="stylesheet" href="[^"]*assets/_mkdocstrings\.css">')
SOURCE_MAP = re.compile(r"\n?/[/*]# sourceMappingURL=\S+?(\s*\*/)?\s*$")


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if attributes.get(name):
                self.ids.add(attributes[name])
        target = attributes.get(LINKING.get(tag, ""))
        if target:
            self.links.append(target)


@functools.cache
def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def prune(site: Path) -> list[str]:
    """Remove what no reader needs; return what was removed, relative to the site."""
    removed = []
    for path in sorted(site.rglob("*.map")):
        path.unlink()
        removed.append(path.relative_to(site).as_posix())
    for path in sorted(site.rglob("*")):
        if path.suffix in (".js", ".css") and path.is_file():
            text = path.read_text(encoding="utf-8", errors="surrogateescape")
            if SOURCE_MAP.search(text):
                path.write_text(
                    SOURCE_MAP.sub("", text), encoding="utf-8", errors="surrogateescape"
                )
    lunr = site / "assets" / "javascripts" / "lunr"
    if lunr.is_dir():  # English is built into the search worker; these are other languages'
        shutil.rmtree(lunr)
        removed.append("assets/javascripts/lunr/")
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        if MKDOCSTRINGS_CSS.search(html) and 'class="doc doc-' not in html:
            page.write_text(MKDOCSTRINGS_CSS.sub("", html), encoding="utf-8")
    return removed


def source_of(page: str) -> str:
    """The docs file a built page most likely came from, for the error message."""
    stem = page.removesuffix("index.html").rstrip("/")
    return f"docs/{stem}.md" if stem else "docs/index.md"


def canonical_url(site: Path) -> str | None:
    """The site's URL, as its home page's canonical link states it."""
    found = re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text(encoding="utf-8"))  # fmt: skip
    return found[1] if found else None


def check_links(site: Path, site_url: str | None = None, *, local: bool = False) -> list[str]:
    """One line per internal link or anchor that does not resolve, or that points at this machine
    (unless `local`: a build for tests on this machine)."""
    problems = []
    site_url = site_url.rstrip("/") + "/" if site_url else None
    base = urlsplit(site_url).path if site_url else "/"  # where the site lives on its host
    for path in sorted(site.rglob("*.html")):
        page = path.relative_to(site).as_posix()
        where = f"{page} (from {source_of(page)})"
        for link in _parse(path).links:
            if LOCAL_HOSTS.search(link) and not local:
                problems.append(f"{where}: links to this machine: {link}")
                continue
            parts = urlsplit(link)
            if site_url and link.startswith(site_url):  # the site's own absolute URL: check it too
                parts = urlsplit(base + link[len(site_url) :])
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "#!")):
                continue  # another site: not checked offline
            if not parts.path:
                target, resolved = path, page  # an anchor on this same page
            else:
                absolute = parts.path.startswith("/")
                inside = parts.path.removeprefix(base) if absolute else posixpath.join(posixpath.dirname(page), parts.path)  # fmt: skip
                resolved = posixpath.normpath(inside).removeprefix(".")
                target = site / unquote(resolved)
                target = target / "index.html" if target.is_dir() else target
            if not target.is_file():
                problems.append(f"{where}: link {link}: {resolved} does not exist")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html" and fragment not in _parse(target).ids:
                problems.append(f"{where}: link {link}: {target.relative_to(site).as_posix()} has no element with id '{fragment}'")  # fmt: skip
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fieldguide.publish", description=__doc__.splitlines()[0])  # fmt: skip
    parser.add_argument("site", type=Path)
    parser.add_argument("--local", action="store_true", help="a build for tests on this machine: links to it are fine")  # fmt: skip
    args = parser.parse_args(argv)
    removed = prune(args.site)
    problems = check_links(args.site, canonical_url(args.site), local=args.local)
    print(f"removed {len(removed)} files and folders no reader loads: {', '.join(removed[:3])}{' ...' if len(removed) > 3 else ''}")  # fmt: skip
    if problems:
        print(f"{len(problems)} broken links:", *problems, sep="\n")
        return 1
    pages = len(list(args.site.rglob("*.html")))
    print(f"every internal link and anchor of {pages} pages resolves")
    return 0


if __name__ == "__main__":
    sys.exit(main())
