"""Parameters are the driver task's own arguments: their Python defaults apply unless
`flyte.run(task, name=value)` (or `flyte run --local file.py task --name value`) overrides them
for one run, and Flyte checks each value against the type hint before anything runs."""

import flyte

env = flyte.TaskEnvironment(name="parameters")


@env.task
async def train(learning_rate: float, epochs: int) -> str:
    return f"trained with learning_rate={learning_rate}, epochs={epochs}"


@env.task
async def pipeline(learning_rate: float = 0.1, epochs: int = 10) -> str:
    return await train(learning_rate, epochs)


flyte.init()  # no endpoint: every run below is local and in-process

default_run = flyte.run(pipeline)
print(default_run.outputs()[0])
#> trained with learning_rate=0.1, epochs=10

tuned_run = flyte.run(pipeline, learning_rate=0.01)
print(tuned_run.outputs()[0])
#> trained with learning_rate=0.01, epochs=10

try:
    flyte.run(pipeline, learning_rate="fast")
except TypeError as error:
    print(str(error).splitlines()[0])
    #> Type conversion failed for variable 'learning_rate'.
