"""Resources in ZenML: `ResourceSettings(cpu_count=..., memory=..., gpu_count=...)` under a step's
`settings["resources"]`, which orchestrators that support it turn into requests (the Kubernetes
orchestrator: the pod's cpu, memory and `nvidia.com/gpu`). The local orchestrator used here records
the settings, logs that it ignores them, and runs the step on this machine: nothing used a GPU."""

from zenml import pipeline, step
from zenml.client import Client
from zenml.config import ResourceSettings

GPU = ResourceSettings(cpu_count=4, memory="16GB", gpu_count=1)


@step(settings={"resources": GPU})
def train() -> str:
    return "trained on this machine's CPU"


@pipeline
def training() -> None:
    train()


run = training()
recorded = run.steps["train"].config.settings["resources"].model_dump(exclude_unset=True)
print(f"recorded for step train: {recorded}")
#> recorded for step train: {'cpu_count': 4.0, 'gpu_count': 1, 'memory': '16GB'}
orchestrator = Client().active_stack.orchestrator.flavor
print(f"orchestrator: {orchestrator}, so: {run.steps['train'].output.load()}")
#> orchestrator: local, so: trained on this machine's CPU
