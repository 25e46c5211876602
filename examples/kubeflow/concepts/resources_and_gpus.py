"""CPU, memory and accelerators are requested on the task: `set_cpu_request`/`set_cpu_limit`,
`set_memory_request`/`set_memory_limit`, `set_accelerator_type` and `set_accelerator_limit`.
They are compiled into the task's executor in the IR YAML, for Kubernetes to schedule; the local
runner warns that it ignores them, and nothing here was scheduled on a GPU."""

import textwrap
import warnings

import yaml
from kfp import compiler, dsl, local

IMAGE = "python:3.11"


@dsl.component(base_image=IMAGE)
def train() -> str:
    return "trained"


@dsl.pipeline(name="gpu-training")
def gpu_training() -> str:
    task = (
        train()
        .set_cpu_request("2")
        .set_cpu_limit("4")
        .set_memory_request("8Gi")
        .set_memory_limit("16Gi")
        .set_accelerator_type("nvidia.com/gpu")  # the Kubernetes resource name of the device
        .set_accelerator_limit(1)
    )
    return task.output


if __name__ == "__main__":
    compiler.Compiler().compile(gpu_training, "gpu_training.yaml")
    with open("gpu_training.yaml") as f:
        spec = yaml.safe_load(f)
    resources = spec["deploymentSpec"]["executors"]["exec-train"]["container"]["resources"]
    for key, value in resources.pop("accelerator").items():
        print("accelerator", key, value)
        #> accelerator count 1
        #> accelerator resourceCount 1
        #> accelerator resourceType nvidia.com/gpu
        #> accelerator type nvidia.com/gpu
    # The quantities as given (resource...), and older numeric fields (memory in GB).
    for key, value in resources.items():
        print(key, value)
        #> cpuLimit 4.0
        #> cpuRequest 2.0
        #> memoryLimit 17.179869184
        #> memoryRequest 8.589934592
        #> resourceCpuLimit 4
        #> resourceCpuRequest 2
        #> resourceMemoryLimit 16Gi
        #> resourceMemoryRequest 8Gi

    local.init(runner=local.SubprocessRunner(use_venv=False), pipeline_root="local_outputs")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        print(gpu_training().output, "on this machine's CPU, with no GPU")
        #> trained on this machine's CPU, with no GPU
    for warning in caught:
        for line in textwrap.wrap(str(warning.message), 70):
            print(line)
            #> Task 'train': settings ['cpu_limit', 'memory_limit', 'cpu_request',
            #> 'memory_request', 'accelerator'] have no effect in the current local
            #> runner and will be ignored.
