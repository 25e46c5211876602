"""Conditional branches: a `@task.branch` task returns the task_id(s) to follow, and Airflow marks
every other directly downstream task (and what depends only on it) as skipped."""

from airflow.sdk import dag, task


@task
def evaluate() -> float:
    return 0.93  # the model's accuracy


@task.branch
def choose(accuracy: float) -> str:
    return "deploy" if accuracy >= 0.9 else "retrain"


@task
def deploy() -> None:
    print("deploying the model")
    #> deploying the model


@task
def retrain() -> None:
    print("retraining the model")


@dag(schedule=None)
def concept_conditional_branches():
    choose(evaluate()) >> [deploy(), retrain()]


pipeline = concept_conditional_branches()

if __name__ == "__main__":
    run = pipeline.test()
    for ti in sorted(run.get_task_instances(), key=lambda ti: ti.task_id):
        print(f"{ti.task_id}: {ti.state}")
        #> choose: success
        #> deploy: success
        #> evaluate: success
        #> retrain: skipped
