"""Retries are built in: `task.set_retry(num_retries=2)`, which KFP 2.17's local runner honours
too. There is no step timeout in core `kfp` (on a cluster the `kfp-kubernetes` add-on's
`kubernetes.set_timeout`, not in this lock, sets one), so the slow step here cuts itself off
with `signal.alarm`, which works the same in a container."""

import re
import time
from pathlib import Path

from kfp import dsl, local

IMAGE = "python:3.11"


@dsl.component(base_image=IMAGE)
def flaky(attempts_file: str) -> str:
    from pathlib import Path

    attempts = Path(attempts_file)
    attempt = int(attempts.read_text()) + 1 if attempts.exists() else 1
    attempts.write_text(str(attempt))
    if attempt < 3:
        raise ConnectionError(f"attempt {attempt} failed")
    return f"succeeded on attempt {attempt}"


@dsl.component(base_image=IMAGE)
def slow(seconds: int, timeout_seconds: int) -> str:
    import signal
    import time

    def cut_off(signum, frame):
        raise TimeoutError(f"cut off after {timeout_seconds} s")

    signal.signal(signal.SIGALRM, cut_off)
    signal.alarm(timeout_seconds)
    time.sleep(seconds)
    return "finished"


@dsl.pipeline(name="retried")
def retried(attempts_file: str) -> str:
    # Up to two retries after the first try; backoff_duration= sets a wait (default 0 s).
    return flaky(attempts_file=attempts_file).set_retry(num_retries=2).output


@dsl.pipeline(name="deadline")
def deadline() -> str:
    return slow(seconds=5, timeout_seconds=1).output


if __name__ == "__main__":
    local.init(runner=local.SubprocessRunner(use_venv=False), pipeline_root="local_outputs")
    attempts = Path("attempts.txt").resolve()
    print(retried(attempts_file=str(attempts)).output)
    #> succeeded on attempt 3
    print("attempts counted:", attempts.read_text())
    #> attempts counted: 3

    started = time.monotonic()
    try:
        deadline()
    except RuntimeError as error:  # the local runner raises when a task fails
        print(re.sub(r"\x1b\[\d+m", "", str(error)))  # without its terminal colours
        #> Pipeline 'deadline' finished with status FAILURE. Inner task failed: 'slow'.
    print("stopped before the 5 s sleep ended:", time.monotonic() - started < 5)
    #> stopped before the 5 s sleep ended: True
