"""Prefect flow parameters are the flow function's arguments: a Python default, overridden per run.

Prefect validates them against the type hints (pydantic) before the run starts, and the API stores
each run's values on the flow run, where `PrefectClient.read_flow_run` reads them back.
"""

from prefect import flow
from prefect.client.orchestration import get_client


@flow
def train(learning_rate: float = 0.1, epochs: int = 3) -> str:
    return f"learning_rate={learning_rate!r} epochs={epochs!r}"


if __name__ == "__main__":
    print(train())  # the defaults
    #> learning_rate=0.1 epochs=3
    # A deployment run overrides the same way: `prefect deployment run train/prod -p epochs=10`.
    state = train(epochs=10, return_state=True)
    print(state.result())
    #> learning_rate=0.1 epochs=10
    with get_client(sync_client=True) as client:
        stored = client.read_flow_run(state.state_details.flow_run_id).parameters
    print(f"stored on the flow run: {stored}")
    #> stored on the flow run: {'learning_rate': 0.1, 'epochs': 10}
    print(train(learning_rate="0.5"))  # validated, then coerced to the hint: a float
    #> learning_rate=0.5 epochs=3
