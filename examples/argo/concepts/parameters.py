"""A WorkflowTemplate with a workflow parameter `epochs` that defaults to 3, and a Workflow that
runs it with 10, built with Hera's `WorkflowTemplate`, `Parameter` and `WorkflowTemplateRef`.
No cluster here: the manifests are built and round-tripped, and the step runs as plain Python."""

from hera.workflows import DAG, Parameter, Workflow, WorkflowTemplate, script
from hera.workflows.models import WorkflowTemplateRef


@script(image="python:3.12-slim")
def train(epochs: int) -> None:
    print(f"trained for {epochs} epochs")
    #> trained for 3 epochs
    #> trained for 10 epochs


# The pipeline is stored once in the cluster (`argo template create`) with the default.
epochs = Parameter(name="epochs", value="3")
with (
    WorkflowTemplate(name="train-model", entrypoint="main", arguments=epochs) as template,
    DAG(name="main"),
):
    train(arguments={"epochs": "{{workflow.parameters.epochs}}"})

# A run that overrides it, like `argo submit --from workflowtemplate/train-model -p epochs=10`.
run = Workflow(
    generate_name="train-model-",
    workflow_template_ref=WorkflowTemplateRef(name="train-model"),
    arguments={"epochs": "10"},
)

# The controller resolves {{workflow.parameters.epochs}}: the run's value, else the default.
defaults = template.to_dict()["spec"]["arguments"]["parameters"]
default = {p["name"]: p["value"] for p in defaults}
for arguments in ({}, {"epochs": "10"}):
    train(epochs=int({**default, **arguments}["epochs"]))

for manifest in (template, run):
    assert type(manifest).from_yaml(manifest.to_yaml()).to_yaml() == manifest.to_yaml()
    print(manifest.kind, manifest.to_dict()["spec"]["arguments"])
    #> WorkflowTemplate {'parameters': [{'name': 'epochs', 'value': '3'}]}
    #> Workflow {'parameters': [{'name': 'epochs', 'value': '10'}]}
