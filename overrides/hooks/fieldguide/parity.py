"""Do two builds of the site say the same thing? `python -m fieldguide.parity MKDOCS_SITE OTHER_SITE`.

Each page's main content (the `<article>` of the theme) is reduced to its text, whitespace
collapsed, and compared; theme chrome (navigation, header, footer, search) is ignored. A page
that only one build has is a difference too. Exits 1 with one line per difference, and a short
diff of the text for each page that differs.
"""

from __future__ import annotations

import difflib
import sys
from html.parser import HTMLParser
from pathlib import Path

SKIPPED = {"script", "style", "template"}
"""Elements whose content a reader does not read as text."""
DECORATION = {"headerlink", "md-content__button", "md-source-file"}
"""Classes of elements that are the theme's, inside the article: permalinks, edit buttons."""


class _ArticleText(HTMLParser):
    """Collects the text inside the page's first `<article>`, minus decoration."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # >0 inside the article
        self.hidden: list[int] = []  # depths at which skipped elements opened
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        classes = set((dict(attrs).get("class") or "").split())
        if tag == "article" and self.depth == 0 and not self.parts:
            self.depth = 1
            return
        if self.depth:
            self.depth += tag not in _VOID
            if tag in SKIPPED or classes & DECORATION:
                self.hidden.append(self.depth)

    def handle_endtag(self, tag):
        if self.depth and tag not in _VOID:
            if self.hidden and self.hidden[-1] == self.depth:
                self.hidden.pop()
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.hidden:
            self.parts.append(data)


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}  # fmt: skip


def article_text(html: str) -> str:
    parser = _ArticleText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def pages(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html"))}


def differences(first: Path, second: Path) -> list[str]:
    """One entry per difference between two built sites, each naming the page."""
    a, b = pages(first), pages(second)
    found = [f"{page}: only in {first.name}" for page in sorted(a.keys() - b.keys())]
    found += [f"{page}: only in {second.name}" for page in sorted(b.keys() - a.keys())]
    for page in sorted(a.keys() & b.keys()):
        ta = article_text(a[page].read_text(encoding="utf-8"))
        tb = article_text(b[page].read_text(encoding="utf-8"))
        if ta != tb:
            diff = difflib.unified_diff(_sentences(ta), _sentences(tb), first.name, second.name, n=0, lineterm="")  # fmt: skip
            found.append(f"{page}: main content differs\n" + "\n".join(list(diff)[2:12]))
    return found


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in text.replace(". ", ".\n").splitlines()]


def main(argv: list[str] | None = None) -> int:
    first, second = (Path(p) for p in (argv or sys.argv[1:]))
    found = differences(first, second)
    compared = len(pages(first).keys() & pages(second).keys())
    if found:
        print(f"{len(found)} differences between {first} and {second}:", *found, sep="\n")
        return 1
    print(f"{compared} pages, the same main content in {first} and {second}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
