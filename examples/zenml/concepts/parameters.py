"""Run-time parameters in ZenML: the `@pipeline` function's arguments, with Python defaults, are
the pipeline's parameters; calling the pipeline with other values overrides them for that run,
and ZenML records the values each run used."""

from zenml import pipeline, step


@step
def greet(name: str, times: int) -> str:
    return " ".join([f"hello {name}"] * times)


@pipeline
def greeting(name: str = "world", times: int = 1) -> None:
    greet(name=name, times=times)


default_run = greeting()  # the defaults
override_run = greeting(name="ZenML", times=2)  # overridden for this run only

for run in (default_run, override_run):
    print(f"parameters {run.config.parameters} -> {run.steps['greet'].output.load()!r}")
    #> parameters {'name': 'world', 'times': 1} -> 'hello world'
    #> parameters {'name': 'ZenML', 'times': 2} -> 'hello ZenML hello ZenML'
