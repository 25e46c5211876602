"""Scheduling a flow: Prefect 2's Deployment class and agents are gone; flows make deployments."""

from prefect import flow
from prefect.exceptions import PrefectImportError


@flow
def ml_pipeline() -> str:
    return "trained"


# --8<-- [start:then]
try:
    # Prefect 2's way: build a Deployment, then run `prefect agent start` to pick up its runs.
    from prefect.deployments import Deployment  # noqa: F401
except PrefectImportError as error:
    removed, advice = str(error).split(". ", 1)  # two lines, so each fits the page
print(removed)
#> `prefect.deployments:Deployment` has been removed
print(advice)
#> Use `flow.serve()`, `flow.deploy()`, or `prefect deploy` instead.
# --8<-- [end:then]

# --8<-- [start:now]
if __name__ == "__main__":
    # `ml_pipeline.serve(name="nightly", cron="0 3 * * *")` would register this and poll for
    # runs until stopped; `.deploy(..., work_pool_name=...)` hands them to a work pool's workers.
    nightly = ml_pipeline.to_deployment(name="nightly", cron="0 3 * * *")
    print(nightly.name, nightly.schedules[0].schedule.cron)
    #> nightly 0 3 * * *
# --8<-- [end:now]
