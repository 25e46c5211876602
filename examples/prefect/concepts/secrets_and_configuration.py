"""Credentials in Prefect live in a `Secret` block stored by the Prefect server; the task fetches it
at run time with `Secret.load(name).get()`, so the code holds only the block's name.

Plain settings go in a Prefect `Variable`. Both are set up here so that the example runs offline.
"""

from prefect import flow, task
from prefect.blocks.system import Secret
from prefect.variables import Variable


@task
def query_warehouse() -> str:
    token = Secret.load("warehouse-token").get()  # the value, read from the server at run time
    url = Variable.get("warehouse-url")  # a non-secret setting, also kept on the server
    return f"token received ({len(token)} characters), querying {url}"


@flow
def nightly_report() -> str:
    return query_warehouse()


if __name__ == "__main__":
    # Set-up, done once by whoever holds the credential: in production in the Prefect UI (Blocks),
    # from a CI secret, or with this same call; never in the flow's code.
    Secret(value="s3cr3t-t0ken-for-the-demo").save("warehouse-token", overwrite=True)
    Variable.set("warehouse-url", "https://warehouse.example.com", overwrite=True)

    print(nightly_report())
    #> token received (25 characters), querying https://warehouse.example.com
    print(Secret.load("warehouse-token"))  # the block masks its value when shown
    #> Secret(value=Secret('**********'))
