"""Fan-out and fan-in in Prefect: `Task.map` submits one task run per item of a list that exists
only at run time, and passing the mapped futures to another task makes it wait for all of them.
"""

from prefect import flow, task


@task
def list_shards(n_rows: int, shard_size: int) -> list[range]:
    return [range(i, min(i + shard_size, n_rows)) for i in range(0, n_rows, shard_size)]


@task
def count_even(shard: range) -> int:
    return sum(1 for i in shard if i % 2 == 0)


@task
def combine(counts: list[int]) -> str:
    return f"{len(counts)} shards, per shard {counts}, total {sum(counts)}"


@flow
def fan_out_fan_in(n_rows: int = 25, shard_size: int = 10) -> str:
    shards = list_shards(n_rows, shard_size)  # how many is known only now
    counts = count_even.map(shards)  # one task run per shard, run concurrently (threads)
    return combine(counts)  # a list of futures: Prefect resolves them before `combine` runs


if __name__ == "__main__":
    print(fan_out_fan_in())
    #> 3 shards, per shard [5, 5, 3], total 13
    print(fan_out_fan_in(n_rows=42))
    #> 5 shards, per shard [5, 5, 5, 5, 1], total 21
