"""No built-in schedules: check the CronJob in schedules.yaml (daily at 02:00 Europe/Berlin) and
the PipelineRun it creates, then backfill by making one PipelineRun per past day, as you would
with `kubectl create`. No cluster here: tekton-lint checks the Tekton resources, this file the
CronJob, and the step's script runs with this Python for each backfilled day."""

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import yaml

HERE = Path(__file__).parent
docs = list(yaml.safe_load_all((HERE / "schedules.yaml").read_text()))
resources = {(d["kind"], d["metadata"]["name"]): d for d in docs}
cron = resources["CronJob", "schedules-nightly"]
pipeline = resources["Pipeline", "schedules-nightly"]
(step,) = resources["Task", "schedules-train"]["spec"]["steps"]

# Kubernetes computes the next run times from these; nothing here waits for 02:00.
for key in ("schedule", "timeZone", "concurrencyPolicy"):
    print(f"{key}: {cron['spec'][key]}")
    #> schedule: 0 2 * * *
    #> timeZone: Europe/Berlin
    #> concurrencyPolicy: Forbid
(container,) = cron["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"]
heredoc = container["args"][0].split("<<'EOF'\n")[1].split("\nEOF")[0]
created = yaml.safe_load(heredoc)
assert created["spec"]["pipelineRef"]["name"] == pipeline["metadata"]["name"]
print(f"the CronJob creates a {created['kind']} of Pipeline {pipeline['metadata']['name']}")
#> the CronJob creates a PipelineRun of Pipeline schedules-nightly

# The backfill: the example PipelineRun, copied once per day with that day as its parameter.
example = resources["PipelineRun", "schedules-backfill-2026-11-01"]
declared = {p["name"] for p in pipeline["spec"]["params"]}
assert {p["name"] for p in example["spec"]["params"]} <= declared
for day in (str(date(2026, 11, 1) + timedelta(days=n)) for n in range(3)):
    run = {**example, "metadata": {"name": f"schedules-backfill-{day}"}}
    run["spec"] = {**example["spec"], "params": [{"name": "day", "value": day}]}
    script = step["script"].replace("$(params.day)", run["spec"]["params"][0]["value"])
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    print(f"{run['metadata']['name']}: {done.stdout.strip()}")
    #> schedules-backfill-2026-11-01: training on the data of 2026-11-01
    #> schedules-backfill-2026-11-02: training on the data of 2026-11-02
    #> schedules-backfill-2026-11-03: training on the data of 2026-11-03
