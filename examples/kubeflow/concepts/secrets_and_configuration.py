"""No built-in secret store in core `kfp`: on a cluster, the `kfp-kubernetes` add-on (not in this
lock) maps a Kubernetes Secret to a task's environment with `kubernetes.use_secret_as_env`. The
step here reads that environment variable, which the local runner's subprocess inherits, so the
token never enters the IR YAML; plain configuration is a pipeline parameter."""

import os

from kfp import compiler, dsl, local

IMAGE = "python:3.11"


@dsl.component(base_image=IMAGE)
def call_api(endpoint: str) -> str:
    import os

    token = os.environ["API_TOKEN"]  # never printed, never returned
    return f"token received ({len(token)} characters) for {endpoint}"


@dsl.pipeline(name="uses-a-secret")
def uses_a_secret(endpoint: str = "https://api.example.com/v1") -> str:
    task = call_api(endpoint=endpoint)
    # On a cluster, with kfp-kubernetes installed:
    #   from kfp import kubernetes
    #   kubernetes.use_secret_as_env(
    #       task, secret_name="api-credentials", secret_key_to_env={"token": "API_TOKEN"}
    #   )
    # Not task.set_env_variable("API_TOKEN", ...): its value is compiled into the YAML.
    return task.output


if __name__ == "__main__":
    # Set up for this offline demo only; in production a Kubernetes Secret provides it.
    os.environ["API_TOKEN"] = "demo-" + "x" * 27

    compiler.Compiler().compile(uses_a_secret, "uses_a_secret.yaml")
    with open("uses_a_secret.yaml") as f:
        print("token in the compiled YAML:", os.environ["API_TOKEN"] in f.read())
        #> token in the compiled YAML: False

    local.init(runner=local.SubprocessRunner(use_venv=False), pipeline_root="local_outputs")
    print(uses_a_secret().output)
    #> token received (32 characters) for https://api.example.com/v1
    print(uses_a_secret(endpoint="https://staging.example.com/v1").output)
    #> token received (32 characters) for https://staging.example.com/v1
