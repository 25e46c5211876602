"""No built-in retries: cron starts the command once at each scheduled time and not again until the
next one, so the script retries a flaky step in a loop of its own. The timeout is the standard
library's: `subprocess.run(..., timeout=1)` kills a step run as a child process when time is up."""

import subprocess
import sys
import time
from pathlib import Path

ATTEMPTS = Path("attempts.txt")  # the attempt count, on disk like any side effect of a step
TIMEOUT = 1  # seconds


def download() -> str:
    """A flaky step: the first two calls fail, the third works."""
    attempt = int(ATTEMPTS.read_text()) + 1 if ATTEMPTS.exists() else 1
    ATTEMPTS.write_text(str(attempt))
    if attempt < 3:
        raise ConnectionError(f"attempt {attempt}: connection reset")
    return f"attempt {attempt}: downloaded"


def with_retries(step, tries: int = 3, delay: float = 0.1):
    """Call step() up to `tries` times, waiting 0.1 s, then 0.2 s... between tries."""
    for attempt in range(1, tries + 1):
        try:
            return step()
        except ConnectionError as error:
            print(f"failed: {error}")
            #> failed: attempt 1: connection reset
            #> failed: attempt 2: connection reset
            if attempt == tries:
                raise
            time.sleep(delay * 2 ** (attempt - 1))


if __name__ == "__main__":
    print(with_retries(download))
    #> attempt 3: downloaded

    # A step that would hang for 5 s, run as a child process and cut off after 1 s.
    # (A whole run can be cut off in the crontab line too: `timeout 1h python3 pipeline.py`.)
    hanging_step = [sys.executable, "-c", "import time; time.sleep(5)"]
    try:
        subprocess.run(hanging_step, timeout=TIMEOUT, check=True)
    except subprocess.TimeoutExpired:
        print(f"timed out after {TIMEOUT} s; subprocess.run killed the step")
        #> timed out after 1 s; subprocess.run killed the step
