"""The shared pipeline as a ZenML pipeline of four steps: extract, transform, train, evaluate."""

import csv
import math
import random
import statistics
from pathlib import Path
from typing import Annotated

from zenml import pipeline, step

DATA = Path("data")  # relative to the working directory of the process that runs the steps


def read_points(path: Path) -> tuple[list[float], list[float]]:
    with path.open(newline="") as f:
        rows = list(csv.DictReader(f))
    return [float(r["x"]) for r in rows], [float(r["y"]) for r in rows]


# A step's return value is an artifact: ZenML's materializer for its type writes it to the
# artifact store and records it, and the next step receives it loaded back from there. A Path is
# stored as a copy of the file, so downstream steps read ZenML's versioned copy, not data/.
@step
def extract() -> Annotated[Path, "raw"]:
    """200 points on y = 3x + 2 with noise; every 20th y is missing, for transform to clean."""
    rng = random.Random(42)
    DATA.mkdir(exist_ok=True)
    raw = DATA / "raw.csv"
    with raw.open("w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["x", "y"])
        for i in range(200):
            x = rng.uniform(0, 10)
            y = 3.0 * x + 2.0 + rng.gauss(0, 1)
            out.writerow([f"{x:.6f}", "" if i % 20 == 0 else f"{y:.6f}"])
    return raw


@step
def transform(raw: Path) -> tuple[Annotated[Path, "train_csv"], Annotated[Path, "test_csv"]]:
    """Drop rows with no y; every fifth kept row goes to the test set."""
    with raw.open(newline="") as f:
        rows = [row for row in csv.DictReader(f) if row["y"]]
    DATA.mkdir(exist_ok=True)
    train, test = DATA / "train.csv", DATA / "test.csv"
    for path, keep in ((train, lambda k: k % 5 != 0), (test, lambda k: k % 5 == 0)):
        with path.open("w", newline="") as f:
            out = csv.writer(f)
            out.writerow(["x", "y"])
            out.writerows([r["x"], r["y"]] for k, r in enumerate(rows) if keep(k))
    return train, test


@step
def train(train_csv: Path) -> Annotated[dict[str, float], "model"]:
    """A least-squares line; the dict is stored as JSON by ZenML's built-in materializer."""
    slope, intercept = statistics.linear_regression(*read_points(train_csv))
    return {"slope": slope, "intercept": intercept}


@step
def evaluate(model: dict[str, float], test_csv: Path) -> Annotated[str, "report"]:
    xs, ys = read_points(test_csv)
    pairs = zip(xs, ys, strict=True)
    errors = [(model["slope"] * x + model["intercept"] - y) ** 2 for x, y in pairs]
    rmse = math.sqrt(statistics.fmean(errors))
    return (
        f"slope={model['slope']:.4f} intercept={model['intercept']:.4f} "
        f"rmse={rmse:.4f} test_rows={len(xs)}"
    )


# Calling steps inside a @pipeline function builds the graph; nothing runs yet.
@pipeline
def guide_pipeline() -> None:
    train_csv, test_csv = transform(extract())
    evaluate(train(train_csv), test_csv)


if __name__ == "__main__":
    # Calling the pipeline runs it on the active stack: by default the local orchestrator, a local
    # artifact store and a SQLite database, created on first use under ZenML's config directory.
    run = guide_pipeline()
    result = run.steps["evaluate"].output.load()  # read back from the artifact store
    print(result)
    #> slope=3.0397 intercept=1.8234 rmse=1.1947 test_rows=38
