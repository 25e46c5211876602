"""A credential and a setting for a ZenML step: the token lives in ZenML's secrets store and the
step reads it with `Client().get_secret(...)`, or gets it as environment variables by naming the
secret in `@step(secrets=[...])`; the setting comes from a YAML run configuration passed with
`with_options(config_path=...)`."""

import os
from pathlib import Path

from zenml import pipeline, step
from zenml.client import Client

SECRET = "warehouse"

# Setup so that this runs offline. In production the secret is created once, outside the code,
# with `zenml secret create warehouse --TOKEN=...` on the ZenML server (which may keep it in a
# cloud secrets manager); here the local store keeps it in its SQLite database.
client = Client()
try:
    client.get_secret(SECRET)
except KeyError:
    client.create_secret(SECRET, values={"TOKEN": "s3cr3t-t0ken"})  # a stand-in value

# A run configuration in YAML: parameters (and settings) change without changing the code.
Path("run.yaml").write_text("parameters:\n  table: sales_2026\n")


@step(secrets=[SECRET])  # ZenML sets each key of the secret as an environment variable
def load(table: str) -> str:
    token = Client().get_secret(SECRET).secret_values["TOKEN"]  # the documented way
    same = os.environ["TOKEN"] == token  # the secret's key, set by `secrets=[...]`
    # Never print a secret: say that it arrived, and how long it is.
    return f"loading {table}: token received ({len(token)} characters, also in env: {same})"


@pipeline
def warehouse_load(table: str = "sales") -> None:
    load(table=table)


run = warehouse_load.with_options(config_path="run.yaml")()
print(run.steps["load"].output.load())
#> loading sales_2026: token received (12 characters, also in env: True)
