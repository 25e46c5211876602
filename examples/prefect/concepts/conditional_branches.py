"""Branching in Prefect is a plain Python `if` on a task's result inside the flow function.

The branch not taken leaves no trace: the API records only the task runs that happened (no
"skipped" state), as `PrefectClient.read_task_runs` shows.
"""

import time

from prefect import flow, task
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId
from prefect.events.worker import EventsWorker


@task
def evaluate(rmse: float) -> float:
    return rmse


@task
def deploy_model() -> str:
    return "deployed"


@task
def alert_team() -> str:
    return "alerted"


@flow
def gate(rmse: float, threshold: float = 1.5) -> str:
    if evaluate(rmse) <= threshold:  # the task's result, an ordinary float
        return deploy_model()
    return alert_team()


def recorded_tasks(flow_run_id) -> list[str]:
    # Task runs reach the API as events, which it stores a moment after the flow has ended:
    # send what is queued, then read until the list stops changing (at most 10 s).
    EventsWorker.drain_all()
    names, previous = [], None
    with get_client(sync_client=True) as client:
        for _ in range(40):
            runs = client.read_task_runs(
                flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id]))
            )
            previous, names = names, sorted(run.name.rsplit("-", 1)[0] for run in runs)
            if names and names == previous:
                break
            time.sleep(0.25)
    return names


if __name__ == "__main__":
    for rmse in (1.2, 1.9):
        state = gate(rmse, return_state=True)
        ran = recorded_tasks(state.state_details.flow_run_id)
        print(f"rmse={rmse}: {state.result()}, task runs {ran}")
        #> rmse=1.2: deployed, task runs ['deploy_model', 'evaluate']
        #> rmse=1.9: alerted, task runs ['alert_team', 'evaluate']
