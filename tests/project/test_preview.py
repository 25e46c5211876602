"""The live preview rebuilds only what changed, and everything that shows a changed input."""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config


def dirty_build(project: Path) -> None:
    # Not strict: MkDocs warns about every dirty build, as `nox -s docs` shows.
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "out"), strict=False)
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)


def stamps(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("index.html")}


def test_an_edited_example_rebuilds_the_pages_that_show_it_and_no_other(project):
    dirty_build(project)
    site = project / "out"
    before = stamps(site)
    example = project / "examples" / "airflow" / "pipeline.py"
    example.write_text(example.read_text() + "# an edit that shows\n")
    dirty_build(project)
    after = stamps(site)
    rebuilt = sorted(page for page in after if after[page] != before[page])
    assert rebuilt == ["tools/airflow/index.html"]
    assert "an edit that shows" in (site / "tools" / "airflow" / "index.html").read_text()


def test_edited_data_rebuilds_every_page_that_shows_it(project):
    dirty_build(project)
    site = project / "out"
    before = stamps(site)
    data = project / "docs" / "data" / "comparison.yaml"
    data.write_text(data.read_text().replace("The established scheduler", "The well-established scheduler", 1))  # fmt: skip
    dirty_build(project)
    after = stamps(site)
    rebuilt = {page for page in after if after[page] != before[page]}
    assert {"index.html", "comparison/index.html", "tools/airflow/index.html"} <= rebuilt
    assert "reference/index.html" not in rebuilt  # it shows nothing from the data
    for page in ("index.html", "tools/airflow/index.html"):
        assert "The well-established scheduler" in (site / page).read_text()
