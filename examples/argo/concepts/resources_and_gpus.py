"""A script template that asks for CPU, memory and one NVIDIA GPU with Hera's `Resources`, which
becomes the container's Kubernetes `resources`. No cluster and no GPU here: the Workflow is built
and round-tripped and its resource requests printed; nothing was scheduled on a GPU."""

from hera.workflows import DAG, Resources, Workflow, script
from hera.workflows.models import Toleration


@script(
    image="python:3.12-slim",
    resources=Resources(cpu_request=2, memory_request="8Gi", memory_limit="8Gi", gpus=1),
    # GPU nodes are often tainted so that only pods that ask for a GPU land there.
    tolerations=[Toleration(key="nvidia.com/gpu", operator="Exists", effect="NoSchedule")],
)
def train() -> None:
    print("training on the GPU")


with Workflow(generate_name="gpu-", entrypoint="main") as w, DAG(name="main"):
    train()

assert Workflow.from_yaml(w.to_yaml()).to_yaml() == w.to_yaml()
template = next(t for t in w.to_dict()["spec"]["templates"] if t["name"] == "train")
for kind, amounts in template["script"]["resources"].items():
    print(kind, amounts)
    #> limits {'memory': '8Gi', 'nvidia.com/gpu': '1'}
    #> requests {'cpu': '2', 'memory': '8Gi', 'nvidia.com/gpu': '1'}
print(template["tolerations"])
#> [{'effect': 'NoSchedule', 'key': 'nvidia.com/gpu', 'operator': 'Exists'}]
# The scheduler places the pod only on a node with a free `nvidia.com/gpu` (the NVIDIA device
# plugin advertises it); on this machine nothing was scheduled and no GPU was used.
