"""No built-in per-task resources: Prefect sizes a whole flow run, through a work pool's base job
template and a deployment's `job_variables`, so the GPU step becomes its own flow and deployment.

Nothing runs here: no cluster, no Kubernetes worker (the `prefect-kubernetes` package), no GPU.
"""

from prefect import flow
from prefect.client.orchestration import get_client
from prefect.client.schemas.actions import WorkPoolCreate
from prefect.utilities.templating import apply_values

# Trimmed from `prefect work-pool get-default-base-job-template --type kubernetes`, plus three
# variables for the container's resources (the default Kubernetes template sets no resources).
GPU_JOB_TEMPLATE = {
    "variables": {
        "type": "object",
        "properties": {
            "image": {"type": "string", "default": "prefecthq/prefect:3-python3.11"},
            "cpu": {"type": "string", "default": "1"},
            "memory": {"type": "string", "default": "2Gi"},
            "gpu": {"type": "integer", "default": 0},
        },
    },
    "job_configuration": {
        "job_manifest": {
            "apiVersion": "batch/v1",
            "kind": "Job",
            "spec": {
                "template": {
                    "spec": {
                        "restartPolicy": "Never",
                        "containers": [
                            {
                                "name": "prefect-job",
                                "image": "{{ image }}",
                                "resources": {
                                    "requests": {"cpu": "{{ cpu }}", "memory": "{{ memory }}"},
                                    "limits": {"nvidia.com/gpu": "{{ gpu }}"},
                                },
                            }
                        ],
                    }
                }
            },
        }
    },
}


@flow
def train_on_gpu(epochs: int = 10) -> str:
    return f"trained for {epochs} epochs"


if __name__ == "__main__":
    with get_client(sync_client=True) as client:
        pool = WorkPoolCreate(name="k8s-gpu", type="kubernetes", base_job_template=GPU_JOB_TEMPLATE)
        client.create_work_pool(pool, overwrite=True)  # usually once: `prefect work-pool create`
        deployment_id = train_on_gpu.to_deployment(
            name="gpu",
            work_pool_name="k8s-gpu",
            # The server checks these against the pool's variables ("gpu": "one" is refused);
            # one run can override them: `prefect deployment run ... --job-variable gpu=2`.
            job_variables={"cpu": "4", "memory": "16Gi", "gpu": 1},
        ).apply()
        stored = client.read_deployment(deployment_id)
        template = client.read_work_pool("k8s-gpu").base_job_template
    print(f"deployment {stored.name!r} on work pool {stored.work_pool_name!r}")
    #> deployment 'gpu' on work pool 'k8s-gpu'
    print(f"job_variables {stored.job_variables}")
    #> job_variables {'cpu': '4', 'memory': '16Gi', 'gpu': 1}
    # What a Kubernetes worker would fill in: the template's defaults, then the deployment's values.
    variables = {k: v["default"] for k, v in template["variables"]["properties"].items()}
    job = apply_values(template["job_configuration"], variables | stored.job_variables)
    print(job["job_manifest"]["spec"]["template"]["spec"]["containers"][0]["resources"])
    #> {'requests': {'cpu': '4', 'memory': '16Gi'}, 'limits': {'nvidia.com/gpu': 1}}
    print("not run: no Kubernetes worker polls this pool here, and no GPU was scheduled")
    #> not run: no Kubernetes worker polls this pool here, and no GPU was scheduled
