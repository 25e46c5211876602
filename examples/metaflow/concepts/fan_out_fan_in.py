"""Fan-out and fan-in in Metaflow. Draft: not written yet. See docs/concepts/fan-out-fan-in.md for what each cell shows."""

print("not written yet")
#> not written yet
