"""Run the step of parameters.yaml once per PipelineRun, with `$(params.epochs)` resolved as
Tekton resolves it: the run's value, else the Pipeline's default. No cluster here: tekton-lint
checks the YAML, and the step's script runs with this Python instead of in its image."""

import subprocess
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).parent
docs = list(yaml.safe_load_all((HERE / "parameters.yaml").read_text()))
pipeline = next(d for d in docs if d["kind"] == "Pipeline")
(step,) = next(d for d in docs if d["kind"] == "Task")["spec"]["steps"]
(pipeline_task,) = pipeline["spec"]["tasks"]


def substitute(text: str, params: dict[str, str]) -> str:
    for name, value in params.items():
        text = text.replace(f"$(params.{name})", value)
    return text


defaults = {p["name"]: p["default"] for p in pipeline["spec"]["params"]}
print("Pipeline defaults:", defaults)
#> Pipeline defaults: {'epochs': '3'}
for run in (d for d in docs if d["kind"] == "PipelineRun"):
    given = {p["name"]: p["value"] for p in run["spec"].get("params", [])}
    assert given.keys() <= defaults.keys(), "tekton-lint does not check a run's params: we do"
    pipeline_params = {**defaults, **given}
    # The Pipeline hands its params to the Task's, which the step's script then sees.
    task_params = {
        p["name"]: substitute(p["value"], pipeline_params) for p in pipeline_task["params"]
    }
    script = substitute(step["script"], task_params)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    print(f"{run['metadata']['name']}: {given} -> {done.stdout.strip()}")
    #> parameters-default: {} -> trained for 3 epochs
    #> parameters-override: {'epochs': '10'} -> trained for 10 epochs
