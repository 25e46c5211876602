"""A value passed as an output `Parameter` and a file passed as an `Artifact` from one Hera script
template to the next. No cluster here: the Workflow is built and round-tripped, and the two
steps run as plain Python, each in its own directory, handed what Argo would hand them."""

import shutil
from contextlib import chdir
from pathlib import Path

from hera.workflows import DAG, Artifact, Parameter, Workflow, script
from hera.workflows.models import ValueFrom

IMAGE = "python:3.12-slim"
WORKDIR = "/work"  # the steps use relative paths; in the pod, this is their working directory


@script(
    image=IMAGE,
    working_dir=WORKDIR,
    outputs=[
        # A value: Argo reads the file when the step ends and keeps it in the Workflow's status.
        Parameter(name="count", value_from=ValueFrom(path=f"{WORKDIR}/count.txt")),
        # A file: Argo uploads it to the artifact repository (S3, GCS, MinIO...) of the cluster.
        Artifact(name="rows", path=f"{WORKDIR}/rows.csv"),
    ],
)
def produce() -> None:
    from pathlib import Path

    rows = [f"{x},{2 * x}" for x in range(5)]
    Path("rows.csv").write_text("x,y\n" + "\n".join(rows) + "\n")
    Path("count.txt").write_text(str(len(rows)))


@script(image=IMAGE, working_dir=WORKDIR, inputs=Artifact(name="rows", path=f"{WORKDIR}/rows.csv"))
def consume(count: int) -> None:
    from pathlib import Path

    rows = Path("rows.csv").read_text().splitlines()[1:]
    print(f"parameter count={count}, artifact rows.csv has {len(rows)} rows")
    #> parameter count=5, artifact rows.csv has 5 rows


with Workflow(generate_name="passing-data-", entrypoint="main") as w, DAG(name="main"):
    made = produce()
    made >> consume(arguments=[made.get_parameter("count"), made.get_artifact("rows")])

# Offline, each step runs in its own directory, like a new pod, given only what Argo passes it.
for pod in ("produce", "consume"):
    Path(pod).mkdir()
with chdir("produce"):
    produce()
count = int(Path("produce/count.txt").read_text())  # the parameter, as the controller reads it
shutil.copy("produce/rows.csv", "consume/rows.csv")  # the artifact, via the repository
with chdir("consume"):
    consume(count=count)

assert Workflow.from_yaml(w.to_yaml()).to_yaml() == w.to_yaml()
main = next(t for t in w.to_dict()["spec"]["templates"] if t["name"] == "main")
consume_task = main["dag"]["tasks"][1]
for kind, (argument,) in consume_task["arguments"].items():
    print(kind, argument["name"], "<-", argument.get("value") or argument["from"])
    #> artifacts rows <- {{tasks.produce.outputs.artifacts.rows}}
    #> parameters count <- {{tasks.produce.outputs.parameters.count}}
