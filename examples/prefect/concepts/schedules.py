"""A Prefect schedule belongs to a deployment: `Cron("0 2 * * *", timezone="Europe/Berlin")` passed
to `flow.to_deployment`, whose `.apply()` stores it on the server.

Backfill has no CLI or Python client command: the server's REST route
`POST /deployments/{id}/schedule`, given past start and end times, creates the missed runs.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from prefect import flow
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterId
from prefect.schedules import Cron

BERLIN = ZoneInfo("Europe/Berlin")


@flow
def nightly_retrain() -> None:
    pass  # a run can read its slot from prefect.runtime.flow_run.scheduled_start_time


if __name__ == "__main__":
    # The slug keeps the schedule's identity when applied again, so reruns add no duplicate runs.
    daily = Cron("0 2 * * *", timezone="Europe/Berlin", slug="daily-0200-berlin")
    deployment_id = nightly_retrain.to_deployment(name="nightly", schedules=[daily]).apply()
    with get_client(sync_client=True) as client:
        (stored,) = client.read_deployment_schedules(deployment_id)
        cron, zone = stored.schedule.cron, stored.schedule.timezone
        print(f"stored: cron {cron!r} in {zone}, active={stored.active}")
        #> stored: cron '0 2 * * *' in Europe/Berlin, active=True
        # The temporary server runs no scheduler, so nothing else creates runs here. Backfill the
        # last five days of March 2026 (Berlin moves to summer time on the 29th):
        start, end = datetime(2026, 3, 27, tzinfo=BERLIN), datetime(2026, 3, 31, 23, tzinfo=BERLIN)
        client.request(
            "POST",
            "/deployments/{id}/schedule",
            path_params={"id": deployment_id},
            # min_time: without it the server stops after a few runs (its scheduler's minimum)
            json={
                "start_time": start.isoformat(),
                "end_time": end.isoformat(),
                "min_time": (end - start).total_seconds(),
            },
        ).raise_for_status()
        runs = client.read_flow_runs(
            deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment_id]))
        )
    for run in sorted(runs, key=lambda run: run.expected_start_time):
        when = run.expected_start_time
        print(f"{when.astimezone(BERLIN):%Y-%m-%d %H:%M %Z} = {when:%H:%M} UTC, {run.state.name}")
        #> 2026-03-27 02:00 CET = 01:00 UTC, Scheduled
        #> 2026-03-28 02:00 CET = 01:00 UTC, Scheduled
        #> 2026-03-29 03:00 CEST = 01:00 UTC, Scheduled
        #> 2026-03-30 02:00 CEST = 00:00 UTC, Scheduled
        #> 2026-03-31 02:00 CEST = 00:00 UTC, Scheduled
