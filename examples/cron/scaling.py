"""What the benchmark times in plain Python (the baseline cron starts): a chain of N trivial
steps, each returning its input plus one, and a fan-out of N such steps whose results one step
sums. `python scaling.py chain 50`."""

import sys
from concurrent.futures import ThreadPoolExecutor

SHAPES = ("chain", "fan-out")


def step(x: int) -> int:
    return x + 1


def total(results: list[int]) -> int:
    return sum(results)


def run(shape: str, n: int) -> int:
    """Build the pipeline for `shape` with `n` steps, run it once in this process, return its
    result: the chain's last value (n, starting from 0) or the fan-out's sum (n*(n+1)/2 for
    inputs 0..n-1)."""
    if shape == "chain":
        steps = [step] * n  # the pipeline: n steps, each fed the one before's output
        x = 0
        for each in steps:
            x = each(x)
        return x
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(step, range(n)))  # in the order of the inputs
    return total(results)


if __name__ == "__main__":
    asked = sys.argv[1:3]  # under the test harness argv is pytest's: fall back to a small run
    if len(asked) == 2 and asked[0] in SHAPES:
        plans = [(asked[0], int(asked[1]))]
    else:
        plans = [("chain", 3), ("fan-out", 3)]
    for shape, n in plans:
        print(f"{shape} of {n}: {run(shape, n)}")
        #> chain of 3: 3
        #> fan-out of 3: 6
