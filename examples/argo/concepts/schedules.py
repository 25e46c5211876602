"""A `CronWorkflow` that starts a WorkflowTemplate daily at 02:00 Europe/Berlin, and a backfill
Workflow that runs the same template once per past date, built with Hera. Argo has no backfill
field: the loop over dates is the pattern its "Cron Backfill" page documents. No cluster here:
the manifests are built and round-tripped, and the step runs as plain Python for each date."""

from datetime import date, timedelta

from hera.workflows import CronWorkflow, Parameter, Step, Steps, Workflow, WorkflowTemplate, script
from hera.workflows.models import TemplateRef, WorkflowTemplateRef


@script(image="python:3.12-slim")
def train(day: str) -> None:
    import datetime

    if day == "yesterday":  # a scheduled run trains on the day before
        day = str(datetime.date.today() - datetime.timedelta(days=1))
    print(f"training on the data of {day}")
    #> training on the data of 2026-11-01
    #> training on the data of 2026-11-02
    #> training on the data of 2026-11-03


with WorkflowTemplate(
    name="daily-train", entrypoint="train", arguments=Parameter(name="day", value="yesterday")
) as template:
    train()

nightly = CronWorkflow(
    name="daily-train",
    schedules=["0 2 * * *"],
    timezone="Europe/Berlin",  # an IANA zone; without it, the controller's own time zone
    concurrency_policy="Forbid",
    workflow_template_ref=WorkflowTemplateRef(name="daily-train"),
)

# The backfill: one step per past date, each running the template's `train` with that day.
days = [str(date(2026, 11, 1) + timedelta(days=n)) for n in range(3)]
with (
    Workflow(generate_name="daily-train-backfill-", entrypoint="backfill") as backfill,
    Steps(name="backfill"),
):
    Step(
        name="day",
        template_ref=TemplateRef(name="daily-train", template="train"),
        arguments={"day": "{{item}}"},
        with_items=days,
    )

for manifest in (template, nightly, backfill):
    assert type(manifest).from_yaml(manifest.to_yaml()).to_yaml() == manifest.to_yaml()
(step,) = backfill.to_dict()["spec"]["templates"][0]["steps"][0]

# Nothing waits for 02:00, and Argo computes no run times offline. The backfill's steps run
# the template's logic once per date:
for day in step["withItems"]:
    train(day=day)

spec = nightly.to_dict()["spec"]
print(spec["schedules"], spec["timezone"], spec["workflowSpec"])
#> ['0 2 * * *'] Europe/Berlin {'workflowTemplateRef': {'name': 'daily-train'}}
print(step["templateRef"])
#> {'name': 'daily-train', 'template': 'train'}
print(step["withItems"])
#> ['2026-11-01', '2026-11-02', '2026-11-03']
# The argo CLI also has an alpha `argo cron backfill daily-train --start ... --end ...`: it
# creates one Workflow per scheduled time in the range, passing the time as a parameter.
