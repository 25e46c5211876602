"""What is published: nothing a reader never loads, and no link or anchor that goes nowhere."""

from __future__ import annotations

from conftest import write
from fieldguide.publish import check_links, prune

PAGE = """<html><head><link rel="canonical" href="https://example.org/guide/{path}">
<link rel="stylesheet" href="{up}assets/_mkdocstrings.css"></head><body>
<h2 id="kept">Kept</h2>{body}</body></html>"""


def site_with(tmp_path, pages: dict[str, str]):
    site = tmp_path / "site"
    for path, body in pages.items():
        up = "../" * path.count("/")
        write(site / path, PAGE.format(path=path.removesuffix("index.html"), up=up, body=body))
    return site


def test_prune_leaves_out_source_maps_other_languages_and_unused_styles(tmp_path):
    site = site_with(
        tmp_path, {"index.html": "", "reference/index.html": '<div class="doc doc-object"></div>'}
    )
    write(
        site / "assets" / "javascripts" / "bundle.js", "x=1;\n//# sourceMappingURL=bundle.js.map\n"
    )
    write(site / "assets" / "javascripts" / "bundle.js.map", "{}")
    write(site / "assets" / "javascripts" / "lunr" / "min" / "lunr.de.min.js", "")
    removed = prune(site)
    assert removed == ["assets/javascripts/bundle.js.map", "assets/javascripts/lunr/"]
    assert (site / "assets" / "javascripts" / "bundle.js").read_text() == "x=1;"
    assert "_mkdocstrings.css" not in (site / "index.html").read_text()
    assert "_mkdocstrings.css" in (site / "reference" / "index.html").read_text()


def test_every_broken_link_or_anchor_is_one_line_naming_page_source_and_link(tmp_path):
    site = site_with(
        tmp_path,
        {
            "index.html": '<a href="tools/a/#kept">ok</a><a href="tools/a/#gone">anchor</a>',
            "tools/a/index.html": '<a href="../../">home</a><a href="../b/">missing page</a>'
            '<a href="#kept">same page</a><a href="https://other.example/x">elsewhere</a>'
            '<a href="http://127.0.0.1:8000/">preview</a>'
            '<a href="https://example.org/guide/tools/a/#nope">own site, absolute</a>',
        },
    )
    write(site / "assets" / "_mkdocstrings.css", "")
    assert check_links(site, "https://example.org/guide/") == [
        "index.html (from docs/index.md): link tools/a/#gone: tools/a/index.html has no element with id 'gone'",
        "tools/a/index.html (from docs/tools/a.md): link ../b/: tools/b does not exist",
        "tools/a/index.html (from docs/tools/a.md): links to this machine: http://127.0.0.1:8000/",
        "tools/a/index.html (from docs/tools/a.md): link https://example.org/guide/tools/a/#nope: tools/a/index.html has no element with id 'nope'",
    ]
    assert len(check_links(site, "https://example.org/guide/", local=True)) == 3
