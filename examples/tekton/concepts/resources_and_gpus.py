"""Print what resources_and_gpus.yaml asks Kubernetes for: the step's `computeResources` (CPU,
memory, one `nvidia.com/gpu`) and the PipelineRun's toleration for GPU nodes. No cluster and no
GPU here: tekton-lint checks the YAML, and nothing was scheduled on a GPU."""

from pathlib import Path

import yaml

HERE = Path(__file__).parent
docs = yaml.safe_load_all((HERE / "resources_and_gpus.yaml").read_text())
resources = {(d["kind"], d["metadata"]["name"]): d for d in docs}
(step,) = resources["Task", "gpu-train"]["spec"]["steps"]
for kind, amounts in step["computeResources"].items():
    print(kind, amounts)
    #> requests {'cpu': '2', 'memory': '8Gi'}
    #> limits {'memory': '8Gi', 'nvidia.com/gpu': '1'}
(spec,) = resources["PipelineRun", "resources-and-gpus-run"]["spec"]["taskRunSpecs"]
print(spec["pipelineTaskName"], spec["podTemplate"]["tolerations"])
#> train [{'key': 'nvidia.com/gpu', 'operator': 'Exists', 'effect': 'NoSchedule'}]
