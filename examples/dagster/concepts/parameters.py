"""Run configuration: a `dg.Config` class declares the asset's parameters with defaults, and
`dg.materialize(..., run_config=dg.RunConfig(...))` overrides them for one run."""

import dagster as dg


class TrainConfig(dg.Config):
    learning_rate: float = 0.1
    epochs: int = 10


@dg.asset
def model(config: TrainConfig) -> str:
    return f"trained with learning_rate={config.learning_rate}, epochs={config.epochs}"


# With DAGSTER_HOME unset, each materialize runs in-process on a throwaway instance.
default_run = dg.materialize([model])
print(default_run.output_for_node("model"))
#> trained with learning_rate=0.1, epochs=10

override = dg.RunConfig(ops={"model": TrainConfig(learning_rate=0.01)})
tuned_run = dg.materialize([model], run_config=override)
print(tuned_run.output_for_node("model"))
#> trained with learning_rate=0.01, epochs=10
