"""Resource requests as op tags: `dagster-k8s/config` on an asset's `op_tags` holds the Kubernetes
container resources (CPU, memory, one `nvidia.com/gpu`), which dagster-k8s's `k8s_job_executor`
applies to the step's pod. Here the tags are only recorded: the step runs in-process, on no GPU."""

import importlib.util
import json

import dagster as dg

K8S_CONFIG = {
    "container_config": {
        "resources": {
            "requests": {"cpu": "2", "memory": "8Gi"},
            "limits": {"cpu": "4", "memory": "16Gi", "nvidia.com/gpu": "1"},
        }
    }
}


@dg.asset(op_tags={"dagster-k8s/config": K8S_CONFIG})
def model() -> str:
    return "trained on whatever this process had"


# What Dagster stores with the step: the tag, serialized to a JSON string like every op tag.
stored = model.op.tags["dagster-k8s/config"]
resources = json.loads(stored)["container_config"]["resources"]
print(f"requests: {resources['requests']}")
#> requests: {'cpu': '2', 'memory': '8Gi'}
print(f"limits: {resources['limits']}")
#> limits: {'cpu': '4', 'memory': '16Gi', 'nvidia.com/gpu': '1'}

# With dagster-k8s installed, a job using `executor_def=k8s_job_executor` would launch this step
# as a Kubernetes Job with those resources. It is not installed here, and no cluster exists:
print(f"dagster_k8s installed: {importlib.util.find_spec('dagster_k8s') is not None}")
#> dagster_k8s installed: False
result = dg.materialize([model])  # the in-process executor ignores the tag
print(f"{result.output_for_node('model')}: nothing was scheduled on a GPU")
#> trained on whatever this process had: nothing was scheduled on a GPU
