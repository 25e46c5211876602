"""What the benchmark times in ZenML: a chain of N trivial steps, each returning its input plus
one, and a fan-out of N such steps whose results one step sums. `python scaling.py chain 50`.

Both pipelines run with caching off (`enable_cache=False`): ZenML would otherwise reuse the outputs
of an earlier run's identical steps, and a repeat run would time lookups instead of the work. The
chain is a static pipeline of N step invocations; the fan-out is a dynamic pipeline
(`@pipeline(dynamic=True)`, documented as experimental), where `step.map` maps only over an upstream
step's output: so one more step, `inputs`, returns the list, and the fan-out of N runs N+2 steps."""

import os
import sys
from unittest import mock

from zenml import pipeline, step

SHAPES = ("chain", "fan-out")


@step
def add_one(x: int) -> int:
    return x + 1


@step
def inputs(n: int) -> list[int]:
    return list(range(n))  # the list the fan-out maps over, known when this step has run


@step
def total(values: list[int]) -> int:
    return sum(values)


@pipeline(enable_cache=False)
def scaling_chain(n: int) -> None:
    value = 0
    for i in range(1, n + 1):
        # n invocations of add_one, step_1 to step_n: each a step of the graph, taking the last.
        value = add_one(value, id=f"step_{i}")


@pipeline(dynamic=True, enable_cache=False)
def scaling_fan_out(n: int) -> None:
    # One add_one step run per item of inputs' list; total receives all of their outputs.
    total(add_one.map(inputs(n)))


def run(shape: str, n: int) -> int:
    """Build the pipeline for `shape` with `n` tasks, run it once locally, return its result:
    the chain's last value (n, starting from 0) or the fan-out's sum (n*(n+1)/2 for inputs 0..n-1)."""
    if shape == "chain":
        # The local orchestrator runs the steps one after another in this process.
        return scaling_chain(n).steps[f"step_{n}"].output.load()
    # ZenML 0.98 resolves a step's inputs through an in-memory record of the run's finished step
    # runs that keeps only the last 100 by default: past 100, `total` fails to find some of its n
    # inputs ("No step `map:add_one:39` found in current run"). So this run keeps them all.
    cache = {"ZENML_EXECUTION_CONTEXT_STEP_RUN_CACHE_SIZE": str(max(100, n + 2))}
    with mock.patch.dict(os.environ, cache):
        return scaling_fan_out(n).steps["total"].output.load()


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
