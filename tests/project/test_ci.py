"""The CI configuration agrees with the noxfile, the examples and the locks."""

import re
from pathlib import Path

import yaml
from fieldguide.locks import read_uv_lock

ROOT = Path(__file__).parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def test_workflows_pin_the_noxfile_bootstrap():
    pins = dict(re.findall(r'"(nox|uv)==([^"]+)"', (ROOT / "noxfile.py").read_text()))
    for workflow in WORKFLOWS:
        env = yaml.safe_load(workflow.read_text())["env"]
        assert (env["NOX_VERSION"], env["UV_VERSION"]) == (pins["nox"], pins["uv"]), workflow.name


def test_examples_matrix_is_the_examples_folders():
    """A hand-written list would need an edit for every new tool; the folders are the truth."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "examples.yml").read_text())
    assert (
        workflow["jobs"]["examples"]["strategy"]["matrix"]["tool"]
        == "${{ fromJSON(needs.tools.outputs.tools) }}"
    )
    assert "ls -d examples/*/" in workflow["jobs"]["tools"]["steps"][-1]["run"]


def test_pre_commit_ruff_is_the_locked_ruff():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    rev = next(r["rev"] for r in config["repos"] if r["repo"].endswith("/ruff-pre-commit"))
    assert {rev} == {f"v{v}" for v in read_uv_lock(ROOT).versions["ruff"]}
