"""`nox -s new-tool`: a scaffolded tool is complete enough to build, and clashes are refused."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib

import pytest
import yaml
from conftest import ROOT
from fieldguide.concepts import CONCEPTS_FILE
from fieldguide.model import COMPARISON_FILE, UNRATED, load_comparison
from fieldguide.scaffold import ScaffoldError, main, scaffold, slugify

NAME, SLUG = "Probe Flow", "probe-flow"  # a tool the real data will never hold


@pytest.fixture
def project(tmp_path):
    """A copy of the files the scaffold reads and edits, and the tool pages the data needs."""
    for name in (
        "mkdocs.yml",
        "pyproject.toml",
        COMPARISON_FILE,
        CONCEPTS_FILE,
        "examples/cron/pipeline.py",
        "docs/measured.md",  # evidence the data cites
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    for folder in ("docs/tools", "docs/concepts", "examples", "tests/examples"):
        shutil.copytree(ROOT / folder, tmp_path / folder, dirs_exist_ok=True)
    return tmp_path


def snapshot(root):
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Flyte", "flyte"),
        ("Apache Beam  2", "apache-beam-2"),
        ("Metaflow (Netflix)", "metaflow-netflix"),
    ],
)
def test_slugify(name, slug):
    assert slugify(name) == slug


def test_scaffolded_tool_validates_as_a_draft_with_every_criterion(project):
    assert scaffold(project, NAME, package="probe-flow-sdk") == SLUG
    data = load_comparison(project)
    tool = data.tool(SLUG)
    assert tool.draft and tool.package.name == "probe-flow-sdk"
    assert set(tool.ratings) == {c.id for c in data.criteria}
    assert {r.value for r in tool.ratings.values()} == {UNRATED}
    assert "- Probe Flow: tools/probe-flow.md" in (project / "mkdocs.yml").read_text()
    pyproject = tomllib.loads((project / "pyproject.toml").read_text())
    assert pyproject["dependency-groups"][SLUG] == [{"include-group": "examples"}, "probe-flow-sdk"]
    assert {"group": SLUG} in pyproject["tool"]["uv"]["conflicts"][0]
    page = (project / "docs" / "tools" / "probe-flow.md").read_text()
    assert '!!! warning "Draft"' in page and "<!-- guide:at-a-glance -->" in page
    assert '--8<-- "examples/probe-flow/pipeline.py"' in page


def test_scaffold_keeps_existing_data_and_comments(project):
    before = (project / COMPARISON_FILE).read_text()
    scaffold(project, NAME)
    after = (project / COMPARISON_FILE).read_text()
    assert after.startswith(before.rstrip("\n"))
    assert yaml.safe_load(after)["tools"][-1]["slug"] == SLUG


def test_scaffolded_pipeline_prints_what_its_output_comment_says(project, tmp_path_factory):
    scaffold(project, NAME)
    pipeline = project / "examples" / SLUG / "pipeline.py"
    workdir = tmp_path_factory.mktemp("run")
    printed = subprocess.run(
        [sys.executable, str(pipeline)], cwd=workdir, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert f"#> {printed}" in pipeline.read_text()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Apache Airflow", "Apache Airflow already exists"),
        ("tekton", "Tekton already exists"),
        ("!!!", "makes the slug '': a tool's name must start with a letter"),
        ("42 Flows", "must start with a letter"),
        ("Docs", "which a nox session or dependency group already uses"),
    ],
)
def test_refusals_write_nothing(project, name, message):
    before = snapshot(project)
    with pytest.raises(ScaffoldError, match=re.escape(message)):
        scaffold(project, name)
    assert snapshot(project) == before


def test_a_lock_that_fails_leaves_nothing_behind(project):
    """A package that does not resolve: every file is as it was, and no folder is left."""
    before = snapshot(project)

    def failing_lock(_root):
        raise ScaffoldError("the new group does not resolve, so nothing was added: no such package")

    with pytest.raises(ScaffoldError, match="does not resolve"):
        scaffold(project, NAME, package="no-such-package-anywhere", lock=failing_lock)
    assert snapshot(project) == before
    assert not (project / "examples" / SLUG).exists()


def test_clash_with_an_existing_folder(project):
    (project / "examples" / SLUG).mkdir()
    with pytest.raises(ScaffoldError, match=r"clashes with what exists: examples/probe-flow"):
        scaffold(project, NAME)


def test_command_line_prints_the_slug_or_one_line(project, capsys, monkeypatch):
    monkeypatch.delenv("FIELD_GUIDE_UV", raising=False)
    assert main([NAME, "--root", str(project)]) == 0
    assert capsys.readouterr().out.strip() == SLUG
    assert main([NAME, "--root", str(project)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("new-tool: Probe Flow already exists") and err.count("\n") == 1
