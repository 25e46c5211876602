"""A script template that fails twice and succeeds on its third try under a `RetryStrategy`, and
one cut off by `active_deadline_seconds`, built with Hera. No cluster here: the source each pod
would run is taken from the manifest and run locally, with Argo's `{{retries}}` set per attempt
and the deadline enforced by a subprocess timeout, as the controller would enforce them."""

import os
import subprocess
import sys

from hera.workflows import DAG, Env, RetryStrategy, Workflow, script

IMAGE = "python:3.12-slim"


# `limit` counts retries, not tries: 2 retries = at most 3 attempts.
@script(
    image=IMAGE,
    retry_strategy=RetryStrategy(limit=2, retry_policy="OnFailure"),
    env=Env(name="ATTEMPT", value="{{retries}}"),  # Argo's retry number: 0 on the first try
)
def flaky() -> None:
    import os
    import sys

    attempt = int(os.environ["ATTEMPT"])
    if attempt < 2:
        sys.exit(f"attempt {attempt} failed")
    print(f"attempt {attempt} succeeded")


# The pod is stopped once it has been active this many seconds.
@script(image=IMAGE, active_deadline_seconds=1)
def slow() -> None:
    import time

    time.sleep(5)
    print("finished")


with Workflow(generate_name="retries-", entrypoint="main") as w, DAG(name="main"):
    flaky()
    slow()

assert Workflow.from_yaml(w.to_yaml()).to_yaml() == w.to_yaml()
templates = {t["name"]: t for t in w.to_dict()["spec"]["templates"]}
print(templates["flaky"]["retryStrategy"], templates["slow"]["activeDeadlineSeconds"])
#> {'limit': 2, 'retryPolicy': 'OnFailure'} 1


def pod(name: str, timeout: float | None = None, **env: str) -> subprocess.CompletedProcess:
    """Run a template's source as its pod would (python runs the script), with this Python."""
    source = templates[name]["script"]["source"]
    return subprocess.run(
        [sys.executable, "-c", source],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


limit = templates["flaky"]["retryStrategy"]["limit"]
for retries in range(limit + 1):
    done = pod("flaky", ATTEMPT=str(retries))
    print(done.returncode, (done.stdout + done.stderr).strip())
    #> 1 attempt 0 failed
    #> 1 attempt 1 failed
    #> 0 attempt 2 succeeded
    if done.returncode == 0:
        break

try:
    pod("slow", timeout=templates["slow"]["activeDeadlineSeconds"])
except subprocess.TimeoutExpired as exc:
    print(f"slow: stopped after {exc.timeout} s, before it printed anything")
    #> slow: stopped after 1 s, before it printed anything
