"""Dynamic task mapping: how many tasks run is decided by data, when the DAG runs."""

import random

from airflow.sdk import dag, task


@task
def make_batches() -> list[list[int]]:
    # Stands in for "the files that arrived today": the count is unknown when the DAG is parsed.
    count = random.Random(7).randint(2, 6)
    return [list(range(10 * i, 10 * i + 10)) for i in range(count)]


@task
def batch_sum(batch: list[int]) -> int:
    return sum(batch)


@task
def report(sums) -> None:
    sums = list(sums)  # a lazy sequence of the mapped tasks' results
    summary = f"{len(sums)} mapped task instances, total {sum(sums)}"
    print(summary)
    #> 4 mapped task instances, total 780


@dag(schedule=None)
def dynamic_mapping():
    # expand() creates one batch_sum task instance per batch at run time.
    report(batch_sum.expand(batch=make_batches()))


pipeline = dynamic_mapping()

if __name__ == "__main__":
    run = pipeline.test()
