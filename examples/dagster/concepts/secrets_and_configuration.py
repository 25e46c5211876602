"""Secrets through resources: a `dg.ConfigurableResource` field set to `dg.EnvVar("NAME")` is
read from the environment only when a run uses the resource, so the code and the resource's
configuration hold the variable's name, never its value."""

import os

import dagster as dg

# In production the deployment sets this (a Kubernetes Secret, a .env file for `dg dev`, or
# Dagster+ environment variables). The example sets it itself so that it runs offline.
os.environ["WAREHOUSE_TOKEN"] = "s3cr3t-t0ken-for-the-example"


class Warehouse(dg.ConfigurableResource):
    token: str
    host: str = "warehouse.internal"

    def describe(self) -> str:
        return f"token received ({len(self.token)} characters) for {self.host}"


@dg.asset
def daily_export(warehouse: Warehouse) -> str:
    return warehouse.describe()


# In a project, `dg.Definitions(assets=..., resources={"warehouse": warehouse})` binds it.
warehouse = Warehouse(token=dg.EnvVar("WAREHOUSE_TOKEN"))

result = dg.materialize([daily_export], resources={"warehouse": warehouse})
print(result.output_for_node("daily_export"))
#> token received (28 characters) for warehouse.internal

# The resource holds the variable's name, not its value...
print(f"configured from the environment variable {warehouse.token.env_var_name}")
#> configured from the environment variable WAREHOUSE_TOKEN
# ...and refuses to hand the value out outside a run.
try:
    str(warehouse.token)
except RuntimeError as error:
    refusal = str(error).split(". ")[0]
print(refusal)
#> Attempted to directly retrieve environment variable EnvVar("WAREHOUSE_TOKEN")
