"""Retries and timeouts are task options in Prefect: `@task(retries=..., timeout_seconds=...)`.

`prefect.runtime.task_run.run_count` is the attempt number; a task that overruns its timeout ends in
a `TimedOut` state (a kind of Failed), which `return_state=True` hands back instead of raising.
"""

import time

from prefect import flow, task
from prefect.runtime import task_run


@task(retries=2, retry_delay_seconds=0)
def flaky() -> str:
    attempt = task_run.run_count  # 1, 2, 3: Prefect counts the attempts of this task run
    print(f"attempt {attempt}")
    #> attempt 1
    #> attempt 2
    #> attempt 3
    if attempt < 3:
        raise ConnectionError(f"attempt {attempt} failed")
    return f"succeeded on attempt {attempt}"


@task(timeout_seconds=1)
def slow() -> None:
    time.sleep(5)


@flow
def resilient() -> None:
    print(flaky())
    #> succeeded on attempt 3
    state = slow(return_state=True)
    print(f"slow: {state.type.value} / {state.name}: {state.message}")
    #> slow: FAILED / TimedOut: Task run exceeded timeout of 1.0 second(s)


if __name__ == "__main__":
    resilient()
