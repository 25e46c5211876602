"""The offline guard: run by every examples session, in that tool's own venv."""

from __future__ import annotations

from pathlib import Path

import pytest

GOES_ONLINE = """\
import socket

socket.create_connection(("192.0.2.1", 80), timeout=5)  # TEST-NET-1: never a real host
"""


def test_an_example_that_goes_online_fails_saying_examples_run_offline(
    check_example, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Its own log: the session's log must stay empty, or the session fails at the end.
    monkeypatch.setenv("FIELD_GUIDE_NETWORK_LOG", str(tmp_path / "refused.log"))
    example = tmp_path / "goes_online.py"
    example.write_text(GOES_ONLINE, encoding="utf-8")
    with pytest.raises(pytest.fail.Exception) as failed:
        check_example(example)
    message = str(failed.value)
    assert "ConnectionRefusedError" in message
    assert "examples run offline" in message
    assert "connect to 192.0.2.1:80" in message
    assert (tmp_path / "refused.log").read_text().count("192.0.2.1") == 1
