"""Fan-out with `with_param` over a list that a step writes at run time, and fan-in through the
JSON array Argo makes of the loop's output parameters, built with Hera. No cluster here: the
Workflow is built and round-tripped, and the steps run as plain Python in the order Argo would
run them, each iteration in its own directory, passed what the controller would pass."""

import json
from contextlib import chdir
from pathlib import Path

from hera.workflows import DAG, Parameter, Workflow, script
from hera.workflows.models import ValueFrom

IMAGE = "python:3.12-slim"
WORKDIR = "/work"


def output(name: str) -> Parameter:
    """An output parameter that Argo reads from a file the step writes."""
    return Parameter(name=name, value_from=ValueFrom(path=f"{WORKDIR}/{name}.json"))


@script(image=IMAGE, working_dir=WORKDIR, outputs=output("shards"))
def list_shards() -> None:
    import json
    from pathlib import Path

    Path("shards.json").write_text(json.dumps(["eu", "us", "asia"]))  # known only at run time


@script(image=IMAGE, working_dir=WORKDIR, outputs=output("rows"))
def count_rows(shard: str) -> None:
    from pathlib import Path

    Path("rows.json").write_text(str({"eu": 120, "us": 300, "asia": 80}[shard]))


@script(image=IMAGE)
def total(counts: list) -> None:
    print(f"{len(counts)} shards, {sum(int(c) for c in counts)} rows")
    #> 3 shards, 500 rows


with Workflow(generate_name="fan-out-", entrypoint="main") as w, DAG(name="main"):
    shards = list_shards()
    counted = count_rows(
        arguments={"shard": "{{item}}"}, with_param=shards.get_parameter("shards").value
    )
    # Of a looped task, outputs.parameters.rows is a JSON array: one value per iteration.
    summed = total(arguments={"counts": counted.get_parameter("rows").value})
    shards >> counted >> summed

# Offline: one directory per pod; the list and the array are passed as the controller would.
Path("list-shards").mkdir()
with chdir("list-shards"):
    list_shards()
counts = []
for shard in json.loads(Path("list-shards/shards.json").read_text()):
    Path(shard).mkdir()
    with chdir(shard):
        count_rows(shard=shard)
    counts.append(Path(shard, "rows.json").read_text())
total(counts=counts)

assert Workflow.from_yaml(w.to_yaml()).to_yaml() == w.to_yaml()
main = next(t for t in w.to_dict()["spec"]["templates"] if t["name"] == "main")
for task in main["dag"]["tasks"][1:]:
    print(task["name"], task.get("withParam"), task["arguments"]["parameters"][0]["value"])
    #> count-rows {{tasks.list-shards.outputs.parameters.shards}} {{item}}
    #> total None {{tasks.count-rows.outputs.parameters.rows}}
