"""A KFP component hands on a value (its return value, a parameter) and a file (an
`Output[Dataset]` artifact); the next component takes them as a parameter and an
`Input[Dataset]`. Run locally, both land under the pipeline root (`local_outputs/`)."""

import json
from pathlib import Path

from kfp import dsl, local
from kfp.dsl import Dataset, Input, Output

IMAGE = "python:3.11"


@dsl.component(base_image=IMAGE)
def extract(rows: Output[Dataset]) -> int:
    lines = ["x,y", "1,2", "2,4", "3,6"]
    # An artifact is a file at `rows.path`; on a cluster KFP stores it under the pipeline root,
    # in object storage (MinIO, S3 or GCS), and the next task gets a path to it.
    with open(rows.path, "w") as f:
        f.write("\n".join(lines) + "\n")
    # A return value is an output parameter: small JSON-serializable data, passed by value.
    return len(lines) - 1


@dsl.component(base_image=IMAGE)
def load(count: int, rows: Input[Dataset]) -> str:
    with open(rows.path) as f:
        lines = f.read().splitlines()
    return f"told {count} rows, read {len(lines) - 1} rows from the Dataset"


@dsl.pipeline(name="handoff")
def handoff() -> str:
    extracted = extract()
    return load(count=extracted.outputs["Output"], rows=extracted.outputs["rows"]).output


if __name__ == "__main__":
    local.init(runner=local.SubprocessRunner(use_venv=False), pipeline_root="local_outputs")
    print(handoff().output)
    #> told 3 rows, read 3 rows from the Dataset

    # Locally, under local_outputs/<pipeline>-<timestamp>/: each task's parameters are in its
    # executor_output.json, and each artifact is a file of its own.
    (run,) = Path("local_outputs").iterdir()
    for path in sorted(run.rglob("*")):
        if path.is_file():
            print(path.relative_to(run))
            #> extract/executor_output.json
            #> extract/rows
            #> load/executor_output.json
    with open(run / "extract" / "executor_output.json") as f:
        print(json.load(f)["parameterValues"])
        #> {'Output': 3}
