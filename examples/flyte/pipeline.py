"""The shared pipeline as four Flyte tasks, called in order by a fifth task, `pipeline`."""

import csv
import json
import math
import random
import statistics
from pathlib import Path

import flyte
from flyte.io import File

DATA = Path("data")  # relative to the working directory of the process that runs the tasks

# A TaskEnvironment holds what its tasks share on a cluster: image, resources, secrets, cache.
env = flyte.TaskEnvironment(name="guide")


def write_rows(path: Path, rows: list[tuple[float, float]]) -> None:
    with path.open("w") as f:
        f.write("x,y\n")
        f.writelines(f"{x:.6f},{y:.6f}\n" for x, y in rows)


def read_rows(path: str) -> list[tuple[float, float]]:
    with open(path) as f:
        return [(float(row["x"]), float(row["y"])) for row in csv.DictReader(f)]


# Each task returns a flyte.io.File: a typed reference that the next task receives as an input.
# On a cluster, File.from_local uploads the file to the blob store and download() fetches it;
# in a local run the file stays where the task wrote it.
@env.task
async def extract() -> File:
    DATA.mkdir(exist_ok=True)
    rng = random.Random(42)
    lines = ["x,y"]
    for i in range(200):
        x = rng.uniform(0, 10)
        y = 3.0 * x + 2.0 + rng.gauss(0, 1)  # drawn for every row, so the sequence never shifts
        lines.append(f"{x:.6f}," if i % 20 == 0 else f"{x:.6f},{y:.6f}")
    path = DATA / "raw.csv"
    path.write_text("\n".join(lines) + "\n")
    return await File.from_local(path)


@env.task
async def transform(raw: File) -> tuple[File, File]:
    with open(await raw.download()) as f:
        kept = [(float(r["x"]), float(r["y"])) for r in csv.DictReader(f) if r["y"]]
    train_csv, test_csv = DATA / "train.csv", DATA / "test.csv"
    write_rows(train_csv, [row for k, row in enumerate(kept) if k % 5 != 0])
    write_rows(test_csv, [row for k, row in enumerate(kept) if k % 5 == 0])
    return await File.from_local(train_csv), await File.from_local(test_csv)


@env.task
async def train(train_csv: File) -> File:
    xs, ys = zip(*read_rows(await train_csv.download()), strict=True)
    fit = statistics.linear_regression(xs, ys)
    path = DATA / "model.json"
    path.write_text(json.dumps({"slope": fit.slope, "intercept": fit.intercept}))
    return await File.from_local(path)


@env.task
async def evaluate(model: File, test_csv: File) -> str:
    params = json.loads(Path(await model.download()).read_text())
    slope, intercept = params["slope"], params["intercept"]
    test = read_rows(await test_csv.download())
    rmse = math.sqrt(statistics.fmean((slope * x + intercept - y) ** 2 for x, y in test))
    return f"slope={slope:.4f} intercept={intercept:.4f} rmse={rmse:.4f} test_rows={len(test)}"


# The "workflow" is a task too: plain Python that awaits the other tasks. Each call becomes an
# action of the run (a pod of its own on a cluster).
@env.task
async def pipeline() -> str:
    raw = await extract()
    train_csv, test_csv = await transform(raw)
    model = await train(train_csv)
    return await evaluate(model, test_csv)


if __name__ == "__main__":
    # No endpoint, so the run is local and in-process. local_persistence records the run and each
    # action in ~/.flyte/local-cache/cache.db (`flyte start tui`, from flyte[tui], browses them).
    flyte.init(local_persistence=True)
    run = flyte.run(pipeline)
    print(run.outputs()[0])
    #> slope=3.0397 intercept=1.8234 rmse=1.1947 test_rows=38
