"""No built-in secret store: a cron job gets a minimal environment plus the variables its crontab
sets, so the credential lives in a file only the job's user can read, and the crontab sets an
environment variable to its path. The step reads the path from `os.environ`, then the file; the secret is never
in the code, the crontab or the log."""

import os
import secrets
import stat
from pathlib import Path


def warehouse_token() -> str:
    """The credential: its path from the environment, its value from the file."""
    path = Path(os.environ["PIPELINE_TOKEN_FILE"])
    if path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise PermissionError(f"{path} can be read by others: chmod 600 it")
    return path.read_text().strip()


def load(rows: int) -> str:
    token = warehouse_token()
    # A real step sends the token to the warehouse (an Authorization header); never print it.
    return f"token received ({len(token)} characters); {rows} rows loaded"


if __name__ == "__main__":
    # Set-up for this offline run only. In production someone writes the file once, mode 600, and
    # the crontab holds its path, not the secret (a systemd unit would use EnvironmentFile=):
    #   PIPELINE_TOKEN_FILE=/home/etl/.config/pipeline/token
    #   0 2 * * * cd "$HOME/pipeline" && python3 pipeline.py >> pipeline.log 2>&1
    token_file = Path("token")
    token_file.touch(mode=0o600)
    token_file.write_text(secrets.token_hex(16))
    os.environ["PIPELINE_TOKEN_FILE"] = str(token_file.resolve())

    print(load(200))
    #> token received (32 characters); 200 rows loaded
