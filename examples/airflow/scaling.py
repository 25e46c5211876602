"""What the benchmark times in Apache Airflow: a chain of N trivial tasks, each returning its input
plus one, and a fan-out of N such tasks whose results one task sums. `python scaling.py chain 50`."""

import sys

from airflow.sdk import DAG, dag, task

SHAPES = ("chain", "fan-out")


@task
def step(x: int) -> int:
    return x + 1


@task
def total(results) -> int:
    return sum(results)  # a lazy sequence of the mapped task instances' results


def build(shape: str, n: int) -> DAG:
    """The DAG of `shape` with `n` tasks: step_1 to step_n in a chain, or `step` mapped n times."""

    @dag(dag_id=f"scaling_{shape.replace('-', '_')}", schedule=None)
    def scaling():
        if shape == "chain":
            x = 0
            for i in range(1, n + 1):
                x = step.override(task_id=f"step_{i}")(x)
        else:
            # expand() creates one task instance per item when the DAG runs.
            total(step.expand(x=list(range(n))))

    return scaling()


def asked() -> list[tuple[str, int]]:
    asked = sys.argv[1:3]  # under the test harness argv is pytest's: fall back to a small run
    if len(asked) == 2 and asked[0] in SHAPES:
        return [(asked[0], int(asked[1]))]
    return [("chain", 3), ("fan-out", 3)]


# Airflow fixes a DAG's tasks when it parses the file, and dag.test() parses the DAGs folder (in
# this process, so with this command line) to store the DAG before it runs it: the DAGs of the
# sizes asked for are built here, at import, where the parser finds them.
dags = [build(shape, n) for shape, n in asked()]


def run(shape: str, n: int) -> int:
    """Build the pipeline for `shape` with `n` tasks, run it once locally, return its result:
    the chain's last value (n, starting from 0) or the fan-out's sum (n*(n+1)/2 for inputs
    0..n-1)."""
    dagrun = build(shape, n).test()  # every task in this process, without a scheduler
    if dagrun.state != "success":
        raise RuntimeError(f"{dagrun.dag_id} finished {dagrun.state}")
    last = f"step_{n}" if shape == "chain" else "total"
    return dagrun.get_task_instance(last).xcom_pull(task_ids=last)


if __name__ == "__main__":
    for shape, n in asked():
        print(f"{shape} of {n}: {run(shape, n)}")
        #> chain of 3: 3
        #> fan-out of 3: 6
