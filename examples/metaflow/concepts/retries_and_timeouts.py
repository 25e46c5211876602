"""`@retry(times=2)` runs a failing step again, up to two more times, and `current.retry_count`
says which attempt this is; `@timeout(seconds=1)` cuts a step off after one second. `@catch`
stores the timeout's exception as an artifact instead of failing the run."""

import sys
import time
from pathlib import Path

from metaflow import FlowSpec, Runner, catch, current, retry, step, timeout

ATTEMPTS = Path("attempts.txt")


class RetryFlow(FlowSpec):
    @retry(times=2, minutes_between_retries=0)  # the default waits 2 minutes between tries
    @step
    def start(self):
        attempt = current.retry_count + 1  # Metaflow's own count: 0 on the first try
        with ATTEMPTS.open("a") as f:
            f.write(f"attempt {attempt}\n")
        if attempt < 3:
            raise RuntimeError(f"transient failure on attempt {attempt}")
        self.next(self.slow)

    @catch(var="timeout_error")
    @timeout(seconds=1)
    @step
    def slow(self):
        time.sleep(5)
        self.next(self.end)

    @step
    def end(self):
        pass


if __name__ == "__main__":
    if sys.argv[1:]:  # Metaflow's command line: the Runner and every step's process start here
        RetryFlow()
    else:
        with Runner(__file__, show_output=False).run() as running:
            run = running.run
            print(ATTEMPTS.read_text().splitlines())
            #> ['attempt 1', 'attempt 2', 'attempt 3']
            attempt = run["start"].task.metadata_dict["attempt"]  # Metaflow's record, 0-based
            print(f"start succeeded on attempt {attempt}")
            #> start succeeded on attempt 2
            error = run["slow"].task.data.timeout_error  # what @catch stored
            print(f"slow: {error.type}")
            #> slow: metaflow.plugins.timeout_decorator.TimeoutException
            print(error.exception.splitlines()[0])
            #> Step slow timed out after 0 hours, 0 minutes, 1 seconds
            print(f"run: {running.status}")
            #> run: successful
