"""Retries are per task: `@env.task(retries=...)` takes a count or a `flyte.RetryStrategy` with a
`flyte.Backoff`, and the local runner honours it. `timeout=` is recorded on the task but enforced
only by a Flyte backend, not in a local run, so here the caller cuts the slow call off itself with
`asyncio.wait_for`."""

import asyncio
from datetime import timedelta
from pathlib import Path

import flyte

ATTEMPTS = Path("attempts.txt")
env = flyte.TaskEnvironment(name="retries-and-timeouts")


# 2 retries = up to 3 attempts; a 0.1 s pause between them keeps the example quick.
@env.task(retries=flyte.RetryStrategy(count=2, backoff=flyte.Backoff(base=timedelta(seconds=0.1))))
async def flaky() -> str:
    attempt = len(ATTEMPTS.read_text().splitlines()) + 1 if ATTEMPTS.exists() else 1
    with ATTEMPTS.open("a") as f:
        f.write(f"attempt {attempt}\n")
    if attempt < 3:
        raise RuntimeError(f"transient failure on attempt {attempt}")
    return f"succeeded on attempt {attempt}"


@env.task(timeout=timedelta(seconds=1))  # a Flyte backend stops the attempt after 1 s
async def slow() -> str:
    await asyncio.sleep(5)
    return "finished"


@env.task
async def pipeline() -> list[str]:
    results = [await flaky()]
    try:
        results.append(await asyncio.wait_for(slow(), timeout=1))  # the local workaround
    except TimeoutError:
        results.append("slow was cut off after 1 s")
    return results


flyte.init()
run = flyte.run(pipeline)
print(ATTEMPTS.read_text().splitlines())
#> ['attempt 1', 'attempt 2', 'attempt 3']
print(run.outputs()[0])
#> ['succeeded on attempt 3', 'slow was cut off after 1 s']
print(f"timeout recorded on the task: {slow.timeout}")
#> timeout recorded on the task: 0:00:01
