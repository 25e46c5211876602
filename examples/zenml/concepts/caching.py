"""Caching in ZenML is on by default: ZenML hashes a step's code, its parameters and its input
artifacts (by content since 0.85), among other things, into a cache key, and reuses the outputs of
an earlier step run with the same key instead of running the step. The first run here switches
caching off (`with_options(enable_cache=False)`), so it computes even if the script ran before."""

from pathlib import Path

from zenml import pipeline, step

CALLS = Path("calls.txt")


@step
def expensive(x: int) -> int:
    CALLS.write_text(str(int(CALLS.read_text()) + 1 if CALLS.exists() else 1))
    return x * x


@pipeline
def cached(x: int = 3) -> None:
    expensive(x)


first = cached.with_options(enable_cache=False)()  # computes, and records its cache key
second = cached()  # same code, same input: the step is not run again
third = cached(x=4)  # a different input: a different key, so it computes

for name, run in (("first", first), ("second", second), ("third", third)):
    step_run = run.steps["expensive"]
    print(f"{name}: step {step_run.status}, output {step_run.output.load()}")
    #> first: step completed, output 9
    #> second: step cached, output 9
    #> third: step completed, output 16
print(f"the step's code ran {CALLS.read_text()} times")
#> the step's code ran 2 times
same_key = first.steps["expensive"].cache_key == second.steps["expensive"].cache_key
print(f"first and second runs share a cache key: {same_key}")
#> first and second runs share a cache key: True
