"""What the benchmark times in Dagster: a chain of N trivial ops, each returning its input plus
one, and a fan-out of N such ops whose results one op sums. `python scaling.py chain 50`."""

import sys

import dagster as dg

SHAPES = ("chain", "fan-out")


@dg.op
def step(x: int = 0) -> int:  # the default feeds the chain's first op, which has no upstream
    return x + 1


@dg.op
def total(results: list[int]) -> int:
    return sum(results)


class Inputs(dg.Config):
    n: int


@dg.op(out=dg.DynamicOut(int))
def inputs(config: Inputs):
    # A fan-out needs an op that yields its items at run time: one more op than the N mapped.
    for i in range(config.n):
        yield dg.DynamicOutput(i, mapping_key=str(i))


@dg.job
def fan_out():
    # .map() runs `step` once per item inputs() yields; .collect() hands every result to total.
    total(inputs().map(step).collect())


def chain_of(n: int) -> dg.JobDefinition:
    """A job of n ops, step_1 to step_n: each an alias of `step`, a node of its own in the graph."""

    @dg.job(name=f"chain_of_{n}")
    def chain():
        x = step.alias("step_1")()
        for i in range(2, n + 1):
            x = step.alias(f"step_{i}")(x)

    return chain


def run(shape: str, n: int) -> int:
    """Build the pipeline for `shape` with `n` ops, run it once in this process, return its
    result: the chain's last value (n, starting from 0) or the fan-out's sum (n*(n+1)/2 for
    inputs 0..n-1)."""
    # With DAGSTER_HOME unset, each run is in-process on a throwaway temporary instance.
    if shape == "chain":
        result = chain_of(n).execute_in_process()
        return result.output_for_node(f"step_{n}")
    result = fan_out.execute_in_process(run_config={"ops": {"inputs": {"config": {"n": n}}}})
    return result.output_for_node("total")


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
