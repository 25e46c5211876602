"""Run the steps of retries_and_timeouts.yaml as Tekton would: the flaky one again while its
`retries` allow, with `$(context.task.retry-count)` set to each attempt's number, and the slow
one stopped at its pipeline task's `timeout`. No cluster here: tekton-lint checks the YAML, and
the scripts run with this Python; a subprocess timeout stands in for the controller's."""

import re
import subprocess
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).parent
docs = yaml.safe_load_all((HERE / "retries_and_timeouts.yaml").read_text())
resources = {(d["kind"], d["metadata"]["name"]): d for d in docs}
tasks = {t["name"]: t for t in resources["Pipeline", "retries-and-timeouts"]["spec"]["tasks"]}
for name, task in tasks.items():
    print(name, {key: task[key] for key in ("retries", "timeout") if key in task})
    #> flaky {'retries': 2}
    #> slow {'timeout': '1s'}
timeouts = resources["PipelineRun", "retries-and-timeouts-run"]["spec"]["timeouts"]
print("PipelineRun timeouts:", timeouts)
#> PipelineRun timeouts: {'pipeline': '10m', 'tasks': '9m', 'finally': '1m'}


def script(pipeline_task: str) -> str:
    (step,) = resources["Task", tasks[pipeline_task]["taskRef"]["name"]]["spec"]["steps"]
    return step["script"]


for retry_count in range(tasks["flaky"]["retries"] + 1):
    source = script("flaky").replace("$(context.task.retry-count)", str(retry_count))
    done = subprocess.run([sys.executable, "-c", source], capture_output=True, text=True)
    print(done.returncode, (done.stdout + done.stderr).strip())
    #> 1 attempt 0 failed
    #> 1 attempt 1 failed
    #> 0 attempt 2 succeeded
    if done.returncode == 0:
        break

seconds = int(re.fullmatch(r"(\d+)s", tasks["slow"]["timeout"])[1])
try:
    subprocess.run([sys.executable, "-c", script("slow")], capture_output=True, timeout=seconds)
except subprocess.TimeoutExpired:
    print(f"slow: stopped after {seconds} s, before it printed anything")
    #> slow: stopped after 1 s, before it printed anything
