"""Declarative automation: an asset says when it should run; Dagster decides on each tick."""

import warnings

import dagster as dg

# evaluate_automation_conditions passes a beta parameter internally; the warning is not ours.
warnings.filterwarnings("ignore", category=dg.BetaWarning)


@dg.asset
def raw_data() -> list[float]:
    return [1.0, 2.0, 3.0]


# Run whenever an upstream asset has new data (and none is missing): no schedule to keep in step.
@dg.asset(automation_condition=dg.AutomationCondition.eager())
def model(raw_data: list[float]) -> float:
    return sum(raw_data) / len(raw_data)


defs = dg.Definitions(assets=[raw_data, model])

# In production the default automation condition sensor evaluates this on every tick; here we
# evaluate the ticks by hand against a throwaway instance.
instance = dg.DagsterInstance.ephemeral()
tick = dg.evaluate_automation_conditions(defs=defs, instance=instance)
print(f"tick 1, raw_data missing: {tick.total_requested} run(s) requested")
#> tick 1, raw_data missing: 0 run(s) requested

dg.materialize([raw_data], instance=instance)
tick = dg.evaluate_automation_conditions(defs=defs, instance=instance, cursor=tick.cursor)
print(f"tick 2, raw_data updated: model requested {tick.get_num_requested(model.key)} time(s)")
#> tick 2, raw_data updated: model requested 1 time(s)

tick = dg.evaluate_automation_conditions(defs=defs, instance=instance, cursor=tick.cursor)
print(f"tick 3, nothing new: {tick.total_requested} run(s) requested")
#> tick 3, nothing new: 0 run(s) requested
