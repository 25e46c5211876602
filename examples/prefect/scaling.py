"""What the benchmark times in Prefect: a chain of N trivial tasks, each returning its input plus
one, and a fan-out of N such tasks whose results one task sums. `python scaling.py chain 50`."""

import sys

from prefect import flow, task

SHAPES = ("chain", "fan-out")


@task
def step(x: int) -> int:
    return x + 1


@task
def total(values: list[int]) -> int:
    return sum(values)


@flow(name="scaling-chain")
def chain(n: int) -> int:
    value = 0
    for i in range(n):
        # n task runs of n distinct tasks (step-0, step-1...), each taking the previous one's result.
        value = step.with_options(name=f"step-{i}")(value)
    return value


@flow(name="scaling-fan-out")
def fan_out(n: int) -> int:
    # One task run per input, run concurrently; `total` waits for all of their futures.
    return total(step.map(range(n)))


def run(shape: str, n: int) -> int:
    """Build the pipeline for `shape` with `n` tasks, run it once locally, return its result:
    the chain's last value (n, starting from 0) or the fan-out's sum (n*(n+1)/2 for inputs 0..n-1)."""
    return chain(n) if shape == "chain" else fan_out(n)


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
