"""Testing in ZenML. Draft: not written yet. See docs/concepts/testing.md for what each cell shows."""

print("not written yet")
#> not written yet
