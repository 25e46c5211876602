"""Tekton: the YAML under examples/tekton/ is linted, and its step scripts are run locally.

Tekton runs only on a Kubernetes cluster with its controller installed, and every step runs in a
container image; neither is available offline, and there is no maintained Python SDK. So these
tests check what can be checked here: a real Tekton linter (`@ibm/tekton-lint`, from npm, locked
in package-lock.json) passes the Pipeline, Tasks and PipelineRun and catches a broken reference,
and the steps' Python scripts, taken from the YAML, produce the shared pipeline's result when run
in the Pipeline's `runAfter` order (examples/tekton/run_steps_locally.py). Not checked: that a
cluster accepts the resources (no API server validation), the controller's scheduling, the images.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
TEKTON = ROOT / "examples" / "tekton"
YAML_FILES = sorted(TEKTON.rglob("*.yaml"))
# TEKTON_LINT lets `nox -s upgrade-check` try the newest linter without touching the lock.
LINTER = Path(os.environ.get("TEKTON_LINT", ROOT / "node_modules" / ".bin" / "tekton-lint"))


def tekton_lint(*files: Path, tmp: Path) -> tuple[int, list[dict]]:
    """Run tekton-lint on the files; return its exit code and its problems (JSON format)."""
    if not LINTER.exists():
        pytest.fail(f"{LINTER} is missing: run `npm ci` in {ROOT} (nox -s examples-tekton does)")
    done = subprocess.run(
        [LINTER, "--format", "json", "--max-warnings", "0", "--config", tmp, *files],
        # An empty --config dir: no .tektonlintrc.yaml, so default rules and no external tasks
        # (which the linter would git-clone); its cache dir goes to a temp dir, not ~.
        env={**os.environ, "TL_CACHE_DIR": str(tmp / "cache"), "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    problems = json.loads(done.stdout) if done.stdout.strip() else []
    return done.returncode, problems


@pytest.mark.verifies("validated and step logic run")
def test_example(example: Path, check_example, workdir: Path) -> None:
    """The step scripts from the YAML, run locally in runAfter order, print the shared result."""
    for path in YAML_FILES:  # the example reads the YAML next to it, as it does in the repo
        shutil.copy(path, workdir)
    check_example(example)


# tekton-lint 1.1.0 reads `$(tasks.x.results.y[*])`, Tekton v1's whole-array reference (fan-in of
# Matrix results), as a result named `y[*]`. Only that is forgiven; concepts/fan_out_fan_in.py
# checks that each such `y` is a result its Task declares.
WHOLE_ARRAY_RESULT = re.compile(r"- '[\w-]+\[\*\]' is not a result in Task '[\w-]+'\)$")


def known_false_positive(problem: dict) -> bool:
    return problem["rule"] == "no-undefined-result" and bool(
        WHOLE_ARRAY_RESULT.search(problem["message"])
    )


@pytest.mark.verifies("validated and step logic run")
def test_yaml_passes_tekton_lint(tmp_path: Path) -> None:
    """The Pipelines, their Tasks and the PipelineRuns pass tekton-lint with no errors or warnings."""
    assert YAML_FILES, f"no YAML under {TEKTON}"
    returncode, problems = tekton_lint(*YAML_FILES, tmp=tmp_path)
    real = [p for p in problems if not known_false_positive(p)]
    assert real == []
    assert returncode == (1 if problems else 0)


@pytest.mark.verifies("validated and step logic run")
def test_lint_catches_a_missing_task(tmp_path: Path) -> None:
    """The linter rejects the same Pipeline when a runAfter names a task that does not exist."""
    pipeline = yaml.safe_load((TEKTON / "pipeline.yaml").read_text())
    pipeline["spec"]["tasks"][-1]["runAfter"] = ["no-such-task"]
    broken = tmp_path / "pipeline.yaml"
    broken.write_text(yaml.safe_dump(pipeline))
    returncode, problems = tekton_lint(broken, TEKTON / "tasks.yaml", tmp=tmp_path)
    assert returncode != 0
    assert [p["rule"] for p in problems] == ["no-pipeline-missing-task"]
    assert "no-such-task" in problems[0]["message"]


# Tekton has no scheduler: concepts/schedules.yaml holds the Kubernetes CronJob that starts runs.
NOT_TEKTON = {("schedules.yaml", "batch/v1", "CronJob")}


@pytest.mark.verifies("validated and step logic run")
def test_resources_use_the_v1_api() -> None:
    """Every resource is a Task, Pipeline or PipelineRun of the tekton.dev/v1 API (but the CronJob)."""
    docs = [(path.name, doc) for path in YAML_FILES for doc in yaml.safe_load_all(path.read_text())]
    tekton = [doc for name, doc in docs if (name, doc["apiVersion"], doc["kind"]) not in NOT_TEKTON]
    assert {doc["apiVersion"] for doc in tekton} == {"tekton.dev/v1"}
    assert {doc["kind"] for doc in tekton} == {"Task", "Pipeline", "PipelineRun"}
