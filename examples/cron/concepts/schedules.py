"""Schedules: cron is the scheduler, and the schedule is one crontab line; `CRON_TZ` (a cronie
extension) sets its time zone. croniter, the parser the guide's tests use, computes when it fires.
Cron has no backfill: a backfill is a loop over past dates that runs the pipeline for each one."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from croniter import croniter, croniter_range

CRONTAB = """\
CRON_TZ=Europe/Berlin
0 2 * * * cd "$HOME/pipeline" && python3 pipeline.py >> pipeline.log 2>&1
"""


def pipeline(day: date) -> str:
    """The nightly run, for one day's data: what `python3 pipeline.py --date DAY` would run."""
    return f"pipeline ran for {day.isoformat()}"


if __name__ == "__main__":
    zone_line, job = CRONTAB.splitlines()
    zone = ZoneInfo(zone_line.removeprefix("CRON_TZ="))
    schedule = " ".join(job.split()[:5])
    assert croniter.is_valid(schedule)
    print(f"schedule {schedule!r} in {zone.key}")
    #> schedule '0 2 * * *' in Europe/Berlin

    # The next three runs after noon on 25 November 2026, Berlin time (nothing waits for them).
    runs = croniter(schedule, datetime(2026, 11, 25, 12, 0, tzinfo=zone))
    for _ in range(3):
        print(runs.get_next(datetime).isoformat())
        #> 2026-11-26T02:00:00+01:00
        #> 2026-11-27T02:00:00+01:00
        #> 2026-11-28T02:00:00+01:00

    # Backfill: the nights the schedule would have fired from 20 to 23 November, run one by one.
    start, stop = datetime(2026, 11, 20, tzinfo=zone), datetime(2026, 11, 23, tzinfo=zone)
    for fired in croniter_range(start, stop, schedule):
        print(pipeline(fired.date()))
        #> pipeline ran for 2026-11-20
        #> pipeline ran for 2026-11-21
        #> pipeline ran for 2026-11-22
