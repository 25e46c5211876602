"""Dynamic workflows are plain Python in Prefect: the flow's code decides its tasks at run time."""

from prefect import flow, task


@task
def plan_batches(n_rows: int, batch_size: int = 50) -> list[tuple[int, int]]:
    return [(start, min(start + batch_size, n_rows)) for start in range(0, n_rows, batch_size)]


@task
def score(batch: tuple[int, int]) -> int:
    start, stop = batch
    return stop - start


@flow
def batch_scoring(n_rows: int) -> list[int]:
    batches = plan_batches(n_rows)
    # One task run per batch: how many is known only once plan_batches has run.
    sizes = score.map(batches).result()
    if sum(sizes) != n_rows:  # an ordinary `if` on task results, no special branch operator
        raise ValueError(f"scored {sum(sizes)} of {n_rows} rows")
    return sizes


if __name__ == "__main__":
    sizes = batch_scoring(120)
    print(sizes)
    #> [50, 50, 20]
