"""Passing data: the steps are functions, so a value passes as a return value (held in this one
process's memory, gone when it exits) and a file passes as a path the next step opens (here
`data/model.json`, relative to the directory the crontab line `cd`s into)."""

import json
import statistics
from pathlib import Path

DATA = Path("data")  # the crontab line runs `cd "$HOME/pipeline"` first: $HOME/pipeline/data


def extract() -> list[tuple[float, float]]:
    return [(float(x), 3.0 * x + 2.0) for x in range(10)]


def train(points: list[tuple[float, float]]) -> Path:
    xs, ys = zip(*points, strict=True)
    slope, intercept = statistics.linear_regression(xs, ys)
    DATA.mkdir(exist_ok=True)
    model = DATA / "model.json"
    model.write_text(json.dumps({"slope": slope, "intercept": intercept}))
    return model


def predict(model: Path, x: float) -> float:
    params = json.loads(model.read_text())
    return params["slope"] * x + params["intercept"]


if __name__ == "__main__":
    points = extract()  # a value, returned: a Python list in memory
    print(f"value: {len(points)} points, handed over in memory")
    #> value: 10 points, handed over in memory
    model = train(points)  # a file, written: its path is what the next step gets
    print(f"file: {model.as_posix()} ({model.stat().st_size} bytes), on the local disk")
    #> file: data/model.json (32 bytes), on the local disk
    print("prediction for x=20:", predict(model, 20.0))
    #> prediction for x=20: 62.0
