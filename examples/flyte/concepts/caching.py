"""Caching is per task: with `cache="auto"` Flyte keys each result on the task's name, its inputs,
its interface and a version hashed from its source code, so an unchanged task with the same
inputs is not run again. Local runs keep the cache in ~/.flyte/local-cache/cache.db."""

from pathlib import Path

import flyte

CALLS = Path("calls.txt")
env = flyte.TaskEnvironment(name="caching")


@env.task(cache="auto")
async def expensive(n: int) -> int:
    with CALLS.open("a") as f:
        f.write(f"computed n={n}\n")
    return sum(i * i for i in range(n))


@env.task
async def pipeline(n: int) -> int:
    return await expensive(n)


flyte.init()
first = flyte.run(pipeline, n=1000).outputs()[0]
second = flyte.run(pipeline, n=1000).outputs()[0]  # same code, same input: a cache hit
print(f"results: {first} {second}")
#> results: 332833500 332833500
print(CALLS.read_text().splitlines())
#> ['computed n=1000']

flyte.run(pipeline, n=2000)  # a new input is a new key
print(CALLS.read_text().splitlines())
#> ['computed n=1000', 'computed n=2000']

# To recompute: the documented overwrite_cache=True is not applied by the local runner (tried
# here, nothing is recomputed); disable_run_cache=True skips the cache for one run.
flyte.with_runcontext(overwrite_cache=True).run(pipeline, n=1000)
flyte.with_runcontext(disable_run_cache=True).run(pipeline, n=1000)
print(CALLS.read_text().splitlines())
#> ['computed n=1000', 'computed n=2000', 'computed n=1000']
