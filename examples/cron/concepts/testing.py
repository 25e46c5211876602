"""Testing: the steps are plain functions, so one test calls a step with a small input and another
runs the whole pipeline in a temporary directory. pytest collects these `test_*` functions as
they are (`pytest testing.py`); here `__main__` calls them."""

import json
import math
import statistics
import tempfile
from pathlib import Path


def clean(rows: list[dict[str, str]]) -> list[tuple[float, float]]:
    """Drop the rows with no y."""
    return [(float(r["x"]), float(r["y"])) for r in rows if r["y"]]


def train(points: list[tuple[float, float]]) -> dict[str, float]:
    xs, ys = zip(*points, strict=True)
    slope, intercept = statistics.linear_regression(xs, ys)
    return {"slope": slope, "intercept": intercept}


def run(data: Path) -> str:
    """The whole pipeline, writing under `data`."""
    rows = [{"x": str(x), "y": "" if x % 4 == 0 else str(3 * x + 2)} for x in range(20)]
    model = train(clean(rows))
    (data / "model.json").write_text(json.dumps(model))
    return f"slope={model['slope']:.1f} intercept={model['intercept']:.1f}"


def test_clean_drops_rows_without_y():
    rows = [{"x": "1", "y": "5"}, {"x": "2", "y": ""}, {"x": "3", "y": "11"}]
    assert clean(rows) == [(1.0, 5.0), (3.0, 11.0)]


def test_pipeline_end_to_end():
    with tempfile.TemporaryDirectory() as tmp:
        assert run(Path(tmp)) == "slope=3.0 intercept=2.0"
        model = json.loads((Path(tmp) / "model.json").read_text())
    assert math.isclose(model["slope"], 3.0)
    assert math.isclose(model["intercept"], 2.0)


if __name__ == "__main__":
    for test in (test_clean_drops_rows_without_y, test_pipeline_end_to_end):
        test()
        print(f"{test.__name__} passed")
        #> test_clean_drops_rows_without_y passed
        #> test_pipeline_end_to_end passed
