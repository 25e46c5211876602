"""Run a stored pipeline every morning: a CronWorkflow that points at a WorkflowTemplate."""

import warnings

from hera.workflows import CronWorkflow
from hera.workflows.models import WorkflowTemplateRef

# The pipeline is stored once in the cluster as a WorkflowTemplate (`argo template create`);
# the CronWorkflow only says when to start a Workflow from it.
pipeline = WorkflowTemplateRef(name="field-guide-pipeline")

nightly = CronWorkflow(
    name="field-guide-nightly",
    schedules=["0 6 * * *", "0 18 * * 5"],  # a list since Argo Workflows 3.6
    timezone="Europe/Berlin",
    concurrency_policy="Forbid",  # a slow run is not overlapped by the next one
    workflow_template_ref=pipeline,
)
spec = nightly.to_dict()["spec"]
print(spec["schedules"], spec["workflowSpec"]["workflowTemplateRef"])
#> ['0 6 * * *', '0 18 * * 5'] {'name': 'field-guide-pipeline'}

# The single `schedule` string, removed in Argo Workflows 4.0, is still accepted by Hera 7.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    legacy = CronWorkflow(name="legacy", schedule="0 6 * * *", workflow_template_ref=pipeline)
print(legacy.to_dict()["spec"]["schedules"])
#> ['0 6 * * *']
# Hera translates it, with a warning that the shim goes away in Hera 8.
print(caught[0].category.__name__, str(caught[0].message).split(";")[0])
#> DeprecationWarning CronWorkflowSpec.schedule was removed in Argo Workflows v4
