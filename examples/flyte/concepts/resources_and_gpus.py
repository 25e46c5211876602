"""Resources are requested with `flyte.Resources` on a `TaskEnvironment`, for all of its tasks, so
a GPU step gets an environment of its own; `task.override(resources=...)` changes them for one call.
A Flyte backend turns them into the pod's requests and limits. Nothing was scheduled on a GPU
here: there is none, and a local run executes every task in-process, ignoring the requests."""

import flyte

gpu_env = flyte.TaskEnvironment(
    name="training", resources=flyte.Resources(cpu=4, memory="16Gi", gpu="T4:1")
)
env = flyte.TaskEnvironment(
    name="driver", resources=flyte.Resources(cpu=1, memory="1Gi"), depends_on=[gpu_env]
)


@gpu_env.task
async def train(rows: int) -> str:
    return f"trained on {rows} rows"


@env.task
async def pipeline() -> str:
    return await train(1000)


print(f"pipeline: {pipeline.resources}")
#> pipeline: Resources(cpu=1, memory='1Gi', gpu=None, disk=None, shm=None)
print(f"train:    {train.resources}")
#> train:    Resources(cpu=4, memory='16Gi', gpu='T4:1', disk=None, shm=None)
bigger = train.override(resources=flyte.Resources(cpu=8, memory="64Gi", gpu="A100:2"))
print(f"override: {bigger.resources}")
#> override: Resources(cpu=8, memory='64Gi', gpu='A100:2', disk=None, shm=None)

flyte.init()
print(flyte.run(pipeline).outputs()[0])
#> trained on 1000 rows
