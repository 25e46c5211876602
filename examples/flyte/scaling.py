"""What the benchmark times in Flyte: a chain of N trivial tasks, each returning its input plus
one, and a fan-out of N such tasks whose results one task sums. `python scaling.py chain 50`."""

import asyncio
import sys

import flyte

SHAPES = ("chain", "fan-out")

env = flyte.TaskEnvironment(name="scaling")


@env.task
async def step(x: int) -> int:
    return x + 1


@env.task
async def total(values: list[int]) -> int:
    return sum(values)


@env.task
async def chain(n: int) -> int:
    value = 0
    for i in range(n):
        # n actions of n distinct tasks (step-0, step-1...), each awaiting the previous one's result.
        value = await step.override(short_name=f"step-{i}")(value)
    return value


@env.task
async def fan_out(n: int) -> int:
    values = await asyncio.gather(*(step(i) for i in range(n)))  # one action per input
    return await total(list(values))


def run(shape: str, n: int) -> int:
    """Build the pipeline for `shape` with `n` tasks, run it once locally, return its result:
    the chain's last value (n, starting from 0) or the fan-out's sum (n*(n+1)/2 for inputs 0..n-1)."""
    return flyte.run(chain if shape == "chain" else fan_out, n=n).outputs()[0]


if __name__ == "__main__":
    # As pipeline.py: no endpoint, so every run is local and in-process, recorded in
    # ~/.flyte/local-cache/cache.db.
    flyte.init(local_persistence=True)
    asked = sys.argv[1:3]  # under the test harness argv is pytest's: fall back to a small run
    if len(asked) == 2 and asked[0] in SHAPES:
        plans = [(asked[0], int(asked[1]))]
    else:
        plans = [("chain", 3), ("fan-out", 3)]
    for shape, n in plans:
        print(f"{shape} of {n}: {run(shape, n)}")
        #> chain of 3: 3
        #> fan-out of 3: 6
