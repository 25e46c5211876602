"""Schedules: `CronTriggerTimetable("0 2 * * *", timezone="Europe/Berlin")` runs the DAG at 02:00
Berlin time, daylight saving included. Backfill is `airflow backfill create`; its `--dry-run`
prints the logical dates it would create, which is how this file shows what Airflow computes."""

import re
import subprocess
import sys

import pendulum
from airflow.sdk import DAG, CronTriggerTimetable, task

with DAG(
    dag_id="concept_schedules",
    schedule=CronTriggerTimetable("0 2 * * *", timezone="Europe/Berlin"),
    start_date=pendulum.datetime(2026, 1, 1, tz="Europe/Berlin"),
    catchup=False,  # the scheduler does not create runs for 02:00s missed since start_date
) as dag:

    @task
    def nightly() -> None:
        print("nightly job")
        #> nightly job

    nightly()


if __name__ == "__main__":
    # A backfill reads the DAG from the metadata database: one test run stores it there.
    run = dag.test()
    print(f"stored: cron {dag.timetable.expression!r} in {dag.timetable.timezone}")
    #> stored: cron '0 2 * * *' in Europe/Berlin
    print(f"a {run.run_type} run does not wait for the schedule")
    #> a manual run does not wait for the schedule
    backfill = subprocess.run(
        [sys.executable, "-m", "airflow", "backfill", "create", "--dag-id", "concept_schedules",
         "--from-date", "2026-03-27", "--to-date", "2026-03-31", "--dry-run"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    # The dry run prints a table of logical dates in UTC; show each one in Berlin time too.
    # 02:00 does not exist on 29 March 2026 (clocks jump to 03:00): see that day's run.
    for utc in re.findall(r"^\| (\S+ \S+) ", backfill.stdout, flags=re.M):
        berlin = pendulum.parse(utc).in_timezone("Europe/Berlin")
        print(f"backfill would create: {utc} = {berlin.format('ddd D MMM HH:mm zz')}")
        #> backfill would create: 2026-03-27 01:00:00+00:00 = Fri 27 Mar 02:00 CET
        #> backfill would create: 2026-03-28 01:00:00+00:00 = Sat 28 Mar 02:00 CET
        #> backfill would create: 2026-03-29 01:00:00+00:00 = Sun 29 Mar 03:00 CEST
        #> backfill would create: 2026-03-30 00:00:00+00:00 = Mon 30 Mar 02:00 CEST
        #> backfill would create: 2026-03-31 00:00:00+00:00 = Tue 31 Mar 02:00 CEST
