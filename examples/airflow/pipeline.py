"""The shared four-step pipeline as an Airflow DAG: `python pipeline.py` runs it once, locally."""

import csv
import json
import math
import random
import statistics
from pathlib import Path

from airflow.sdk import dag, task

# Tasks can run in different processes, so they pass each other file paths (small XComs),
# never the data itself. On a real deployment this folder would be shared or object storage.
DATA = Path("ml-pipeline-data")


@task
def extract() -> str:
    DATA.mkdir(exist_ok=True)
    rng = random.Random(42)
    rows = []
    for i in range(200):
        # Draw both numbers for every row, so the missing values don't shift the sequence.
        x = rng.uniform(0, 10)
        y = 3.0 * x + 2.0 + rng.gauss(0, 1)
        rows.append(f"{x:.6f}," if i % 20 == 0 else f"{x:.6f},{y:.6f}")
    raw = DATA / "raw.csv"
    raw.write_text("\n".join(["x,y", *rows]) + "\n")
    return str(raw)


@task(multiple_outputs=True)
def transform(raw: str) -> dict[str, str]:
    with open(raw, newline="") as f:
        kept = [row for row in csv.DictReader(f) if row["y"]]
    splits = {"train": DATA / "train.csv", "test": DATA / "test.csv"}
    for name, path in splits.items():
        # Every fifth kept row is held out for testing.
        part = [r for k, r in enumerate(kept) if (k % 5 == 0) == (name == "test")]
        lines = [f"{float(r['x']):.6f},{float(r['y']):.6f}" for r in part]
        path.write_text("\n".join(["x,y", *lines]) + "\n")
    return {name: str(path) for name, path in splits.items()}


def read_points(path: str) -> list[tuple[float, float]]:
    with open(path, newline="") as f:
        return [(float(r["x"]), float(r["y"])) for r in csv.DictReader(f)]


@task
def train(train_csv: str) -> str:
    points = read_points(train_csv)
    slope, intercept = statistics.linear_regression([x for x, _ in points], [y for _, y in points])
    model = DATA / "model.json"
    model.write_text(json.dumps({"slope": slope, "intercept": intercept}))
    return str(model)


@task
def evaluate(model_json: str, test_csv: str) -> None:
    model = json.loads(Path(model_json).read_text())
    slope, intercept = model["slope"], model["intercept"]
    points = read_points(test_csv)
    rmse = math.sqrt(statistics.fmean((slope * x + intercept - y) ** 2 for x, y in points))
    n = len(points)
    print(f"slope={slope:.4f} intercept={intercept:.4f} rmse={rmse:.4f} test_rows={n}")
    #> slope=3.0397 intercept=1.8234 rmse=1.1947 test_rows=38


# No schedule: this DAG runs when triggered (from the UI, the CLI, or dag.test() below).
@dag(schedule=None)
def ml_pipeline():
    split = transform(extract())
    evaluate(train(split["train"]), split["test"])


pipeline = ml_pipeline()

if __name__ == "__main__":
    # Runs every task in this process against the metadata database, without a scheduler.
    run = pipeline.test()
