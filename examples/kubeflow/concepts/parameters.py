"""Pipeline parameters are the `@dsl.pipeline` function's arguments: a default is compiled into
the IR YAML, and each run may override it (locally as a keyword argument, on a backend through
`arguments=` of `kfp.Client().create_run_from_pipeline_package`)."""

import yaml
from kfp import compiler, dsl, local

IMAGE = "python:3.11"


@dsl.component(base_image=IMAGE)
def greet(name: str, times: int) -> str:
    return ", ".join([f"hello {name}"] * times)


@dsl.pipeline(name="greeting")
def greeting(name: str = "world", times: int = 1) -> str:
    return greet(name=name, times=times).output


if __name__ == "__main__":
    # The defaults as a backend stores them, in the compiled pipeline spec.
    compiler.Compiler().compile(greeting, "greeting.yaml")
    with open("greeting.yaml") as f:
        spec = yaml.safe_load(f)
    for name, definition in spec["root"]["inputDefinitions"]["parameters"].items():
        print(name, definition["parameterType"], "default:", definition["defaultValue"])
        #> name STRING default: world
        #> times NUMBER_INTEGER default: 1.0

    local.init(runner=local.SubprocessRunner(use_venv=False), pipeline_root="local_outputs")
    print(greeting().output)  # the defaults
    #> hello world
    print(greeting(name="Kubeflow", times=2).output)  # a run that overrides both
    #> hello Kubeflow, hello Kubeflow
