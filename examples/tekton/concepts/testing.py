"""No built-in testing: Tekton has no test framework, so its YAML is linted (tekton-lint, in the
session) and its step scripts are tested here as programs: one step's script on a small input,
then every step in the Pipeline's `runAfter` order on a shared directory standing in for the
workspace, checking the Pipeline's result. No cluster here: the scripts run with this Python."""

import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).parent
RESOURCES = {
    (d["kind"], d["metadata"]["name"]): d
    for d in yaml.safe_load_all((HERE / "testing.yaml").read_text())
}
PIPELINE = RESOURCES["Pipeline", "testing"]["spec"]


def run_task(name: str, workspace: Path, results: Path, **params: str) -> None:
    """Run a Task's steps as a TaskRun would, with Tekton's `$(...)` variables replaced."""
    spec = RESOURCES["Task", name]["spec"]
    values = {f"params.{p['name']}": p.get("default") for p in spec.get("params", [])}
    values |= {f"params.{key}": value for key, value in params.items()}
    for result in spec.get("results", []):
        values[f"results.{result['name']}.path"] = str(results / result["name"])
    values["workspaces.data.path"] = str(workspace)
    for step in spec["steps"]:
        script, cwd = step["script"], step["workingDir"]
        for variable, value in values.items():
            script = script.replace(f"$({variable})", value)
            cwd = cwd.replace(f"$({variable})", value)
        subprocess.run([sys.executable, "-c", script], cwd=cwd, check=True, capture_output=True)


def runafter_order() -> list[str]:
    """The Pipeline's tasks, each after every task its `runAfter` names."""
    after = {t["name"]: set(t.get("runAfter", [])) for t in PIPELINE["tasks"]}
    order: list[str] = []
    while len(order) < len(after):
        order += [name for name in after if name not in order and after[name] <= set(order)]
    return order


def test_every_task_reference_resolves() -> None:
    for task in PIPELINE["tasks"]:
        assert ("Task", task["taskRef"]["name"]) in RESOURCES


def test_normalize_divides_by_the_largest() -> None:
    with tempfile.TemporaryDirectory() as workspace, tempfile.TemporaryDirectory() as results:
        run_task("testing-normalize", Path(workspace), Path(results), numbers="1,2,4")
        assert Path(workspace, "normalized.json").read_text() == "[0.25, 0.5, 1.0]"


def test_pipeline_runs_in_runafter_order() -> None:
    assert runafter_order() == ["normalize", "summarize"]
    tasks = {t["name"]: t for t in PIPELINE["tasks"]}
    with tempfile.TemporaryDirectory() as root:
        workspace = Path(root, "workspace")
        workspace.mkdir()
        for name in runafter_order():
            results = Path(root, name)  # each TaskRun's own results
            results.mkdir()
            run_task(tasks[name]["taskRef"]["name"], workspace, results)
        (result,) = PIPELINE["results"]
        assert result["value"] == "$(tasks.summarize.results.mean)"
        assert Path(root, "summarize", "mean").read_text() == "0.625"


if __name__ == "__main__":
    for test in (
        test_every_task_reference_resolves,
        test_normalize_divides_by_the_largest,
        test_pipeline_runs_in_runafter_order,
    ):
        test()
        print(f"{test.__name__} passed")
        #> test_every_task_reference_resolves passed
        #> test_normalize_divides_by_the_largest passed
        #> test_pipeline_runs_in_runafter_order passed
