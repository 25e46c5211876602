"""A secret is declared on the `TaskEnvironment` with `flyte.Secret(key=..., as_env_var=...)`; on a
Flyte backend the value comes from its secret store (`flyte create secret warehouse-token`) and is
injected as that environment variable. A local run injects nothing, so this example sets the
variable itself. Non-secret configuration travels as `custom_context`, which local runs do pass."""

import os

import flyte

env = flyte.TaskEnvironment(
    name="secrets",
    secrets=flyte.Secret(key="warehouse-token", as_env_var="WAREHOUSE_TOKEN"),
)


@env.task
async def load() -> str:
    token = os.environ["WAREHOUSE_TOKEN"]  # never printed or returned
    table = flyte.ctx().custom_context.get("table", "events")
    return f"token received ({len(token)} characters); reading table {table!r}"


# Stands in for the backend's secret store: in production nothing sets this by hand.
os.environ["WAREHOUSE_TOKEN"] = "s3cr3t-" + "x" * 25

secret = load.secrets  # what the task records, and a backend injects
print(f"declared: secret {secret.key!r} as ${secret.as_env_var}")
#> declared: secret 'warehouse-token' as $WAREHOUSE_TOKEN
flyte.init()
run = flyte.with_runcontext(custom_context={"table": "orders"}).run(load)
print(run.outputs()[0])
#> token received (32 characters); reading table 'orders'
