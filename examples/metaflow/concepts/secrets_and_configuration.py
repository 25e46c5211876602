"""Secrets and configuration in Metaflow. Draft: not written yet. See docs/concepts/secrets-and-configuration.md for what each cell shows."""

print("not written yet")
#> not written yet
