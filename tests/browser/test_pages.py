"""Every page, in both colour schemes, on a desktop and a phone: no errors, nothing from another
host, nothing wider than the screen, and (on the desktop) no serious accessibility violation."""

from __future__ import annotations

import functools
import gzip
import json
from pathlib import Path

import pytest
from conftest import PREFIX, REPORT, ROOT, SITE, SIZES, shot, site_pages

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
STANDARDS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth, found = [];
  for (const el of document.querySelectorAll("body *")) {
    const box = el.getBoundingClientRect();
    if (!box.width || box.right <= width + 1 || getComputedStyle(el).visibility === "hidden") continue;
    let parent = el.parentElement, inside = false;
    while (parent && !inside) {  // a scrollable or clipping box that itself fits is fine
      const style = getComputedStyle(parent);
      inside = ["auto", "scroll", "hidden", "clip"].includes(style.overflowX)
        && parent.getBoundingClientRect().right <= width + 1;
      parent = parent.parentElement;
    }
    if (!inside) found.push(`${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`);
  }
  return found.slice(0, 5);
}"""


@functools.cache
def weight(path: Path) -> tuple[int, int]:
    """A published file's bytes, raw and gzip-compressed as GitHub Pages serves them."""
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=6))


def transferred(urls: list[str], base_url: str) -> tuple[int, int]:
    raw = compressed = 0
    for url in dict.fromkeys(urls):  # each file once, as a browser cache would
        rel = url.removeprefix(base_url).split("#")[0].split("?")[0]
        path = SITE / rel
        path = path / "index.html" if path.is_dir() else path
        if path.is_file():
            r, c = weight(path)
            raw, compressed = raw + r, compressed + c
    return raw, compressed


COLOUR_RULES = ["color-contrast", "link-in-text-block"]
"""The axe rules whose outcome depends on the colour scheme: the dark scheme runs only these, as
every other rule checks the document, which is the same in both (a third of the suite's time)."""


def axe(page, scheme: str) -> list[dict]:
    """The violations axe-core finds on the page, each with up to three of the elements at fault.

    Only violations are collected (`resultTypes`): axe still runs every rule on every element, but
    builds a selector for the first node of a passing or inapplicable rule only, not for all of
    them, which was most of its time on the long pages.
    """
    page.add_script_tag(path=str(AXE))
    only = {"type": "tag", "values": STANDARDS} if scheme == "light" else {"type": "rule", "values": COLOUR_RULES}  # fmt: skip
    options = {"runOnly": only, "resultTypes": ["violations"]}
    result = page.evaluate("(options) => axe.run(document, options)", options)
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"]), "help": v["help"],
         "where": [n["target"][0] for n in v["nodes"][:3]]}
        for v in result["violations"]
    ]  # fmt: skip


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", site_pages(), ids=lambda p: p.strip("/") or "home")
def test_page_reads_well(visit, base_url, path, scheme, size):
    seen = visit(path, scheme, size)
    page, name = seen.page, (path.strip("/") or "home").replace("/", "-")
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.dataset.mdColorScheme") == expected
    assert page.locator("h1").first.inner_text()
    shot(page, f"{name}-{scheme}-{size}")
    assert seen.console_errors == [], f"{path or 'home'}: console errors {seen.console_errors}"
    assert seen.foreign == [], f"{path or 'home'}: requested another host: {seen.foreign}"
    wide = page.evaluate(OVERFLOWING)
    assert wide == [], f"{path or 'home'} at {SIZES[size][0]} px: wider than the screen: {wide}"
    if size == "desktop":
        violations = axe(page, scheme)
        raw, compressed = transferred(seen.requests, base_url)
        REPORT[f"{path or 'home'} ({scheme})"] = {
            "requests": len(seen.requests), "bytes": raw, "gzip_bytes": compressed,
            "console_errors": len(seen.console_errors), "third_party_requests": len(seen.foreign),
            "axe": violations,
        }  # fmt: skip
        serious = [v for v in violations if v["impact"] in ("serious", "critical")]
        assert serious == [], f"{path or 'home'} ({scheme}): {json.dumps(serious, indent=1)}"


FAULTS = """() => {
  const faults = document.createElement("div");
  faults.innerHTML = '<p style="color:#777;background:#888">faint text</p>'
    + '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'.repeat(2);
  document.querySelector("article").prepend(faults);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_reports_what_is_wrong(visit, scheme):
    """Seeded faults are found, every element of them: two images without alt text (a rule the
    light run has, the dark run has not) and faint text, which fails contrast in either scheme."""
    page = visit("", scheme).page
    page.evaluate(FAULTS)
    found = {v["id"]: v["nodes"] for v in axe(page, scheme)}
    assert found.get("color-contrast") == 1
    assert found.get("image-alt") == (2 if scheme == "light" else None)


def test_every_page_was_checked():
    """The parametrized test ran on the built pages, not on an empty list."""
    assert len(site_pages()) >= 20
    assert "comparison/" in site_pages() and "concepts/caching/" in site_pages()


def test_prefix_is_the_sub_path():
    assert PREFIX == "/field-guide/"
