"""Run the step of secrets_and_configuration.yaml with the two environment variables set as the
kubelet would set them from the Secret's `secretKeyRef` and the ConfigMap's `configMapKeyRef`.
No cluster here: tekton-lint checks the YAML, the script runs with this Python, and the values
below are offline stand-ins for the Secret and the ConfigMap."""

import os
import subprocess
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).parent
text = (HERE / "secrets_and_configuration.yaml").read_text()
task = next(d for d in yaml.safe_load_all(text) if d["kind"] == "Task")
(step,) = task["spec"]["steps"]
for variable in step["env"]:
    print(variable["name"], variable["valueFrom"])
    #> REGISTRY_TOKEN {'secretKeyRef': {'name': 'model-registry', 'key': 'token'}}
    #> REGISTRY_URL {'configMapKeyRef': {'name': 'model-registry', 'key': 'url'}}

injected = {"REGISTRY_TOKEN": "offline-" + "x" * 24, "REGISTRY_URL": "https://registry.example"}
done = subprocess.run(
    [sys.executable, "-c", step["script"]],
    env={**os.environ, **injected},
    capture_output=True,
    text=True,
    check=True,
)
print(done.stdout.strip())
#> token received (32 characters), publishing to https://registry.example
print("token in the YAML:", injected["REGISTRY_TOKEN"] in text)
#> token in the YAML: False
