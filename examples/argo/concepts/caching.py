"""Step memoization: a Hera script template with `memoize`, whose outputs Argo stores in a
ConfigMap under an explicit key, here built from the input parameter. No cluster here: the
Workflow is built and round-tripped, and a dict stands in for the ConfigMap to show the lookup
the controller makes (same key: the step is skipped); Argo itself did not run."""

from pathlib import Path

from hera.workflows import DAG, Parameter, Workflow, script
from hera.workflows.models import Cache, LocalObjectReference, Memoize, ValueFrom

# The key is whatever you write: not a hash of the inputs or the code. Put a version in it, or
# changing the code will still return the old outputs.
MEMOIZE = Memoize(
    key="prepare-v1-{{inputs.parameters.dataset}}",
    max_age="24h",  # older entries are ignored
    cache=Cache(config_map=LocalObjectReference(name="field-guide-cache")),
)


# What is cached is the template's outputs: here the output parameter `rows`.
@script(
    image="python:3.12-slim",
    working_dir="/work",
    memoize=MEMOIZE,
    outputs=Parameter(name="rows", value_from=ValueFrom(path="/work/rows.txt")),
)
def prepare(dataset: str) -> None:
    from pathlib import Path

    runs = Path("prepare-runs.txt")  # counts real computations, only for this demo
    runs.write_text(str(int(runs.read_text() if runs.exists() else "0") + 1))
    Path("rows.txt").write_text(str({"sales-2026-11": 1200, "sales-2026-12": 1350}[dataset]))


with Workflow(generate_name="caching-", entrypoint="main") as w, DAG(name="main"):
    prepare(arguments={"dataset": "sales-2026-11"})

assert Workflow.from_yaml(w.to_yaml()).to_yaml() == w.to_yaml()
template = next(t for t in w.to_dict()["spec"]["templates"] if t["name"] == "prepare")
memoize = template["memoize"]
print(memoize["key"])
#> prepare-v1-{{inputs.parameters.dataset}}
print(memoize["maxAge"], memoize["cache"])
#> 24h {'configMap': {'name': 'field-guide-cache'}}

config_map: dict[str, str] = {}  # stands in for the ConfigMap `field-guide-cache`


def run(dataset: str) -> str:
    """What the controller does for a memoized node: look the key up, run only on a miss."""
    key = template["memoize"]["key"].replace("{{inputs.parameters.dataset}}", dataset)
    if key in config_map:
        return f"{key}: cache hit, rows={config_map[key]}"
    prepare(dataset=dataset)
    config_map[key] = Path("rows.txt").read_text()  # the outputs the controller stores
    return f"{key}: computed, rows={config_map[key]}"


for dataset in ("sales-2026-11", "sales-2026-11", "sales-2026-12"):
    print(run(dataset))
    #> prepare-v1-sales-2026-11: computed, rows=1200
    #> prepare-v1-sales-2026-11: cache hit, rows=1200
    #> prepare-v1-sales-2026-12: computed, rows=1350
print("prepare ran", Path("prepare-runs.txt").read_text(), "times for 3 runs")
#> prepare ran 2 times for 3 runs
