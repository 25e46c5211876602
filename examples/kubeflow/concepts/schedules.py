"""No built-in per-schedule time zone: a KFP recurring run lives on the backend, created with
`kfp.Client().create_recurring_run(cron_expression=...)`, and its six-field cron (seconds first) is
read in the one zone of the cluster's scheduled-workflow controller (UTC unless its
`CRON_SCHEDULE_TIMEZONE` is set). With no backend here, the cell compiles the pipeline, checks
the call's arguments against the SDK's signature and prints them: nothing computes run times
offline."""

import inspect

import kfp
import kfp_server_api
import yaml
from kfp import compiler, dsl

IMAGE = "python:3.11"


@dsl.component(base_image=IMAGE)
def report(scheduled_for: str) -> str:
    return f"report for {scheduled_for}"


@dsl.pipeline(name="nightly-report")
def nightly_report():
    # Each scheduled run, a catch-up run too, receives the time it was scheduled for, in UTC.
    report(scheduled_for=dsl.PIPELINE_JOB_SCHEDULE_TIME_UTC_PLACEHOLDER)


if __name__ == "__main__":
    compiler.Compiler().compile(nightly_report, "nightly_report.yaml")
    schedule = {
        "experiment_id": "EXPERIMENT_ID",  # from client.create_experiment(...)
        "job_name": "nightly-report",
        # second minute hour day-of-month month day-of-week: 02:00:00 every day, in the
        # controller's zone. Set CRON_SCHEDULE_TIMEZONE=Europe/Berlin on the controller (the
        # whole cluster) for Berlin time; a UTC cron for Berlin's 02:00 is "0 0 1 * * *" in winter
        # and "0 0 0 * * *" in summer.
        "cron_expression": "0 0 2 * * *",
        # Backfill: with a start in the past and catch-up on, the backend starts one run for
        # each 02:00 missed since then, max_concurrency at a time.
        "start_time": "2026-11-01T00:00:00Z",
        "no_catchup": False,
        "max_concurrency": 1,
        "pipeline_package_path": "nightly_report.yaml",
    }
    # Needs a KFP backend: kfp.Client(host="https://...").create_recurring_run(**schedule)
    inspect.signature(kfp.Client.create_recurring_run).bind(None, **schedule)  # checked offline
    for name, value in schedule.items():
        print(name, value)
        #> experiment_id EXPERIMENT_ID
        #> job_name nightly-report
        #> cron_expression 0 0 2 * * *
        #> start_time 2026-11-01T00:00:00Z
        #> no_catchup False
        #> max_concurrency 1
        #> pipeline_package_path nightly_report.yaml

    # What the backend stores for a cron trigger: the cron and a time window, no time zone.
    print(sorted(kfp_server_api.V2beta1CronSchedule.openapi_types))
    #> ['cron', 'end_time', 'start_time']
    with open("nightly_report.yaml") as f:
        spec = yaml.safe_load(f)
    print(spec["root"]["dag"]["tasks"]["report"]["inputs"]["parameters"]["scheduled_for"])
    #> {'runtimeValue': {'constant': '{{$.pipeline_job_schedule_time_utc}}'}}
