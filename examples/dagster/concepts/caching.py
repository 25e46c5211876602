"""No built-in cache that skips a step inside a run: `dg.materialize` recomputes every asset it is
given. Dagster records each materialization's code and data version, and automation conditions
(evaluated here with `dg.evaluate_automation_conditions`) launch only what is out of date."""

import warnings
from pathlib import Path

import dagster as dg

# evaluate_automation_conditions passes a beta parameter internally; the warning is not ours.
warnings.filterwarnings("ignore", category=dg.BetaWarning)

COUNTER = Path("computed.txt")  # one line per real computation
# Request the asset when it has never been materialized or its declared code version changed.
OUT_OF_DATE = dg.AutomationCondition.missing() | dg.AutomationCondition.code_version_changed()


def features_asset(code_version: str) -> dg.AssetsDefinition:
    @dg.asset(code_version=code_version, automation_condition=OUT_OF_DATE)
    def features() -> list[int]:
        with COUNTER.open("a") as f:
            f.write(f"computed with code version {code_version}\n")
        return [x * x for x in range(5)]

    return features


def computations() -> int:
    return len(COUNTER.read_text().splitlines())


instance = dg.DagsterInstance.ephemeral()  # one instance, so each tick sees the earlier runs
cursor = None
# What the automation daemon does on each tick: evaluate the conditions, launch what they request.
for label, code_version in [("never run", "v1"), ("unchanged", "v1"), ("code changed", "v2")]:
    features = features_asset(code_version)
    defs = dg.Definitions(assets=[features])
    tick = dg.evaluate_automation_conditions(defs=defs, instance=instance, cursor=cursor)
    cursor = tick.cursor
    if tick.get_num_requested(features.key):
        run = dg.materialize([features], instance=instance)
        tags = run.get_asset_materialization_events()[0].materialization.tags
        code, data = tags["dagster/code_version"], tags["dagster/data_version"][:12]
        outcome = f"ran, code {code}, data version {data}"
    else:
        outcome = "not requested"
    print(f"{label}: {outcome}; computations: {computations()}")
    #> never run: ran, code v1, data version 3bfc269594ef; computations: 1
    #> unchanged: not requested; computations: 1
    #> code changed: ran, code v2, data version fb04dcb6970e; computations: 2

# Asked explicitly, Dagster runs the step again even though nothing changed.
dg.materialize([features], instance=instance)
print(f"plain materialize of an up-to-date asset; computations: {computations()}")
#> plain materialize of an up-to-date asset; computations: 3
