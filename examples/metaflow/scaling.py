"""What the benchmark times in Metaflow: a chain of N trivial tasks, each returning its input plus
one, and a fan-out of N such tasks whose results one task sums. `python scaling.py chain 50`.

Each task is a step, and every step runs as a process of its own. A flow's steps are the methods of
its one `FlowSpec`, so this file builds that class for the run it is asked for: the run, and each
step's process, imports the file anew and builds the same class from SCALING_PLAN."""

import linecache
import os
import sys

from metaflow import FlowSpec, Runner, step

SHAPES = ("chain", "fan-out")
PLAN = "SCALING_PLAN"  # `chain 50`: which flow this file defines, handed to the run by the driver


def chain_flow(n: int) -> type[FlowSpec]:
    """n steps, step_1 to step_n, each adding one to the value the step before it stored."""
    # Metaflow finds a step's successor by reading its source, `self.next(self.step_2)`: so the
    # class is generated as source text, kept by linecache where `inspect` looks for it.
    lines = ["class ScalingChainFlow(FlowSpec):"]
    for i in range(1, n + 1):
        lines += [
            f"    @step(start={i == 1}, end={i == n})",
            f"    def step_{i}(self):",
            f"        self.value = {'self.value' if i > 1 else 0} + 1",
        ]
        if i < n:
            lines.append(f"        self.next(self.step_{i + 1})")
    source = "\n".join(lines) + "\n"
    filename = f"<ScalingChainFlow of {n}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    defined = {"FlowSpec": FlowSpec, "step": step, "__name__": __name__}
    exec(compile(source, filename, "exec"), defined)
    return defined["ScalingChainFlow"]


def fan_out_flow(n: int) -> type[FlowSpec]:
    """start splits range(n) with a foreach: one add_one task per item; total joins and sums."""

    class ScalingFanOutFlow(FlowSpec):
        @step
        def start(self):
            self.inputs = list(range(n))
            self.next(self.add_one, foreach="inputs")

        @step
        def add_one(self):
            self.value = self.input + 1
            self.next(self.total)

        @step
        def total(self, inputs):
            self.value = sum(task.value for task in inputs)
            self.next(self.end)

        @step
        def end(self):
            pass

    return ScalingFanOutFlow


planned_shape, planned_n = os.environ.get(PLAN, "chain 1").split()
ScalingFlow = (chain_flow if planned_shape == "chain" else fan_out_flow)(int(planned_n))


def run(shape: str, n: int) -> int:
    """Build the pipeline for `shape` with `n` tasks, run it once locally, return its result:
    the chain's last value (n, starting from 0) or the fan-out's sum (n*(n+1)/2 for inputs 0..n-1)."""
    runner = Runner(__file__, show_output=False, env={PLAN: f"{shape} {n}"})
    # A foreach may start at most 100 tasks unless the run allows more.
    with runner.run(max_num_splits=max(n, 100)) as running:
        if running.status != "successful":
            raise RuntimeError(f"{shape} of {n}: the run {running.status}:\n{running.stderr}")
        return running.run.data.value


if __name__ == "__main__":
    asked = sys.argv[1:3]  # under the test harness argv is the bare script name: a small run
    if asked and asked[0] not in SHAPES:
        # Metaflow's command line: the Runner starts `run` here, and the run every step's process.
        ScalingFlow()
    else:
        plans = [(asked[0], int(asked[1]))] if len(asked) == 2 else [("chain", 3), ("fan-out", 3)]
        for shape, n in plans:
            print(f"{shape} of {n}: {run(shape, n)}")
            #> chain of 3: 3
            #> fan-out of 3: 6
