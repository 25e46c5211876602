"""The shared pipeline as a Metaflow flow: extract, transform, train and evaluate are four steps
of one `FlowSpec`, and what each step assigns to `self` is stored as an artifact of the run."""

import csv
import io
import math
import random
import statistics
import sys

from metaflow import FlowSpec, Runner, step


class PipelineFlow(FlowSpec):
    # Metaflow requires the first step to be called `start` and the last `end`: here they are
    # extract and evaluate.
    @step
    def start(self):
        """Extract: 200 points on y = 3x + 2 with noise; every 20th y is missing."""
        rng = random.Random(42)
        lines = ["x,y"]
        for i in range(200):
            x = rng.uniform(0, 10)
            y = 3.0 * x + 2.0 + rng.gauss(0, 1)  # drawn for every row, so the sequence never shifts
            lines.append(f"{x:.6f}," if i % 20 == 0 else f"{x:.6f},{y:.6f}")
        self.raw_csv = "\n".join(lines) + "\n"  # an artifact: saved in the datastore
        self.next(self.transform)

    @step
    def transform(self):
        """Drop rows with no y; every fifth kept row goes to the test set."""
        kept = [row for row in csv.DictReader(io.StringIO(self.raw_csv)) if row["y"]]
        points = [(float(row["x"]), float(row["y"])) for row in kept]
        self.train_rows = [p for k, p in enumerate(points) if k % 5 != 0]
        self.test_rows = [p for k, p in enumerate(points) if k % 5 == 0]
        self.next(self.train)

    @step
    def train(self):
        xs, ys = zip(*self.train_rows, strict=True)
        self.slope, self.intercept = statistics.linear_regression(xs, ys)
        self.next(self.end)

    @step
    def end(self):
        """Evaluate: the model's RMSE on the test set."""
        test = self.test_rows
        errors = [(self.slope * x + self.intercept - y) ** 2 for x, y in test]
        rmse = math.sqrt(statistics.fmean(errors))
        self.result = (
            f"slope={self.slope:.4f} intercept={self.intercept:.4f} "
            f"rmse={rmse:.4f} test_rows={len(test)}"
        )


if __name__ == "__main__":
    if sys.argv[1:]:
        # `python pipeline.py run` (or `show`, `resume`...): Metaflow's own command line. Every step
        # runs as a process of its own, which starts here too.
        PipelineFlow()
    else:
        # `python pipeline.py`: start the same `run` with the Runner API, then read the result
        # back from the run's artifacts through the Client API.
        with Runner(__file__, show_output=False).run() as running:
            print(running.status)
            #> successful
            print(running.run.data.result)
            #> slope=3.0397 intercept=1.8234 rmse=1.1947 test_rows=38
