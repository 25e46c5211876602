"""The search index in parts: every section can still be found, and read back as it was."""

from __future__ import annotations

import gzip
import json
import re

import pytest
from conftest import ROOT, write
from fieldguide import search
from fieldguide.search import documents, file_name, split, split_index
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

SEPARATOR = r"[\s\-]+"
DOCS = [
    {"location": "concepts/retries/", "title": "Retries", "text": "<p>Set <code>retries=2</code> \u2014 twice.</p>\n   <p>Then it runs.</p> "},
    {"location": "concepts/retries/#kubeflow", "title": "Kubeflow", "text": "<p>Call <code>dsl.ParallelFor</code>; retries are per task.</p>"},
    {"location": "tools/tekton/", "title": "Tekton &amp; Pipelines", "text": "<p>A Task retries its steps.</p>"},
]  # fmt: skip
INDEX = {"config": {"lang": ["en"], "separator": SEPARATOR, "fields": {"title": {"boost": 1000.0}}}, "docs": DOCS}  # fmt: skip


def test_words_are_lower_case_without_tags_stop_words_or_edge_punctuation():
    assert search.words("<p>Set <code>retries=2</code> on the Task, twice.</p>", SEPARATOR) == [
        "set", "retries=2", "retries", "2", "task", "twice"
    ]  # fmt: skip


def test_a_dotted_name_is_found_whole_and_by_its_parts():
    assert search.words("<code>dsl.ParallelFor</code>", SEPARATOR) == ["dsl.parallelfor", "dsl", "parallelfor"]  # fmt: skip


def test_every_term_is_in_the_part_its_first_letter_names_with_its_counts():
    small, parts = split(INDEX)
    version = small["config"]["parts"]["path"].removeprefix("search/")
    shard = json.loads(parts[f"{version}terms/{file_name('r')}"])
    # [section, times in its title, times in its text]
    assert shard["retries"] == [[0, 1, 1], [1, 0, 1], [2, 0, 1]]
    assert shard["retries=2"] == [[0, 0, 1]]
    assert json.loads(parts[f"{version}terms/{file_name('p')}"])["parallelfor"] == [[1, 0, 1]]
    assert json.loads(parts[f"{version}terms/{file_name('p')}"])["pipelines"] == [[2, 1, 0]]
    assert all(term.startswith(key) for key in small["config"]["parts"]["keys"]
               for term in json.loads(parts[f"{version}terms/{file_name(key)}"]))  # fmt: skip


def test_the_small_index_has_titles_and_locations_only_and_the_text_sizes(tmp_path):
    small, parts = split(INDEX)
    assert small["docs"] == [
        {"location": "concepts/retries/", "title": "Retries", "page": 0},
        {"location": "concepts/retries/#kubeflow", "title": "Kubeflow", "page": 0},
        {"location": "tools/tekton/", "title": "Tekton &amp; Pipelines", "page": 1},
    ]
    sizes = small["config"]["parts"]["text_bytes"]
    version = small["config"]["parts"]["path"].removeprefix("search/")
    assert sizes == [len(gzip.compress(parts[f"{version}text/{n}.json"].encode(), 6)) for n in (0, 1)]  # fmt: skip
    assert small["config"]["separator"] == SEPARATOR  # the theme's own settings pass through


def test_split_writes_parts_that_read_back_as_the_index_compacted(tmp_path):
    site = tmp_path / "site"
    write(site / "search" / "search_index.json", json.dumps(INDEX))
    write(site / "search" / "0123456789" / "terms" / "old.json", "{}")  # an earlier build's
    assert split_index(site)
    assert [d.name for d in (site / "search").iterdir() if d.is_dir()] == [
        json.loads((site / "search" / "search_index.json").read_text())["config"]["parts"]["path"].split("/")[1]
    ]  # fmt: skip
    read_back = documents(site)
    assert [d["location"] for d in read_back] == [d["location"] for d in DOCS]
    assert read_back[0]["text"] == "<p>Set <code>retries=2</code> \u2014 twice.</p> <p>Then it runs.</p>"  # fmt: skip
    assert "\\u2014" not in (site / "search" / "search_index.json").read_text()
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    assert split_index(site) and sorted(p.relative_to(site) for p in site.rglob("*")) == before


def test_the_parts_move_to_a_new_folder_when_the_text_changes():
    changed = {**INDEX, "docs": [*DOCS[:2], {**DOCS[2], "text": "<p>A Task retries.</p>"}]}
    assert split(INDEX)[0]["config"]["parts"]["path"] == split(INDEX)[0]["config"]["parts"]["path"]
    assert (
        split(INDEX)[0]["config"]["parts"]["path"] != split(changed)[0]["config"]["parts"]["path"]
    )


def test_a_first_search_downloads_less_than_the_whole_index_but_all_it_may_need(tmp_path):
    site = tmp_path / "site"
    write(site / "search" / "search_index.json", json.dumps(INDEX))
    split_index(site)
    small = json.loads((site / "search" / "search_index.json").read_text())["config"]["parts"]
    one, two = search.most_a_search_downloads(site, 1), search.most_a_search_downloads(site, 2)
    assert one < two  # a second word reads its own parts
    assert one >= small["text_budget"] + len(gzip.compress((site / "search" / "search_index.json").read_bytes(), 6))  # fmt: skip


def build_site(tmp_path, main_html: str | None = None):
    """A two-page Material site with the search hook; main_html overrides the theme's templates,
    as a theme that changed would write them."""
    config = {
        "site_name": "t",
        "theme": {"name": "material", **({"custom_dir": "theme"} if main_html else {})},
        "plugins": ["search"],
        "hooks": [str(ROOT / "overrides" / "hooks" / "partial_search.py")],
    }
    if main_html:
        write(tmp_path / "theme" / "main.html", main_html)
    write(tmp_path / "docs" / "index.md", "# Home\n\nRetries, twice.\n")
    write(tmp_path / "docs" / "tekton.md", "# Tekton\n\n## Steps\n\nA Task retries its steps.\n")
    write(tmp_path / "mkdocs.yml", json.dumps(config))  # JSON is YAML
    build(load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    return tmp_path / "site"


def test_every_page_names_the_site_worker_and_the_theme_worker_is_gone(tmp_path):
    site = build_site(tmp_path)
    for page in ("index.html", "tekton/index.html", "404.html"):
        assert '/workers/search.js"' in (site / page).read_text(), page
    assert not list(
        (site / "assets" / "javascripts" / "workers").iterdir()
    )  # the site's is in docs/
    assert [d["location"] for d in documents(site)] == ["", "tekton/", "tekton/#steps"]


def test_a_theme_that_names_its_worker_otherwise_fails_the_build_saying_where(tmp_path, caplog):
    changed = """{% extends "base.html" %}{% block config %}
<script id="__config" type="application/json">{"search": "assets/search-worker.js"}</script>
{% endblock %}"""
    with pytest.raises(Abort):
        build_site(tmp_path, changed)
    assert re.search(r"(404\.html|index\.md): expected the theme's configuration to name its "
                     r"search worker .* found it 0 times\. .*update overrides/hooks/partial_search\.py", caplog.text)  # fmt: skip


def test_an_index_split_before_is_copied_from_the_cache_and_a_changed_one_is_split(tmp_path, monkeypatch):  # fmt: skip
    cache = tmp_path / "cache"

    def built(name: str, index: dict):
        site = tmp_path / name
        write(site / "search" / "search_index.json", json.dumps(index))
        return site

    first = built("first", INDEX)
    assert split_index(first, cache)
    calls = []
    monkeypatch.setattr(search, "split", lambda data: calls.append(data) or split(data))
    again = built("again", INDEX)
    assert split_index(again, cache) and not calls  # the same index: copied, not split
    files = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert sorted(p.relative_to(again).as_posix() for p in again.rglob("*") if p.is_file()) == files  # fmt: skip
    assert documents(again) == documents(first)
    changed = built("changed", {**INDEX, "docs": [{**DOCS[0], "text": "<p>Now three times.</p>"}]})
    assert split_index(changed, cache) and len(calls) == 1
    assert documents(changed)[0]["text"] == "<p>Now three times.</p>"
    assert len(list(cache.iterdir())) == 1  # only the last split is kept
