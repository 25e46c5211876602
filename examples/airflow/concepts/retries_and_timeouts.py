"""Retries and timeouts are task arguments: `retries` and `retry_delay` re-run a failed task
(`ti.try_number` counts the attempts), and `execution_timeout` raises `AirflowTaskTimeout` in a
task that runs too long, which then fails (or retries, if it has retries left)."""

import time
from datetime import timedelta

from airflow.sdk import dag, task


@task(retries=2, retry_delay=timedelta(seconds=0))
def flaky(ti=None) -> str:
    print(f"flaky: attempt {ti.try_number}")
    #> flaky: attempt 1
    #> flaky: attempt 2
    #> flaky: attempt 3
    if ti.try_number < 3:
        raise ConnectionError("service unavailable")  # stands in for a transient error
    return "ok"


@task(execution_timeout=timedelta(seconds=1), retries=0)
def too_slow() -> None:
    time.sleep(5)  # cut off after 1 s
    print("never printed")


@dag(schedule=None)
def concept_retries_and_timeouts():
    flaky()
    too_slow()


pipeline = concept_retries_and_timeouts()

if __name__ == "__main__":
    # dag.test() records failures in the metadata database instead of raising them.
    run = pipeline.test()
    for ti in sorted(run.get_task_instances(), key=lambda ti: ti.task_id):
        print(f"{ti.task_id}: {ti.state} after {ti.try_number} attempt(s)")
        #> flaky: success after 3 attempt(s)
        #> too_slow: failed after 1 attempt(s)
    print(f"run: {run.state}")
    #> run: failed
