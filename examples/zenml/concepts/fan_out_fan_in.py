"""Fan-out and fan-in with a dynamic pipeline (`@pipeline(dynamic=True)`, documented as
experimental): `step.map(...)` runs a step once per item of a list that an upstream step returns
at run time, and passing the mapped outputs to one step combines them."""

from zenml import pipeline, step


@step
def list_files() -> list[str]:
    return ["a.csv", "bb.csv", "ccc.csv"]  # known only when this step has run


@step
def count_chars(name: str) -> int:
    return len(name)


@step
def total(counts: list[int]) -> int:
    return sum(counts)


@pipeline(dynamic=True)
def fan_out_fan_in() -> None:
    counts = count_chars.map(list_files())  # one step run per item
    total(counts)  # fan-in: the list of all mapped outputs


run = fan_out_fan_in()
mapped = sorted(name for name in run.steps if name.startswith("map:"))
print(f"mapped step runs: {mapped}")
#> mapped step runs: ['map:count_chars:0', 'map:count_chars:1', 'map:count_chars:2']
print(f"total: {run.steps['total'].output.load()}")
#> total: 18
