"""The shared four-step pipeline as a Prefect flow: each task writes a file the next one reads."""

import json
import math
import random
import statistics
from pathlib import Path

from prefect import flow, task

DATA = Path("data")  # under the working directory: Prefect does not decide where files go


def write_csv(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(["x,y", *rows]) + "\n")
    return path


def read_xy(path: Path) -> tuple[list[float], list[float]]:
    pairs = [line.split(",") for line in path.read_text().splitlines()[1:]]
    return [float(x) for x, _ in pairs], [float(y) for _, y in pairs]


# --8<-- [start:tasks]
@task
def extract() -> Path:
    rng = random.Random(42)
    rows = []
    for i in range(200):
        x = rng.uniform(0, 10)
        y = 3.0 * x + 2.0 + rng.gauss(0, 1)  # drawn for every row, so the seed stays in step
        rows.append(f"{x:.6f}," if i % 20 == 0 else f"{x:.6f},{y:.6f}")
    return write_csv(DATA / "raw.csv", rows)


@task
def transform(raw_csv: Path) -> tuple[Path, Path]:
    kept = [row for row in raw_csv.read_text().splitlines()[1:] if not row.endswith(",")]
    train_rows = [row for k, row in enumerate(kept) if k % 5 != 0]
    test_rows = [row for k, row in enumerate(kept) if k % 5 == 0]
    return write_csv(DATA / "train.csv", train_rows), write_csv(DATA / "test.csv", test_rows)


@task
def train(train_csv: Path) -> Path:
    slope, intercept = statistics.linear_regression(*read_xy(train_csv))
    model_json = DATA / "model.json"
    model_json.write_text(json.dumps({"slope": slope, "intercept": intercept}))
    return model_json


@task
def evaluate(model_json: Path, test_csv: Path) -> str:
    model = json.loads(model_json.read_text())
    slope, intercept = model["slope"], model["intercept"]
    xs, ys = read_xy(test_csv)
    n = len(xs)
    rmse = math.sqrt(sum((slope * x + intercept - y) ** 2 for x, y in zip(xs, ys, strict=True)) / n)
    return f"slope={slope:.4f} intercept={intercept:.4f} rmse={rmse:.4f} test_rows={n}"


# --8<-- [end:tasks]


# --8<-- [start:flow]
@flow
def regression_pipeline() -> str:
    DATA.mkdir(exist_ok=True)
    # Handing one task's result to the next is what orders them: there are no explicit edges.
    train_csv, test_csv = transform(extract())
    return evaluate(train(train_csv), test_csv)


if __name__ == "__main__":
    # Called like a function: with no server configured, Prefect starts a temporary local one.
    summary = regression_pipeline()
    print(summary)
    #> slope=3.0397 intercept=1.8234 rmse=1.1947 test_rows=38
# --8<-- [end:flow]
