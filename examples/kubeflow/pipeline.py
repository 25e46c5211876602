"""The shared example pipeline as KFP components: compiled to IR YAML, then run locally."""

from kfp import compiler, dsl, local
from kfp.dsl import Dataset, Input, Metrics, Model, Output

# The image each step runs in on a cluster (the local runner below ignores it). Set it
# explicitly: KFP warns that its default image will change.
IMAGE = "python:3.11"


@dsl.component(base_image=IMAGE)
def extract(raw: Output[Dataset]):
    import random

    rng = random.Random(42)
    rows = ["x,y"]
    for i in range(200):
        x = rng.uniform(0, 10)
        y = 3.0 * x + 2.0 + rng.gauss(0, 1)  # drawn for every row, so missing rows keep the seed
        rows.append(f"{x:.6f}," if i % 20 == 0 else f"{x:.6f},{y:.6f}")
    with open(raw.path, "w") as f:
        f.write("\n".join(rows) + "\n")


@dsl.component(base_image=IMAGE)
def transform(raw: Input[Dataset], train: Output[Dataset], test: Output[Dataset]):
    with open(raw.path) as f:
        header, *lines = f.read().splitlines()
    kept = [line for line in lines if line.split(",")[1] != ""]
    for artifact, rows in ((test, kept[0::5]), (train, [r for k, r in enumerate(kept) if k % 5])):
        with open(artifact.path, "w") as f:
            f.write("\n".join([header, *rows]) + "\n")


@dsl.component(base_image=IMAGE)
def train(train: Input[Dataset], model: Output[Model]):
    import json
    import statistics

    with open(train.path) as f:
        points = [tuple(map(float, line.split(","))) for line in f.read().splitlines()[1:]]
    xs, ys = zip(*points, strict=True)
    fit = statistics.linear_regression(xs, ys)
    with open(model.path, "w") as f:
        json.dump({"slope": fit.slope, "intercept": fit.intercept}, f)


@dsl.component(base_image=IMAGE)
def evaluate(model: Input[Model], test: Input[Dataset], metrics: Output[Metrics]) -> str:
    import json
    import math

    with open(model.path) as f:
        params = json.load(f)
    slope, intercept = params["slope"], params["intercept"]
    with open(test.path) as f:
        points = [tuple(map(float, line.split(","))) for line in f.read().splitlines()[1:]]
    rmse = math.sqrt(sum((slope * x + intercept - y) ** 2 for x, y in points) / len(points))
    # Logged metrics show up in the KFP UI next to the run, and can be compared across runs.
    metrics.log_metric("rmse", rmse)
    n = len(points)
    return f"slope={slope:.4f} intercept={intercept:.4f} rmse={rmse:.4f} test_rows={n}"


@dsl.pipeline(name="regression")
def regression_pipeline() -> str:
    raw = extract()
    split = transform(raw=raw.outputs["raw"])
    fitted = train(train=split.outputs["train"])
    report = evaluate(model=fitted.outputs["model"], test=split.outputs["test"])
    return report.outputs["Output"]


if __name__ == "__main__":
    # The IR YAML is what a Kubeflow Pipelines backend (or Vertex AI Pipelines) runs.
    compiler.Compiler().compile(regression_pipeline, "regression_pipeline.yaml")
    # The same pipeline, each task in a subprocess of this Python: no cluster, no Docker.
    local.init(runner=local.SubprocessRunner(use_venv=False), pipeline_root="local_outputs")
    run = regression_pipeline()
    print(run.output)
    #> slope=3.0397 intercept=1.8234 rmse=1.1947 test_rows=38
