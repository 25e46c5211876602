"""Parameters in Metaflow. Draft: not written yet. See docs/concepts/parameters.md for what each cell shows."""

print("not written yet")
#> not written yet
