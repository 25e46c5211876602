"""The shared pipeline as four Dagster assets: raw data, train/test split, model, evaluation."""

import csv
import json
import math
import random
import statistics
from pathlib import Path

import dagster as dg

DATA = Path("data")  # relative to the working directory of the process that runs the assets


def write_rows(path: Path, rows: list[tuple[float, float]]) -> None:
    with path.open("w") as f:
        f.write("x,y\n")
        f.writelines(f"{x:.6f},{y:.6f}\n" for x, y in rows)


def read_rows(path: Path) -> list[tuple[float, float]]:
    with path.open() as f:
        return [(float(row["x"]), float(row["y"])) for row in csv.DictReader(f)]


# Each asset returns the path of the file it wrote; an asset's parameter names the upstream asset
# it depends on, and Dagster passes that asset's value in.
@dg.asset
def raw_data() -> Path:
    DATA.mkdir(exist_ok=True)
    rng = random.Random(42)
    lines = ["x,y"]
    for i in range(200):
        x = rng.uniform(0, 10)
        y = 3.0 * x + 2.0 + rng.gauss(0, 1)  # drawn for every row, so the sequence never shifts
        lines.append(f"{x:.6f}," if i % 20 == 0 else f"{x:.6f},{y:.6f}")
    path = DATA / "raw.csv"
    path.write_text("\n".join(lines) + "\n")
    return path


@dg.asset
def train_test_split(raw_data: Path) -> dict[str, Path]:
    with raw_data.open() as f:
        kept = [(float(r["x"]), float(r["y"])) for r in csv.DictReader(f) if r["y"]]
    paths = {"train": DATA / "train.csv", "test": DATA / "test.csv"}
    write_rows(paths["train"], [row for k, row in enumerate(kept) if k % 5 != 0])
    write_rows(paths["test"], [row for k, row in enumerate(kept) if k % 5 == 0])
    return paths


# An asset check runs right after its asset and is shown beside it in the UI.
@dg.asset_check(asset=train_test_split)
def test_share_is_one_fifth(train_test_split: dict[str, Path]) -> dg.AssetCheckResult:
    train, test = (len(read_rows(train_test_split[part])) for part in ("train", "test"))
    share = test / (train + test)
    return dg.AssetCheckResult(passed=abs(share - 0.2) < 0.01, metadata={"test_share": share})


@dg.asset
def model(train_test_split: dict[str, Path]) -> Path:
    xs, ys = zip(*read_rows(train_test_split["train"]), strict=True)
    fit = statistics.linear_regression(xs, ys)
    path = DATA / "model.json"
    path.write_text(json.dumps({"slope": fit.slope, "intercept": fit.intercept}))
    return path


@dg.asset
def evaluation(model: Path, train_test_split: dict[str, Path]) -> str:
    params = json.loads(model.read_text())
    slope, intercept = params["slope"], params["intercept"]
    test = read_rows(train_test_split["test"])
    rmse = math.sqrt(statistics.fmean((slope * x + intercept - y) ** 2 for x, y in test))
    return f"slope={slope:.4f} intercept={intercept:.4f} rmse={rmse:.4f} test_rows={len(test)}"


# What `dg dev` (the UI) and `dg launch` load: a module-level Definitions object.
assets = [raw_data, train_test_split, model, evaluation]
checks = [test_share_is_one_fifth]
defs = dg.Definitions(assets=assets, asset_checks=checks)

if __name__ == "__main__":
    # In-process run; with DAGSTER_HOME unset, Dagster uses a throwaway temporary instance.
    result = dg.materialize([*assets, *checks])
    print(result.output_for_node("evaluation"))
    #> slope=3.0397 intercept=1.8234 rmse=1.1947 test_rows=38
