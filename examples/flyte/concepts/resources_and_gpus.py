"""Resources and GPUs in Flyte. Draft: not written yet. See docs/concepts/resources-and-gpus.md for what each cell shows."""

print("not written yet")
#> not written yet
