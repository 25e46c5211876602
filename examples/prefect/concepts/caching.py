"""Prefect caches a task by a cache key its `cache_policy` computes: here `INPUTS + TASK_SOURCE`, a
hash of the arguments and of the task's source code.

A second flow run with the same input finds the cache record and the task run ends `Cached` without
running its body; a new input misses. Caching needs the result persisted (`persist_result=True`).
"""

from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import INPUTS, TASK_SOURCE

CALLS = Path("calls.txt")  # counts real executions of the task's body


@task(
    persist_result=True,
    # The default policy adds RUN_ID: it would only reuse results inside one flow run.
    # Cache records go to ./cache, the results themselves to Prefect's local storage (~/.prefect).
    cache_policy=(INPUTS + TASK_SOURCE).configure(key_storage="cache"),
)
def featurize(n: int) -> int:
    with CALLS.open("a") as calls:
        calls.write("x")
    return sum(i * i for i in range(n))


@flow
def pipeline(n: int) -> str:
    state = featurize(n, return_state=True)
    return f"n={n}: {state.name}, result {state.result()}"


if __name__ == "__main__":
    print(pipeline(1000))  # computes
    #> n=1000: Completed, result 332833500
    print(pipeline(1000))  # same input, same code: read from the cache
    #> n=1000: Cached, result 332833500
    print(pipeline(2000))  # a new input is a new key: computes
    #> n=2000: Completed, result 2664667000
    print(f"the task body ran {len(CALLS.read_text())} times in 3 flow runs")
    #> the task body ran 2 times in 3 flow runs
