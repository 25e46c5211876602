"""A script template that gets an API token from a Kubernetes Secret as an environment variable
(Hera's `SecretEnv`, a `secretKeyRef`), and a setting from a ConfigMap (`ConfigMapEnv`). No
cluster here: the Workflow is built and round-tripped, and the step runs as plain Python with
the two variables set as the kubelet would set them from the Secret and the ConfigMap."""

import os
from unittest import mock

from hera.workflows import DAG, ConfigMapEnv, SecretEnv, Workflow, script


@script(
    image="python:3.12-slim",
    env=[
        # In production the Secret is created once, outside the code: `kubectl create secret
        # generic model-registry --from-literal=token=...`, or by an external secrets operator.
        SecretEnv(name="REGISTRY_TOKEN", secret_name="model-registry", secret_key="token"),
        ConfigMapEnv(name="REGISTRY_URL", config_map_name="model-registry", config_map_key="url"),
    ],
)
def publish() -> None:
    import os

    token = os.environ["REGISTRY_TOKEN"]  # never printed, never in the manifest
    print(f"token received ({len(token)} characters), publishing to {os.environ['REGISTRY_URL']}")
    #> token received (32 characters), publishing to https://registry.example


with Workflow(generate_name="secrets-", entrypoint="main") as w, DAG(name="main"):
    publish()

# Offline stand-ins for what the kubelet injects from the Secret and the ConfigMap.
injected = {"REGISTRY_TOKEN": "offline-" + "x" * 24, "REGISTRY_URL": "https://registry.example"}
with mock.patch.dict(os.environ, injected):
    publish()

manifest = w.to_yaml()
assert Workflow.from_yaml(manifest).to_yaml() == manifest
template = next(t for t in w.to_dict()["spec"]["templates"] if t["name"] == "publish")
for variable in template["script"]["env"]:
    print(variable["name"], variable["valueFrom"])
    #> REGISTRY_TOKEN {'secretKeyRef': {'key': 'token', 'name': 'model-registry'}}
    #> REGISTRY_URL {'configMapKeyRef': {'key': 'url', 'name': 'model-registry'}}
print("token in manifest:", injected["REGISTRY_TOKEN"] in manifest)
#> token in manifest: False
