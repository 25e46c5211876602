"""Run fan_out_fan_in.yaml's steps as Tekton would: one `count` TaskRun per item of the array
result `shards`, then `total` given their results as one array. No cluster here: tekton-lint
checks the YAML (this file checks the `[*]` references that tekton-lint 1.1.0 cannot read),
and the scripts run with this Python, each with its own result files."""

import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).parent
docs = yaml.safe_load_all((HERE / "fan_out_fan_in.yaml").read_text())
resources = {(d["kind"], d["metadata"]["name"]): d for d in docs}
tasks = {t["name"]: t for t in resources["Pipeline", "fan-out-fan-in"]["spec"]["tasks"]}


def task_spec(pipeline_task: str) -> dict:
    return resources["Task", tasks[pipeline_task]["taskRef"]["name"]]["spec"]


# Every `$(tasks.X.results.Y[*])` names a result Y that X's Task declares.
for reference in re.findall(r"\$\(tasks\.([\w-]+)\.results\.([\w-]+)\[\*\]\)", str(tasks)):
    assert reference[1] in {r["name"] for r in task_spec(reference[0])["results"]}, reference
print("matrix:", tasks["count"]["matrix"]["params"][0]["value"])
#> matrix: $(tasks.list.results.shards[*])
print("fan-in:", tasks["total"]["params"][0]["value"])
#> fan-in: $(tasks.count.results.rows[*])


def run(pipeline_task: str, run_name: str, params: dict[str, str], args=()) -> str:
    """One TaskRun: its step's script with params and result paths replaced; return stdout."""
    (step,) = task_spec(pipeline_task)["steps"]
    script, results = step["script"], Path(run_name).resolve()
    results.mkdir()
    for name, value in params.items():
        script = script.replace(f"$(params.{name})", value)
    for result in task_spec(pipeline_task).get("results", []):
        script = script.replace(f"$(results.{result['name']}.path)", str(results / result["name"]))
    command = [sys.executable, "-c", script, *args]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()


run("list", "list", {})
shards = json.loads(Path("list/shards").read_text())  # an array result is stored as JSON
for index, shard in enumerate(shards):
    run("count", f"count-{index}", {"shard": shard})  # the Matrix's TaskRuns, in parallel there
rows = [Path(f"count-{index}/rows").read_text() for index in range(len(shards))]
print(f"{len(shards)} TaskRuns of count: rows={rows}")
#> 3 TaskRuns of count: rows=['120', '300', '80']
print(run("total", "total", {}, args=rows))  # args: ["$(params.counts[*])"] becomes the array
#> 3 shards, 500 rows
