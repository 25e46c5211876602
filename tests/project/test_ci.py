"""The CI configuration agrees with the noxfile, the examples and the locks."""

import re
from pathlib import Path

import yaml
from fieldguide.locks import read_uv_lock
from fieldguide.model import load_comparison

ROOT = Path(__file__).parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def test_workflows_pin_the_noxfile_bootstrap():
    pins = dict(re.findall(r'"(nox|uv)==([^"]+)"', (ROOT / "noxfile.py").read_text()))
    for workflow in WORKFLOWS:
        if "nox " not in workflow.read_text():
            continue  # the cluster workflow runs kubectl, not nox
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


def _steps(workflow: dict):
    for job in workflow["jobs"].values():
        yield from job.get("steps", [])


def test_every_action_is_pinned_to_a_commit_with_its_version_beside_it():
    """A tag can be moved to other code; a commit cannot. Dependabot reads the `# vX.Y.Z`."""
    for workflow in WORKFLOWS:
        for line in workflow.read_text().splitlines():
            if re.match(r"\s*-?\s*uses:", line):
                assert re.fullmatch(
                    r"\s*-?\s*uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*", line
                ), (
                    f"{workflow.name}: pin the action to a full commit SHA, version in a comment: {line.strip()}"
                )


def test_permissions_are_read_only_unless_a_job_needs_more():
    for workflow in WORKFLOWS:
        parsed = yaml.safe_load(workflow.read_text())
        assert parsed["permissions"] in ({}, {"contents": "read"}), workflow.name
        for name, job in parsed["jobs"].items():
            writes = {k for k, v in job.get("permissions", {}).items() if v == "write"}
            assert writes <= {"pages", "id-token"}, f"{workflow.name}: job {name} writes {writes}"


def test_checkouts_do_not_keep_the_token():
    for workflow in WORKFLOWS:
        for step in _steps(yaml.safe_load(workflow.read_text())):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False, workflow.name


def test_cluster_workflow_installs_the_versions_the_pages_state():
    env = yaml.safe_load((ROOT / ".github" / "workflows" / "cluster.yml").read_text())["env"]
    tools = {tool.slug: tool for tool in load_comparison(ROOT).tools}
    assert tools["argo"].targets.version.split()[0] == env["ARGO_VERSION"]
    assert tools["tekton"].targets.version.split()[0] == env["TEKTON_VERSION"]
