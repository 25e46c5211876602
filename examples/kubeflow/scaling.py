"""What the benchmark times in Kubeflow Pipelines: a chain of N trivial tasks, each returning its
input plus one, and a fan-out of N such tasks whose results one task sums.
`python scaling.py chain 50`."""

import sys

from kfp import dsl, local

SHAPES = ("chain", "fan-out")
IMAGE = "python:3.11"


@dsl.component(base_image=IMAGE)
def step(x: int) -> int:
    return x + 1


@dsl.component(base_image=IMAGE)
def total(results: list) -> int:
    return sum(int(r) for r in results)  # a collected list arrives as JSON numbers: floats


@dsl.pipeline(name="fan-out")
def fan_out(items: list) -> int:
    # The list is a run's argument: ParallelFor runs one `step` task per item of it.
    with dsl.ParallelFor(items) as item:
        stepped = step(x=item)
    return total(results=dsl.Collected(stepped.output)).output


def chain_of(n: int):
    """A pipeline of n `step` tasks, each fed the one before's output (KFP names them step,
    step-2, ..., step-n)."""

    @dsl.pipeline(name=f"chain-of-{n}")
    def chain() -> int:
        x = step(x=0).output
        for _ in range(n - 1):
            x = step(x=x).output
        return x

    return chain


def run(shape: str, n: int) -> int:
    """Build the pipeline for `shape` with `n` tasks, run it once locally, return its result:
    the chain's last value (n, starting from 0) or the fan-out's sum (n*(n+1)/2 for inputs
    0..n-1)."""
    # Each task is a subprocess of this Python: no cluster, no Docker.
    local.init(runner=local.SubprocessRunner(use_venv=False), pipeline_root="local_outputs")
    if shape == "chain":
        return chain_of(n)().output
    return fan_out(items=list(range(n))).output


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
