"""Templates are compiled once into .cache/jinja/, and an edited template is compiled afresh."""

from __future__ import annotations

import json

from conftest import ROOT, write
from mkdocs.commands.build import build
from mkdocs.config import load_config


def build_site(project) -> str:
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")))
    return (project / "site" / "index.html").read_text()


def written(cache) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}


def test_a_second_build_reads_compiled_templates_and_an_edit_still_shows(tmp_path):
    config = {
        "site_name": "t",
        "theme": {"name": "material", "custom_dir": "theme"},
        "plugins": [],
        "hooks": [str(ROOT / "overrides" / "hooks" / "template_cache.py")],
    }
    write(tmp_path / "mkdocs.yml", json.dumps(config))  # JSON is YAML
    write(tmp_path / "docs" / "index.md", "# Home\n")
    main = write(tmp_path / "theme" / "main.html", '{% extends "base.html" %}{% block footer %}first footer{% endblock %}')  # fmt: skip
    assert "first footer" in build_site(tmp_path)
    cache = tmp_path / ".cache" / "jinja"
    compiled = written(cache)
    assert len(compiled) > 10  # the theme's base and partials, and main.html

    assert "first footer" in build_site(tmp_path)
    assert written(cache) == compiled  # read, not written again

    main.write_text(main.read_text().replace("first footer", "edited footer"))
    page = build_site(tmp_path)
    assert "edited footer" in page and "first footer" not in page


def test_mkdocstrings_templates_are_cached_too(tmp_path):
    config = {
        "site_name": "t",
        "theme": {"name": "material"},
        "plugins": [{"mkdocstrings": {"handlers": {"python": {"paths": ["src"]}}}}],
        "hooks": [str(ROOT / "overrides" / "hooks" / "template_cache.py")],
    }
    write(tmp_path / "mkdocs.yml", json.dumps(config))
    write(tmp_path / "src" / "documented.py", '"""A module."""\n\n\ndef f(x: int) -> int:\n    """Twice x."""\n    return 2 * x\n')  # fmt: skip
    write(tmp_path / "docs" / "index.md", "# Home\n")
    build_site(tmp_path)
    theme_only = len(list((tmp_path / ".cache" / "jinja").iterdir()))
    write(tmp_path / "docs" / "index.md", "# Home\n\n::: documented\n")
    assert "Twice x." in build_site(tmp_path)
    assert len(list((tmp_path / ".cache" / "jinja").iterdir())) > theme_only + 5
