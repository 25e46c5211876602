"""Conditional branches: a plain `if` on a step's result decides which step runs next. Here a model
is published only when its error is below a threshold; otherwise the previous one is kept."""

import math
import statistics

THRESHOLD = 1.0  # the highest RMSE a published model may have


def evaluate(errors: list[float]) -> float:
    return math.sqrt(statistics.fmean(e * e for e in errors))


def publish(rmse: float) -> str:
    return f"rmse={rmse:.2f}: published the new model"


def keep_previous(rmse: float) -> str:
    return f"rmse={rmse:.2f}: kept the previous model and flagged this run"


def run(errors: list[float]) -> str:
    rmse = evaluate(errors)
    if rmse < THRESHOLD:
        return publish(rmse)
    return keep_previous(rmse)


if __name__ == "__main__":
    print(run([0.5, -0.3, 0.4]))  # a good night
    #> rmse=0.41: published the new model
    print(run([2.0, -1.5, 1.8]))  # a bad night
    #> rmse=1.78: kept the previous model and flagged this run
