"""No built-in time zone or backfill: `Schedule(cron_expression=...)` has no time-zone field (the
cron goes unchanged to the orchestrator's scheduler, e.g. a Kubernetes CronJob), only orchestrators
that schedule accept it (the local one does not), and backfill is a `catchup` flag that some
orchestrators honour. The workaround here: one run per missed day, with the day as a parameter."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from zenml import pipeline, step
from zenml.config.schedule import Schedule


@step
def report(day: str) -> str:
    return f"report for {day}"


@pipeline
def daily_report(day: str = "today") -> None:
    report(day=day)


# 02:00 every day. The zone is not part of the schedule: a time-zone-aware start time is kept
# (a naive one is taken as local time), but the cron expression carries no zone.
nightly = Schedule(
    name="nightly-report",
    cron_expression="0 2 * * *",
    start_time=datetime(2026, 12, 1, 2, 0, tzinfo=ZoneInfo("Europe/Berlin")),
    catchup=True,  # passed to orchestrators that can catch up on missed runs
)
print(f"cron {nightly.cron_expression!r}, start {nightly.start_time.isoformat()}")
#> cron '0 2 * * *', start 2026-12-01T02:00:00+01:00
print(f"catchup={nightly.catchup}")
#> catchup=True

try:
    daily_report.with_options(schedule=nightly)()
except ValueError as error:  # ZenML refuses the schedule before running anything
    print(str(error).split(". ")[0])  # the rest of the message links to the scheduling docs
    #> Stack default does not support scheduling

# A backfill by hand: one run per day, each recorded by ZenML as its own run.
first, last = date(2026, 11, 23), date(2026, 11, 25)
days = [first + timedelta(n) for n in range((last - first).days + 1)]
for day in days:
    run = daily_report(day=day.isoformat())
    print(f"run for {day}: {run.steps['report'].output.load()}")
    #> run for 2026-11-23: report for 2026-11-23
    #> run for 2026-11-24: report for 2026-11-24
    #> run for 2026-11-25: report for 2026-11-25
