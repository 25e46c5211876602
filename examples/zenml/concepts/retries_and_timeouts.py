"""No built-in step timeout: a step's options have no time limit (some orchestrators have their
own, such as the Kubernetes orchestrator's `active_deadline_seconds` for the jobs it starts), so the
slow step runs its work in a child process with a 1 s timeout. Retries are built in:
`@step(retry=StepRetryConfig(...))` reruns a failing step, and each failed attempt is recorded."""

import subprocess
import sys
from pathlib import Path

from zenml import pipeline, step
from zenml.client import Client
from zenml.config.retry_config import StepRetryConfig

ATTEMPTS = Path("attempts.txt")


# delay is in seconds, backoff multiplies it; a step with side effects is never served from cache.
@step(retry=StepRetryConfig(max_retries=2, delay=0, backoff=0), enable_cache=False)
def flaky() -> str:
    attempt = len(ATTEMPTS.read_text().splitlines()) + 1 if ATTEMPTS.exists() else 1
    with ATTEMPTS.open("a") as f:
        f.write(f"attempt {attempt}\n")
    if attempt < 3:
        raise RuntimeError(f"transient failure on attempt {attempt}")
    return f"succeeded on attempt {attempt}"


@pipeline
def retrying() -> None:
    flaky()


run = retrying()
print(ATTEMPTS.read_text().splitlines())
#> ['attempt 1', 'attempt 2', 'attempt 3']
print(run.steps["flaky"].output.load())
#> succeeded on attempt 3
attempts = Client().list_run_steps(pipeline_run_id=run.id, name="flaky", sort_by="created")
print(f"ZenML recorded: {[str(s.status) for s in attempts]}")
#> ZenML recorded: ['retried', 'retried', 'completed']


@step
def slow() -> str:
    # The workaround: the work runs in a child process that is killed after 1 s.
    work = [sys.executable, "-c", "import time; time.sleep(5)"]
    try:
        subprocess.run(work, timeout=1, check=True)
    except subprocess.TimeoutExpired:
        raise TimeoutError("step cut off after 1 s") from None
    return "finished"


@pipeline
def timing_out() -> None:
    slow()


try:
    timing_out()
except RuntimeError as error:  # the local orchestrator raises once the run has failed
    print(f"run failed: {error}")
    #> run failed: Pipeline run has failed due to failure in step(s): slow
last = Client().get_pipeline("timing_out").last_run
print(f"run {last.status}, step slow {last.steps['slow'].status}")
#> run failed, step slow failed
