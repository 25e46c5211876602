"""Secrets and configuration: the task reads a credential as an Airflow Connection and a setting
as a Variable, by id (`BaseHook.get_connection`, `Variable.get`), so neither is in the code.
Airflow resolves them from its secrets backends: here the `AIRFLOW_CONN_*`/`AIRFLOW_VAR_*`
environment variables that this file sets so it runs offline."""

import json
import os

from airflow.sdk import BaseHook, Variable, dag, task


@task
def publish_model() -> None:
    registry = BaseHook.get_connection("model_registry")
    project = Variable.get("registry_project")
    # Airflow also masks connection passwords in task logs; still, never print a secret.
    print(f"token received ({len(registry.password)} characters) for {registry.login}")
    #> token received (22 characters) for ci-bot
    print(f"publishing to {registry.host}, project {project}")
    #> publishing to registry.example.com, project churn-model


@dag(schedule=None)
def concept_secrets_and_configuration():
    publish_model()


pipeline = concept_secrets_and_configuration()

if __name__ == "__main__":
    # In production these come from the deployment's environment (e.g. a Kubernetes Secret) or
    # from a secrets backend such as HashiCorp Vault or AWS Secrets Manager, set in [secrets].
    os.environ["AIRFLOW_CONN_MODEL_REGISTRY"] = json.dumps(
        {"conn_type": "http", "host": "registry.example.com", "login": "ci-bot",
         "password": "example-token-not-real"}
    )  # fmt: skip
    os.environ["AIRFLOW_VAR_REGISTRY_PROJECT"] = "churn-model"
    run = pipeline.test()
