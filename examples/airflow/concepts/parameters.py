"""Run-time parameters: `@dag(params=...)` declares typed `Param`s with defaults, each run may
override them (`dag.test(run_conf=...)` here, the trigger form or `airflow dags trigger --conf`
in a deployment), and Airflow validates every run's values against the `Param` schema."""

from airflow.sdk import Param, dag, task
from airflow.sdk.exceptions import ParamValidationError


@task
def train(params=None) -> None:
    # Airflow fills a task argument named `params` with this run's resolved parameters.
    print(f"training for {params['epochs']} epochs at learning rate {params['lr']}")
    #> training for 3 epochs at learning rate 0.01
    #> training for 10 epochs at learning rate 0.01


@dag(
    schedule=None,
    params={
        "epochs": Param(3, type="integer", minimum=1),
        "lr": Param(0.01, type="number"),
    },
)
def concept_parameters():
    train()


pipeline = concept_parameters()

if __name__ == "__main__":
    default_run = pipeline.test()  # no conf: the defaults
    override_run = pipeline.test(run_conf={"epochs": 10})  # one value overridden for this run
    try:
        pipeline.test(run_conf={"epochs": 0})
    except ParamValidationError as error:
        reason = str(error).splitlines()[0]
        print(f"refused: {reason}")
        #> refused: Invalid input for param epochs: 0 is less than the minimum of 1
