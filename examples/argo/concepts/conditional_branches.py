"""One task or the other runs, chosen by `when` expressions on a previous task's output
parameter, built with Hera. No cluster here: the Workflow is built and round-tripped, and the
branch is chosen locally by substituting the output into each `when` and comparing, as the
controller would; Argo itself did not run."""

from pathlib import Path

from hera.workflows import DAG, Parameter, Workflow, script
from hera.workflows.models import ValueFrom

IMAGE = "python:3.12-slim"


@script(
    image=IMAGE,
    working_dir="/work",
    outputs=Parameter(name="verdict", value_from=ValueFrom(path="/work/verdict.txt")),
)
def evaluate(rmse: float) -> None:
    from pathlib import Path

    Path("verdict.txt").write_text("good" if rmse < 1.5 else "bad")


@script(image=IMAGE)
def deploy() -> None:
    print("deploying the model")
    #> deploying the model


@script(image=IMAGE)
def alert() -> None:
    print("model rejected: alerting the team")
    #> model rejected: alerting the team


rmse_default = Parameter(name="rmse", value="1.19")
with (
    Workflow(generate_name="branches-", entrypoint="main", arguments=rmse_default) as w,
    DAG(name="main"),
):
    verdict = evaluate(arguments={"rmse": "{{workflow.parameters.rmse}}"})
    verdict_ref = verdict.get_parameter("verdict").value  # {{tasks.evaluate.outputs...}}
    # A task whose `when` is false is Skipped, and the DAG still succeeds.
    verdict >> deploy(when=f"{verdict_ref} == good")
    verdict >> alert(when=f"{verdict_ref} == bad")

assert Workflow.from_yaml(w.to_yaml()).to_yaml() == w.to_yaml()
main = next(t for t in w.to_dict()["spec"]["templates"] if t["name"] == "main")
branches = {t["name"]: t["when"] for t in main["dag"]["tasks"] if "when" in t}

# Offline: two runs, `-p rmse=1.19` and `-p rmse=2.4`. The verdict is put into each `when`, as
# the controller does, and only the branch whose comparison holds runs.
ran = {}
for rmse in (1.19, 2.4):
    evaluate(rmse=rmse)
    verdict = Path("verdict.txt").read_text()
    for name, when in branches.items():
        left, right = when.replace(verdict_ref, verdict).split(" == ")
        if left == right:
            {"deploy": deploy, "alert": alert}[name]()
            ran[rmse] = f"{verdict} -> {name}"
for name, when in branches.items():
    print(f"{name} when {when}")
    #> deploy when {{tasks.evaluate.outputs.parameters.verdict}} == good
    #> alert when {{tasks.evaluate.outputs.parameters.verdict}} == bad
print(ran)
#> {1.19: 'good -> deploy', 2.4: 'bad -> alert'}
