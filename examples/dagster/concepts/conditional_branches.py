"""Branching with optional outputs: an op declares two `dg.Out(is_required=False)` outputs and
yields only one; Dagster skips the ops downstream of the output that was not yielded."""

import dagster as dg


class EvalConfig(dg.Config):
    accuracy: float = 0.93  # stands in for a real evaluation


@dg.op(out={"good": dg.Out(is_required=False), "bad": dg.Out(is_required=False)})
def evaluate(config: EvalConfig):
    if config.accuracy >= 0.9:
        yield dg.Output(config.accuracy, output_name="good")
    else:
        yield dg.Output(config.accuracy, output_name="bad")


@dg.op
def deploy(accuracy: float) -> str:
    return f"deployed a model with accuracy {accuracy}"


@dg.op
def retrain(accuracy: float) -> str:
    return f"retraining: accuracy {accuracy} is below 0.9"


@dg.job
def release():
    good, bad = evaluate()
    deploy(good)
    retrain(bad)


for accuracy in (0.93, 0.71):
    config = dg.RunConfig(ops={"evaluate": EvalConfig(accuracy=accuracy)})
    result = release.execute_in_process(run_config=config)
    ran = [e.step_key for e in result.all_events if e.event_type_value == "STEP_SUCCESS"]
    skipped = [e.step_key for e in result.all_events if e.event_type_value == "STEP_SKIPPED"]
    print(f"accuracy {accuracy}: ran {ran}, skipped {skipped}")
    #> accuracy 0.93: ran ['evaluate', 'deploy'], skipped ['retrain']
    #> accuracy 0.71: ran ['evaluate', 'retrain'], skipped ['deploy']
