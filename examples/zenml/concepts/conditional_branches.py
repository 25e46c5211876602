"""Conditional branches in ZenML: in a dynamic pipeline (`@pipeline(dynamic=True)`, documented as
experimental) the pipeline function runs while the pipeline runs, so a plain `if` on a step's
loaded output chooses the next step. A static `@pipeline` can only branch on its parameters, when
the graph is built."""

from zenml import pipeline, step


@step
def measure(values: list[float]) -> float:
    return sum(values) / len(values)


@step
def retrain(score: float) -> str:
    return f"retrain: score {score} is below 0.8"


@step
def deploy(score: float) -> str:
    return f"deploy: score {score} is good enough"


@pipeline(dynamic=True)
def branching(values: list[float]) -> None:
    score = measure(values)
    if score.load() < 0.8:  # the value, loaded from the artifact store at run time
        retrain(score)
    else:
        deploy(score)


for values in ([0.9, 0.95], [0.5, 0.7]):
    run = branching(values=values)
    [ran] = [name for name in run.steps if name != "measure"]
    print(f"{values}: ran {ran!r} -> {run.steps[ran].output.load()}")
    #> [0.9, 0.95]: ran 'deploy' -> deploy: score 0.925 is good enough
    #> [0.5, 0.7]: ran 'retrain' -> retrain: score 0.6 is below 0.8
