"""Draft: the guide's four steps as a plain script; rewrite each as a Flyte task."""

import csv
import json
import math
import random
import statistics
from pathlib import Path

DATA = Path("data")


def extract() -> Path:
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


def transform(raw: Path) -> tuple[Path, Path]:
    """Drop rows with no y; every fifth kept row goes to the test set."""
    with raw.open(newline="") as f:
        rows = [row for row in csv.DictReader(f) if row["y"]]
    train, test = DATA / "train.csv", DATA / "test.csv"
    for path, keep in ((train, lambda k: k % 5 != 0), (test, lambda k: k % 5 == 0)):
        with path.open("w", newline="") as f:
            out = csv.writer(f)
            out.writerow(["x", "y"])
            out.writerows([r["x"], r["y"]] for k, r in enumerate(rows) if keep(k))
    return train, test


def read_points(path: Path) -> tuple[list[float], list[float]]:
    with path.open(newline="") as f:
        rows = list(csv.DictReader(f))
    return [float(r["x"]) for r in rows], [float(r["y"]) for r in rows]


def train(train_csv: Path) -> Path:
    slope, intercept = statistics.linear_regression(*read_points(train_csv))
    model = DATA / "model.json"
    model.write_text(json.dumps({"slope": slope, "intercept": intercept}))
    return model


def evaluate(model_json: Path, test_csv: Path) -> str:
    model = json.loads(model_json.read_text())
    xs, ys = read_points(test_csv)
    pairs = zip(xs, ys, strict=True)
    errors = [(model["slope"] * x + model["intercept"] - y) ** 2 for x, y in pairs]
    rmse = math.sqrt(statistics.fmean(errors))
    return (
        f"slope={model['slope']:.4f} intercept={model['intercept']:.4f} "
        f"rmse={rmse:.4f} test_rows={len(xs)}"
    )


if __name__ == "__main__":
    train_csv, test_csv = transform(extract())
    result = evaluate(train(train_csv), test_csv)
    print(result)
    #> slope=3.0397 intercept=1.8234 rmse=1.1947 test_rows=38
