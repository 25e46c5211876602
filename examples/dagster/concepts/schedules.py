"""A daily schedule at 02:00 Europe/Berlin and a backfill: daily partitions
(`dg.DailyPartitionsDefinition`), a schedule built from the partitioned job
(`dg.build_schedule_from_partitioned_job`), and ticks evaluated with `dg.build_schedule_context`."""

from datetime import datetime
from zoneinfo import ZoneInfo

import dagster as dg

BERLIN = "Europe/Berlin"
daily = dg.DailyPartitionsDefinition(start_date="2026-11-01", timezone=BERLIN)


@dg.asset(partitions_def=daily)
def daily_report(context: dg.AssetExecutionContext) -> str:
    return f"report for {context.partition_key}"


report_job = dg.define_asset_job("report_job", selection=[daily_report])
# One run a day at 02:00, in the partitions' time zone, for the day that has just ended.
nightly = dg.build_schedule_from_partitioned_job(report_job, hour_of_day=2)
defs = dg.Definitions(assets=[daily_report], jobs=[report_job], schedules=[nightly])

schedule = defs.resolve_schedule_def(nightly.name)
print(f"{schedule.name}: cron {schedule.cron_schedule!r} in {schedule.execution_timezone}")
#> report_job_schedule: cron '0 2 * * *' in Europe/Berlin

# Nothing waits for 02:00: evaluate the ticks the scheduler daemon would make on three mornings.
for day in (26, 27, 28):
    tick_time = datetime(2026, 11, day, 2, 0, tzinfo=ZoneInfo(BERLIN))
    context = dg.build_schedule_context(scheduled_execution_time=tick_time)
    for request in schedule.evaluate_tick(context).run_requests:
        print(f"tick {tick_time.isoformat()}: run {report_job.name} for {request.partition_key}")
        #> tick 2026-11-26T02:00:00+01:00: run report_job for 2026-11-25
        #> tick 2026-11-27T02:00:00+01:00: run report_job for 2026-11-26
        #> tick 2026-11-28T02:00:00+01:00: run report_job for 2026-11-27

# A backfill, launched from the UI or with `dagster job backfill` on a deployment, runs one run per
# partition in the range (or one run for all, with a single-run BackfillPolicy). Its keys:
backfill = daily.get_partition_keys_in_range(dg.PartitionKeyRange("2026-11-01", "2026-11-04"))
print(f"backfill partitions: {backfill}")
#> backfill partitions: ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04']
# ...and the same runs in-process, one materialization per partition.
for key in backfill:
    run = dg.materialize([daily_report], partition_key=key)
    print(run.output_for_node("daily_report"))
    #> report for 2026-11-01
    #> report for 2026-11-02
    #> report for 2026-11-03
    #> report for 2026-11-04
