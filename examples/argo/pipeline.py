"""The shared pipeline as an Argo Workflow, built with Hera: four script templates in a DAG."""

from pathlib import Path

from hera.workflows import DAG, Artifact, Workflow, script

# Hera's default image is python:3.10; pin the Python the steps are written for.
IMAGE = "python:3.12-slim"
# The steps use paths relative to their working directory, so the same code runs in a pod and
# on a laptop; in the pod, Argo collects and injects the files at these absolute paths.
WORKDIR = "/work"


def data_file(filename: str) -> Artifact:
    """An artifact that Argo stores in the artifact repository between steps."""
    return Artifact(name=filename.split(".")[0], path=f"{WORKDIR}/data/{filename}")


# Hera ships each function's body as the template's source: imports go inside the function.
@script(image=IMAGE, working_dir=WORKDIR, outputs=data_file("raw.csv"))
def extract() -> None:
    import random
    from pathlib import Path

    rng = random.Random(42)
    rows = ["x,y"]
    for i in range(200):
        x = rng.uniform(0, 10)
        y = 3.0 * x + 2.0 + rng.gauss(0, 1)
        rows.append(f"{x:.6f}," if i % 20 == 0 else f"{x:.6f},{y:.6f}")
    Path("data").mkdir(exist_ok=True)
    Path("data/raw.csv").write_text("\n".join(rows) + "\n")


@script(
    image=IMAGE,
    working_dir=WORKDIR,
    inputs=data_file("raw.csv"),
    outputs=[data_file("train.csv"), data_file("test.csv")],
)
def transform() -> None:
    import csv
    from pathlib import Path

    with open("data/raw.csv", newline="") as f:
        kept = [row for row in csv.DictReader(f) if row["y"]]
    train, test = ["x,y"], ["x,y"]
    for k, row in enumerate(kept):
        (test if k % 5 == 0 else train).append(f"{float(row['x']):.6f},{float(row['y']):.6f}")
    Path("data/train.csv").write_text("\n".join(train) + "\n")
    Path("data/test.csv").write_text("\n".join(test) + "\n")


@script(
    image=IMAGE,
    working_dir=WORKDIR,
    inputs=data_file("train.csv"),
    outputs=data_file("model.json"),
)
def train() -> None:
    import csv
    import json
    import statistics
    from pathlib import Path

    with open("data/train.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    xs = [float(r["x"]) for r in rows]
    ys = [float(r["y"]) for r in rows]
    fit = statistics.linear_regression(xs, ys)
    model = {"slope": fit.slope, "intercept": fit.intercept}
    Path("data/model.json").write_text(json.dumps(model))


@script(
    image=IMAGE,
    working_dir=WORKDIR,
    inputs=[data_file("model.json"), data_file("test.csv")],
)
def evaluate() -> None:
    import csv
    import json
    import math
    from pathlib import Path

    model = json.loads(Path("data/model.json").read_text())
    slope, intercept = model["slope"], model["intercept"]
    with open("data/test.csv", newline="") as f:
        rows = [(float(r["x"]), float(r["y"])) for r in csv.DictReader(f)]
    n = len(rows)
    rmse = math.sqrt(sum((slope * x + intercept - y) ** 2 for x, y in rows) / n)
    # Argo keeps a script's stdout as the step's `result` output.
    print(f"slope={slope:.4f} intercept={intercept:.4f} rmse={rmse:.4f} test_rows={n}")
    #> slope=3.0397 intercept=1.8234 rmse=1.1947 test_rows=38


with Workflow(generate_name="field-guide-", entrypoint="pipeline") as w, DAG(name="pipeline"):
    # Each task names the producer of every artifact it reads.
    raw = extract()
    split = transform(arguments=raw.get_artifact("raw"))
    model = train(arguments=split.get_artifact("train"))
    scores = evaluate(arguments=[model.get_artifact("model"), split.get_artifact("test")])
    # Argo does not infer order from artifacts: a DAG task starts when its `depends` succeed.
    raw >> split >> model >> scores

if __name__ == "__main__":
    # `argo submit pipeline.yaml` runs it on a cluster (or `w.create()`, through the Argo Server).
    Path("pipeline.yaml").write_text(w.to_yaml())
    # Outside a Workflow context, @script functions are plain functions: run them in DAG order.
    for step in (extract, transform, train, evaluate):
        step()
