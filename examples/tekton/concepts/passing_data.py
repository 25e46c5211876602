"""Run the two Tasks of passing_data.yaml as Tekton would chain them: the first writes its
result to `$(results.count.path)` and a file to the workspace; the second gets the result as
`$(params.count)` and reads the file. No cluster here: tekton-lint checks the YAML, and the
scripts run with this Python, with a directory standing in for each TaskRun's results and one
for the workspace's volume."""

import subprocess
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).parent
docs = yaml.safe_load_all((HERE / "passing_data.yaml").read_text())
resources = {(d["kind"], d["metadata"]["name"]): d for d in docs}
tasks = {t["name"]: t for t in resources["Pipeline", "passing-data"]["spec"]["tasks"]}
print("consume gets:", tasks["consume"]["params"][0]["value"])
#> consume gets: $(tasks.produce.results.count)


def run(pipeline_task: str, variables: dict[str, str]) -> str:
    """Run the Task's step with Tekton's variables replaced, in the workspace; return stdout."""
    (step,) = resources["Task", tasks[pipeline_task]["taskRef"]["name"]]["spec"]["steps"]
    script = step["script"]
    for variable, value in variables.items():
        script = script.replace(f"$({variable})", value)
    cwd = step["workingDir"].replace("$(workspaces.data.path)", str(workspace))
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=cwd, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


workspace, results = Path("workspace").resolve(), Path("produce-results").resolve()
workspace.mkdir()
results.mkdir()
run("produce", {"results.count.path": str(results / "count")})
count = (results / "count").read_text()  # what the controller reads into the TaskRun's status
print(run("consume", {"params.count": count}))
#> result count=5, workspace file rows.csv has 5 rows
print("in the workspace:", sorted(p.name for p in workspace.iterdir()))
#> in the workspace: ['rows.csv']
