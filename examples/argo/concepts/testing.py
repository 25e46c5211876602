"""No built-in testing: Argo Workflows runs only in a cluster, and Hera 7.1 has no local runner
(`Workflow.lint()` too needs an Argo Server). So the tests check the manifest Hera emits,
unit-test one `@script` function as plain Python, and run the pipeline by calling the script
functions in the DAG's `depends` order, each in its own directory, passing the artifacts on."""

import graphlib
import json
import re
import shutil
import tempfile
from contextlib import chdir
from pathlib import Path

from hera.workflows import DAG, Artifact, Workflow, script

IMAGE = "python:3.12-slim"


def data(name: str) -> Artifact:
    return Artifact(name=name, path=f"/work/{name}.json")


@script(image=IMAGE, working_dir="/work", outputs=data("numbers"))
def make_numbers() -> None:
    import json
    from pathlib import Path

    Path("numbers.json").write_text(json.dumps([1, 2, 3, 4]))


@script(image=IMAGE, working_dir="/work", inputs=data("numbers"), outputs=data("scaled"))
def scale(factor: int) -> None:
    import json
    from pathlib import Path

    numbers = json.loads(Path("numbers.json").read_text())
    Path("scaled.json").write_text(json.dumps([n * factor for n in numbers]))


@script(image=IMAGE, working_dir="/work", inputs=data("scaled"), outputs=data("report"))
def report() -> None:
    import json
    from pathlib import Path

    scaled = json.loads(Path("scaled.json").read_text())
    Path("report.json").write_text(json.dumps({"count": len(scaled), "total": sum(scaled)}))


with Workflow(generate_name="tested-", entrypoint="main") as w, DAG(name="main"):
    numbers = make_numbers()
    scaled = scale(arguments=[numbers.get_artifact("numbers"), {"factor": "10"}])
    reported = report(arguments=scaled.get_artifact("scaled"))
    numbers >> scaled >> reported

STEPS = {"make-numbers": make_numbers, "scale": scale, "report": report}


def dag_tasks() -> dict[str, dict]:
    spec = w.to_dict()["spec"]
    main = next(t for t in spec["templates"] if t["name"] == spec["entrypoint"])
    return {t["name"]: t for t in main["dag"]["tasks"]}


def test_manifest_round_trips_and_chains_the_steps() -> None:
    assert Workflow.from_yaml(w.to_yaml()).to_yaml() == w.to_yaml()
    assert {name: t.get("depends") for name, t in dag_tasks().items()} == {
        "make-numbers": None,
        "scale": "make-numbers",
        "report": "scale",
    }


def test_scale_multiplies_every_number() -> None:
    with tempfile.TemporaryDirectory() as pod, chdir(pod):
        Path("numbers.json").write_text("[1, 5]")
        scale(factor=3)
        assert json.loads(Path("scaled.json").read_text()) == [3, 15]


def test_pipeline_runs_in_dag_order() -> None:
    tasks = dag_tasks()
    graph = {name: set(re.findall(r"[\w-]+", t.get("depends", ""))) for name, t in tasks.items()}
    with tempfile.TemporaryDirectory() as root:
        for name in graphlib.TopologicalSorter(graph).static_order():
            pod = Path(root, name)  # a fresh directory per step, like a new pod
            pod.mkdir()
            arguments = tasks[name].get("arguments", {})
            for artifact in arguments.get("artifacts", []):  # fetch what upstream produced
                producer = re.match(r"\{\{tasks\.([\w-]+)\.", artifact["from"])[1]
                shutil.copy(Path(root, producer, f"{artifact['name']}.json"), pod)
            values = {p["name"]: int(p["value"]) for p in arguments.get("parameters", [])}
            with chdir(pod):
                STEPS[name](**values)
        assert json.loads(Path(root, "report", "report.json").read_text()) == {
            "count": 4,
            "total": 100,
        }


if __name__ == "__main__":
    for test in (
        test_manifest_round_trips_and_chains_the_steps,
        test_scale_multiplies_every_number,
        test_pipeline_runs_in_dag_order,
    ):
        test()
        print(f"{test.__name__} passed")
        #> test_manifest_round_trips_and_chains_the_steps passed
        #> test_scale_multiplies_every_number passed
        #> test_pipeline_runs_in_dag_order passed
