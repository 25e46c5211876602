"""Conditional branches in ZenML. Draft: not written yet. See docs/concepts/conditional-branches.md for what each cell shows."""

print("not written yet")
#> not written yet
