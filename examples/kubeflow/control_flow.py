"""Loops, conditions and an exit handler, run by KFP's local runner (no cluster)."""

from pathlib import Path

from kfp import dsl, local

IMAGE = "python:3.11"


@dsl.component(base_image=IMAGE)
def score(candidate: float) -> float:
    return candidate * candidate


@dsl.component(base_image=IMAGE)
def best(scores: list) -> float:
    return max(scores)


@dsl.component(base_image=IMAGE)
def promote(score: float):
    print(f"promoting a candidate that scored {score}")


@dsl.component(base_image=IMAGE)
def reject(score: float):
    print(f"no candidate beat the threshold (best {score})")


@dsl.component(base_image=IMAGE)
def notify(status: dsl.PipelineTaskFinalStatus):
    print(f"{status.pipeline_task_name} ended {status.state}")


@dsl.pipeline
def sweep(threshold: float):
    # The exit task runs last, whether the tasks inside the handler succeed or fail.
    with dsl.ExitHandler(notify()):
        with dsl.ParallelFor([1.0, 2.0, 3.0]) as candidate:
            scored = score(candidate=candidate)
        top = best(scores=dsl.Collected(scored.output))
        with dsl.If(top.output > threshold):
            promote(score=top.output)
        with dsl.Else():
            reject(score=top.output)


if __name__ == "__main__":
    local.init(runner=local.SubprocessRunner(use_venv=False), pipeline_root="local_outputs")
    sweep(threshold=5.0)
    # Each task that ran left a folder of outputs: three loop iterations, `promote`, no `reject`.
    (run,) = Path("local_outputs").iterdir()
    for task in sorted(run.iterdir()):
        print(task.name)
        #> best
        #> for-loop-3-iteration-0
        #> for-loop-3-iteration-1
        #> for-loop-3-iteration-2
        #> notify
        #> promote
