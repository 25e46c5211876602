"""Argo Workflows examples, checked with Hera and no cluster.

Argo Workflows runs only as a controller inside Kubernetes, and neither a local runner nor an
offline `argo lint` is available here. So these tests check what can be checked without one: the
manifests Hera emits (structure, DAG order, artifact wiring, a lossless YAML round trip) and the
Python inside every script template, run in the DAG's order with only the files each template
declares as its input artifacts. Not checked: the controller's own validation, scheduling, pod
execution in the `python:3.12-slim` image, and the artifact repository that carries the files.
"""

from __future__ import annotations

import graphlib
import os
import re
import runpy
import shutil
from pathlib import Path

import pytest
import yaml
from hera.workflows import Workflow

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "argo"
PIPELINE = EXAMPLES / "pipeline.py"
MANIFEST = EXAMPLES / "pipeline.yaml"  # the emitted manifest, shown on the page
STEPS = ["extract", "transform", "train", "evaluate"]
FROM = re.compile(r"^\{\{tasks\.(?P<task>[\w-]+)\.outputs\.artifacts\.(?P<artifact>[\w-]+)\}\}$")


@pytest.fixture(scope="module")
def pipeline() -> dict:
    """The pipeline module's globals, without running its `__main__` block."""
    return runpy.run_path(str(PIPELINE), run_name="argo_pipeline")


@pytest.fixture(scope="module")
def manifest(pipeline: dict) -> dict:
    return yaml.safe_load(pipeline["w"].to_yaml())


def dag_tasks(manifest: dict) -> list[dict]:
    templates = {t["name"]: t for t in manifest["spec"]["templates"]}
    return templates[manifest["spec"]["entrypoint"]]["dag"]["tasks"]


def dag_order(manifest: dict) -> list[str]:
    """Task names in an order that respects every `depends` (plain task names only, here)."""
    graph = {
        t["name"]: set(re.findall(r"[\w-]+", t.get("depends", ""))) for t in dag_tasks(manifest)
    }
    return list(graphlib.TopologicalSorter(graph).static_order())


@pytest.mark.verifies("validated and step logic run")
def test_example(example: Path, check_example) -> None:
    """Every example passes ruff, runs offline, and prints exactly the output shown on this page."""
    check_example(example)


@pytest.mark.verifies("validated and step logic run")
def test_manifest_round_trips(pipeline: dict) -> None:
    """The YAML Hera emits reads back into an identical Workflow, with no field lost."""
    emitted = pipeline["w"].to_yaml()
    assert Workflow.from_yaml(emitted).to_yaml() == emitted
    assert yaml.safe_load(emitted) == pipeline["w"].to_dict()


@pytest.mark.verifies("validated and step logic run")
def test_manifest_structure(manifest: dict) -> None:
    """The manifest is an Argo Workflow whose DAG chains the four steps, each a Python script."""
    assert manifest["apiVersion"] == "argoproj.io/v1alpha1"
    assert manifest["kind"] == "Workflow"
    tasks = dag_tasks(manifest)
    assert [t["name"] for t in tasks] == STEPS
    assert [t.get("depends") for t in tasks] == [None, *STEPS[:-1]]
    assert dag_order(manifest) == STEPS
    templates = {t["name"]: t for t in manifest["spec"]["templates"]}
    for task in tasks:
        script = templates[task["template"]]["script"]
        assert script["command"] == ["python"]
        assert script["image"].startswith("python:3.")
        compile(script["source"], task["name"], "exec")  # the shipped source is valid Python


@pytest.mark.verifies("validated and step logic run")
def test_artifacts_are_wired(manifest: dict) -> None:
    """Every input artifact comes from an output that an upstream task declares."""
    templates = {t["name"]: t for t in manifest["spec"]["templates"]}
    tasks = {t["name"]: t for t in dag_tasks(manifest)}
    order = dag_order(manifest)
    for name, task in tasks.items():
        inputs = templates[task["template"]].get("inputs", {}).get("artifacts", [])
        passed = task.get("arguments", {}).get("artifacts", [])
        assert sorted(a["name"] for a in passed) == sorted(a["name"] for a in inputs)
        for argument in passed:
            source = FROM.match(argument["from"])
            assert source, argument
            producer = tasks[source["task"]]
            assert order.index(producer["name"]) < order.index(name)
            outputs = templates[producer["template"]]["outputs"]["artifacts"]
            assert source["artifact"] in {a["name"] for a in outputs}


@pytest.mark.verifies("validated and step logic run")
def test_steps_run_with_declared_artifacts_only(
    pipeline: dict, manifest: dict, tmp_path: Path, capsys, monkeypatch
) -> None:
    """Each step, run in DAG order with only its declared input artifacts, writes its outputs."""
    templates = {t["name"]: t for t in manifest["spec"]["templates"]}
    tasks = {t["name"]: t for t in dag_tasks(manifest)}
    stored: dict[tuple[str, str], Path] = {}  # (task, artifact) -> file: the artifact repository

    def local(template: dict, artifact: dict) -> Path:
        return Path(artifact["path"]).relative_to(template["script"]["workingDir"])

    for name in dag_order(manifest):
        template = templates[tasks[name]["template"]]
        pod = tmp_path / name  # a fresh working directory, like a new pod
        pod.mkdir()
        monkeypatch.chdir(pod)
        inputs = {a["name"]: a for a in template.get("inputs", {}).get("artifacts", [])}
        for argument in tasks[name].get("arguments", {}).get("artifacts", []):
            source = FROM.match(argument["from"])
            target = local(template, inputs[argument["name"]])
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(stored[(source["task"], source["artifact"])], target)
        pipeline[name]()
        for output in template.get("outputs", {}).get("artifacts", []):
            produced = pod / local(template, output)
            assert produced.is_file(), f"{name} did not write its output artifact {output}"
            stored[(name, output["name"])] = produced

    printed = capsys.readouterr().out.strip()
    shown = re.findall(r"^ *#> (slope=.*)$", PIPELINE.read_text(), re.M)
    assert [printed] == shown
    assert sorted(os.listdir(tmp_path)) == sorted(STEPS)


@pytest.mark.verifies("validated and step logic run")
def test_manifest_file_is_emitted(pipeline: dict, request: pytest.FixtureRequest) -> None:
    """The manifest shown on this page is exactly what Hera emits for the example pipeline."""
    emitted = pipeline["w"].to_yaml()
    if request.config.getoption("update_examples"):
        MANIFEST.write_text(emitted, encoding="utf-8")
    assert MANIFEST.read_text(encoding="utf-8") == emitted, (
        "examples/argo/pipeline.yaml is stale: run `nox -s examples-argo -- --update-examples`"
    )
