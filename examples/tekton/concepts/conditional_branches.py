"""Run conditional_branches.yaml as Tekton would for two values of `rmse`: the evaluate step
writes its result, each later Task's `when` expressions are checked against it (`in`/`notin`),
and only the Task whose expressions all hold runs. No cluster here: tekton-lint checks the YAML,
and the scripts run with this Python."""

import subprocess
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).parent
docs = yaml.safe_load_all((HERE / "conditional_branches.yaml").read_text())
resources = {(d["kind"], d["metadata"]["name"]): d for d in docs}
tasks = {t["name"]: t for t in resources["Pipeline", "conditional-branches"]["spec"]["tasks"]}
OPERATORS = {
    "in": lambda value, values: value in values,
    "notin": lambda value, values: value not in values,
}


def run(pipeline_task: str, replace: dict[str, str]) -> str:
    (step,) = resources["Task", tasks[pipeline_task]["taskRef"]["name"]]["spec"]["steps"]
    script = step["script"]
    for variable, value in replace.items():
        script = script.replace(f"$({variable})", value)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


for name in ("deploy", "alert"):
    (when,) = tasks[name]["when"]
    print(f"{name} when {when['input']} {when['operator']} {when['values']}")
    #> deploy when $(tasks.evaluate.results.verdict) in ['good']
    #> alert when $(tasks.evaluate.results.verdict) notin ['good']

for rmse in ("1.19", "2.4"):  # the Pipeline's default, then the PipelineRun's value
    verdict_file = Path(f"verdict-{rmse}").resolve()
    run("evaluate", {"params.rmse": rmse, "results.verdict.path": str(verdict_file)})
    verdict = verdict_file.read_text()
    for name in ("deploy", "alert"):
        when = tasks[name]["when"]
        inputs = [w["input"].replace("$(tasks.evaluate.results.verdict)", verdict) for w in when]
        if all(OPERATORS[w["operator"]](i, w["values"]) for w, i in zip(when, inputs, strict=True)):
            print(f"rmse={rmse}: verdict={verdict}, {name} runs: {run(name, {})}")
            #> rmse=1.19: verdict=good, deploy runs: deploying the model
            #> rmse=2.4: verdict=bad, alert runs: model rejected: alerting the team
