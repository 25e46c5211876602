"""Retries and timeouts in ZenML. Draft: not written yet. See docs/concepts/retries-and-timeouts.md for what each cell shows."""

print("not written yet")
#> not written yet
