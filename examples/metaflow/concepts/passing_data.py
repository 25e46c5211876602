"""Passing data between steps in Metaflow. Draft: not written yet. See docs/concepts/passing-data.md for what each cell shows."""

print("not written yet")
#> not written yet
