"""No built-in caching: Tekton runs every Task of every PipelineRun. Run the step of caching.yaml
three times, as three PipelineRuns would, with one directory standing in for the PersistentVolumeClaim they share.
The step keys its output by a hash of its input; the second run with the same dataset finds it
and does not compute. No cluster here: tekton-lint checks the YAML, and the script runs with
this Python."""

import subprocess
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).parent
docs = yaml.safe_load_all((HERE / "caching.yaml").read_text())
task = next(d for d in docs if d["kind"] == "Task")
(step,) = task["spec"]["steps"]

cache = Path("cache-volume").resolve()  # the PersistentVolumeClaim `field-guide-cache`
cache.mkdir()
for run, dataset in enumerate(["sales-2026-11", "sales-2026-11", "sales-2026-12"], start=1):
    result = Path(f"run-{run}-rows").resolve()  # this TaskRun's result file
    script = (
        step["script"]
        .replace("$(params.dataset)", dataset)
        .replace("$(results.rows.path)", str(result))
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=cache, capture_output=True, text=True, check=True
    )
    print(f"run {run} ({dataset}): {done.stdout.strip()}, rows={result.read_text()}")
    #> run 1 (sales-2026-11): computed prepare-v1-167a7a6bad9c, rows=1200
    #> run 2 (sales-2026-11): cache hit prepare-v1-167a7a6bad9c, rows=1200
    #> run 3 (sales-2026-12): computed prepare-v1-1f2bbfa55625, rows=1350
print("entries in the cache volume:", len(list(cache.iterdir())))
#> entries in the cache volume: 2
