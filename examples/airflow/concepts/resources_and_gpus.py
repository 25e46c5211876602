"""Resources and GPUs are requested from the executor: for the KubernetesExecutor (from the
cncf.kubernetes provider, not installed here) a task's `executor_config` names a pod template whose
container requests CPU, memory and an `nvidia.com/gpu`. Here `dag.test()` runs the task in this
process: Airflow only records the request, and nothing is scheduled on a GPU."""

from pathlib import Path

import yaml
from airflow.sdk import dag, task

# In production this template lives where the scheduler can read it (e.g. baked into the image).
POD_TEMPLATE = Path("gpu-pod-template.yaml").absolute()
GPU_POD = {
    "apiVersion": "v1",
    "kind": "Pod",
    "metadata": {"name": "gpu-task"},
    "spec": {
        "containers": [
            {
                "name": "base",  # the KubernetesExecutor runs the task in the container "base"
                "image": "apache/airflow:3.3.2",
                "resources": {
                    "requests": {"cpu": "4", "memory": "16Gi"},
                    "limits": {"memory": "16Gi", "nvidia.com/gpu": 1},
                },
            }
        ],
    },
}


@task(executor_config={"pod_template_file": str(POD_TEMPLATE)})
def train_on_gpu() -> None:
    print("training (on this machine's CPU: no executor, no pod, no GPU)")
    #> training (on this machine's CPU: no executor, no pod, no GPU)


@dag(schedule=None)
def concept_resources_and_gpus():
    train_on_gpu()


pipeline = concept_resources_and_gpus()

if __name__ == "__main__":
    POD_TEMPLATE.write_text(yaml.safe_dump(GPU_POD))
    run = pipeline.test()
    # What Airflow stored with the task instance, for the executor to act on:
    recorded = run.get_task_instance("train_on_gpu").executor_config
    template = Path(recorded["pod_template_file"])
    print(f"executor_config recorded: pod_template_file={template.name}")
    #> executor_config recorded: pod_template_file=gpu-pod-template.yaml
    resources = yaml.safe_load(template.read_text())["spec"]["containers"][0]["resources"]
    print(f"the pod would request {resources['requests']}")
    #> the pod would request {'cpu': '4', 'memory': '16Gi'}
    print(f"and be limited to {resources['limits']}")
    #> and be limited to {'memory': '16Gi', 'nvidia.com/gpu': 1}
