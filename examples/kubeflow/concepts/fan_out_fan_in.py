"""`dsl.ParallelFor` runs a task once per item of a list that an upstream task returns at run
time, and `dsl.Collected` gathers the loop's outputs into one list for the task after the loop.
KFP's local runner runs the loop too."""

from pathlib import Path

from kfp import dsl, local

IMAGE = "python:3.11"


@dsl.component(base_image=IMAGE)
def list_shards(day: str) -> list:
    return [f"{day}/shard-{i}" for i in range(3)]  # known only when this task runs


@dsl.component(base_image=IMAGE)
def count_rows(shard: str) -> int:
    return 100 + int(shard[-1])


@dsl.component(base_image=IMAGE)
def total(counts: list) -> str:
    return f"{len(counts)} shards, {sum(int(c) for c in counts)} rows"


@dsl.pipeline(name="shards")
def shards(day: str = "2026-11-25") -> str:
    listed = list_shards(day=day)
    with dsl.ParallelFor(listed.output, parallelism=2) as shard:  # at most two at a time
        counted = count_rows(shard=shard)
    return total(counts=dsl.Collected(counted.output)).output


if __name__ == "__main__":
    local.init(runner=local.SubprocessRunner(use_venv=False), pipeline_root="local_outputs")
    print(shards().output)
    #> 3 shards, 303 rows
    (run,) = Path("local_outputs").iterdir()
    # One output folder per task that ran: the loop ran count_rows once per shard.
    for task in sorted(run.iterdir()):
        print(task.name)
        #> for-loop-1-iteration-0
        #> for-loop-1-iteration-1
        #> for-loop-1-iteration-2
        #> list-shards
        #> total
