"""A schedule is a `flyte.Trigger` with a `flyte.Cron` automation (expression and time zone) set
in `@env.task(triggers=...)`; it only fires once `flyte deploy` has registered it with a Flyte
backend. No built-in backfill in open-source Flyte 2: here a loop runs the task once per past date,
passing each date the way the trigger would."""

from datetime import datetime

import flyte

nightly = flyte.Trigger(
    "nightly",
    flyte.Cron("0 2 * * *", timezone="Europe/Berlin"),
    inputs={"run_date": flyte.TriggerTime},  # the backend fills in the scheduled time (in UTC)
)
env = flyte.TaskEnvironment(name="schedules")


@env.task(triggers=nightly)
async def refresh(run_date: datetime) -> str:
    return f"refreshed data for {run_date:%Y-%m-%d}"


# What Flyte stores: the trigger's name, and the cron expression with its zone. The SDK does not
# compute next fire times; the backend does.
for trigger in refresh.triggers:
    print(f"{trigger.name}: {trigger.automation}")
    #> nightly: Cron Trigger: CRON_TZ=Europe/Berlin 0 2 * * *

# Older material (and the SDK's own README) shows on_schedule=; this release has only triggers=.
try:
    env.task(on_schedule=nightly)
except TypeError as error:
    print(error)
    #> TaskEnvironment.task() got an unexpected keyword argument 'on_schedule'

# The backfill workaround, run locally here (or against a backend with flyte.init_from_config()).
flyte.init()
for day in (1, 2, 3):
    run = flyte.run(refresh, run_date=datetime(2026, 11, day, 1, 0))  # 02:00 in Berlin, in UTC
    print(run.outputs()[0])
    #> refreshed data for 2026-11-01
    #> refreshed data for 2026-11-02
    #> refreshed data for 2026-11-03
