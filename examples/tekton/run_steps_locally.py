"""Run the Tekton pipeline's step scripts on this machine, in the Pipeline's order.

There is no cluster here: each step's `script` runs with this Python instead of in its container
image, and each workspace is a temp dir. This checks the steps' logic and the Pipeline's order,
not Tekton itself.
"""

import re
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).parent
WORKSPACE_PATH = re.compile(r"\$\(workspaces\.([\w-]+)\.path\)")


def load(*names):
    """Every Tekton resource in the files, by (kind, name)."""
    docs = [doc for name in names for doc in yaml.safe_load_all((HERE / name).read_text())]
    return {(doc["kind"], doc["metadata"]["name"]): doc for doc in docs}


def substitute(text, paths):
    """Replace `$(workspaces.<name>.path)` as Tekton does before a step starts."""
    return WORKSPACE_PATH.sub(lambda m: str(paths[m.group(1)]), text)


def runafter_order(tasks):
    """The order Tekton may start the pipeline tasks in: each after all of its runAfter tasks."""
    order = []
    while len(order) < len(tasks):
        done = set(order)
        ready = [n for n in tasks if n not in done and set(tasks[n].get("runAfter", [])) <= done]
        if not ready:
            raise ValueError(f"runAfter cycle among {sorted(set(tasks) - done)}")
        order += ready  # Tekton would start these in parallel; here they run one by one
    return order


def run_pipeline(resources, pipeline_name, workspaces, scripts):
    """Run each pipeline task's steps in runAfter order; return the order and the last output."""
    tasks = {t["name"]: t for t in resources["Pipeline", pipeline_name]["spec"]["tasks"]}
    order, output = runafter_order(tasks), ""
    for name in order:
        pipeline_task = tasks[name]
        task = resources["Task", pipeline_task["taskRef"]["name"]]["spec"]
        # The pipeline task binds each of the Task's workspaces to one of the Pipeline's.
        paths = {w["name"]: workspaces[w["workspace"]] for w in pipeline_task["workspaces"]}
        for step in task["steps"]:
            script = scripts / f"{name}-{step['name']}.py"
            script.write_text(substitute(step["script"], paths))
            cwd = substitute(step.get("workingDir", "."), paths)
            done = subprocess.run(
                [sys.executable, script], cwd=cwd, capture_output=True, text=True, check=True
            )
            output = done.stdout.strip() or output
    return order, output


if __name__ == "__main__":
    resources = load("tasks.yaml", "pipeline.yaml")
    with tempfile.TemporaryDirectory() as data, tempfile.TemporaryDirectory() as scripts:
        order, result = run_pipeline(resources, "linear-regression", {"data": data}, Path(scripts))
    print(" -> ".join(order))
    #> extract -> transform -> train -> evaluate
    print(result)
    #> slope=3.0397 intercept=1.8234 rmse=1.1947 test_rows=38
