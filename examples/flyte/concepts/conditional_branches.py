"""Branches are plain Python: the driver task awaits one task or another with an ordinary `if`
on a result it has just received; there is no special conditional construct in Flyte 2."""

import flyte

env = flyte.TaskEnvironment(name="conditional-branches")


@env.task
async def evaluate(accuracy: float) -> float:
    return accuracy


@env.task
async def deploy(accuracy: float) -> str:
    return f"deployed (accuracy {accuracy})"


@env.task
async def retrain(accuracy: float) -> str:
    return f"sent back for retraining (accuracy {accuracy})"


@env.task
async def pipeline(accuracy: float) -> str:
    score = await evaluate(accuracy)
    if score >= 0.9:
        return await deploy(score)
    return await retrain(score)


flyte.init()
for accuracy in (0.95, 0.7):
    print(flyte.run(pipeline, accuracy=accuracy).outputs()[0])
    #> deployed (accuracy 0.95)
    #> sent back for retraining (accuracy 0.7)
