"""`dsl.If` and `dsl.Else` choose which tasks run from an upstream task's output at run time, and
`dsl.OneOf` returns the output of whichever branch ran. KFP's local runner runs the branches
too."""

from kfp import dsl, local

IMAGE = "python:3.11"


@dsl.component(base_image=IMAGE)
def evaluate(accuracy: float) -> float:
    return round(accuracy, 2)


@dsl.component(base_image=IMAGE)
def deploy(accuracy: float) -> str:
    return f"deployed (accuracy {accuracy})"


@dsl.component(base_image=IMAGE)
def retrain(accuracy: float) -> str:
    return f"sent back to training (accuracy {accuracy})"


@dsl.pipeline(name="gate")
def gate(accuracy: float) -> str:
    score = evaluate(accuracy=accuracy).output
    with dsl.If(score >= 0.9):
        deployed = deploy(accuracy=score)
    with dsl.Else():
        retrained = retrain(accuracy=score)
    return dsl.OneOf(deployed.output, retrained.output)


if __name__ == "__main__":
    local.init(runner=local.SubprocessRunner(use_venv=False), pipeline_root="local_outputs")
    print(gate(accuracy=0.93).output)
    #> deployed (accuracy 0.93)
    print(gate(accuracy=0.71).output)
    #> sent back to training (accuracy 0.71)
