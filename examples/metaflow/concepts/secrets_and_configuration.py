"""Secrets reach a step as environment variables: in production `@secrets(sources=[...])` fetches
them from a secrets manager (AWS Secrets Manager, Azure Key Vault) just before the step runs; in a
local run each step inherits them from the run's environment, as here. Settings that are not
secret go in a `Config`, fixed when the run starts and stored with the run."""

import os
import secrets
import sys

from metaflow import Config, FlowSpec, Runner, step


class SecretsFlow(FlowSpec):
    # Override with `python secrets_and_configuration.py --config settings prod.json run`.
    settings = Config(
        "settings", default_value={"endpoint": "https://api.example.com", "batch": 50}
    )

    @step
    def start(self):
        token = os.environ["API_TOKEN"]  # read, never assigned to self: artifacts are stored
        self.received = f"token received ({len(token)} characters)"
        self.target = f"{self.settings.endpoint} in batches of {self.settings.batch}"
        self.next(self.end)

    @step
    def end(self):
        pass


if __name__ == "__main__":
    if sys.argv[1:]:  # Metaflow's command line: the Runner and every step's process start here
        SecretsFlow()
    else:
        # Set up here so that the example runs offline; in a shell, `export API_TOKEN=...`.
        token = secrets.token_hex(16)
        with Runner(__file__, show_output=False, env={"API_TOKEN": token}).run() as running:
            task = running.run["start"].task
            print(task.data.received)
            #> token received (32 characters)
            print(task.data.target)
            #> https://api.example.com in batches of 50
            print(f"token stored in the run: {any(a.data == token for a in task)}")
            #> token stored in the run: False
