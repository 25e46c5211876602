"""No built-in step timeout: the `dagster/max_runtime` tag caps a whole run and only the
run-monitoring daemon enforces it, so the slow step here cuts itself off with an alarm. Retries are
built in: `dg.RetryPolicy(max_retries=2)` reruns a failing asset, in-process too."""

import signal
import time
from pathlib import Path

import dagster as dg

ATTEMPTS = Path("attempts.txt")


@dg.asset(retry_policy=dg.RetryPolicy(max_retries=2))
def flaky(context: dg.AssetExecutionContext) -> str:
    attempt = context.retry_number + 1  # Dagster's own count: retry_number is 0 on the first try
    with ATTEMPTS.open("a") as f:
        f.write(f"attempt {attempt}\n")
    if attempt < 3:
        raise RuntimeError(f"transient failure on attempt {attempt}")
    return f"succeeded on attempt {attempt}"


result = dg.materialize([flaky])
print(ATTEMPTS.read_text().splitlines())
#> ['attempt 1', 'attempt 2', 'attempt 3']
print(result.output_for_node("flaky"))
#> succeeded on attempt 3
retries = [e for e in result.events_for_node("flaky") if e.event_type_value == "STEP_UP_FOR_RETRY"]
print(f"Dagster logged {len(retries)} STEP_UP_FOR_RETRY events")
#> Dagster logged 2 STEP_UP_FOR_RETRY events


def on_alarm(signum, frame):
    raise TimeoutError("step cut off after 1 s")


@dg.asset
def slow() -> str:
    # The workaround: a 1 s alarm around the work (Unix, main thread: where in-process steps run).
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(1)
    try:
        time.sleep(5)
    finally:
        signal.alarm(0)
    return "finished"


# Dagster's own limit is per run: a 60 s cap as a tag, stored on the run here but enforced only by
# the daemon with `run_monitoring: enabled: true` in dagster.yaml (or by Dagster+). No daemon here.
run = dg.materialize([slow], tags={dg.MAX_RUNTIME_SECONDS_TAG: "60"}, raise_on_error=False)
print(f"run tags: {dict(run.dagster_run.tags)}")
#> run tags: {'dagster/failure_reason': 'STEP_FAILURE', 'dagster/max_runtime': '60'}
print(f"run succeeded: {run.success}")
#> run succeeded: False
for failure in run.get_step_failure_events():
    cause = failure.step_failure_data.error.cause  # Dagster wraps the step's own exception
    print(f"step {failure.step_key!r} failed: {cause.message.strip()}")
    #> step 'slow' failed: TimeoutError: step cut off after 1 s
