"""What every examples-<tool> session shares.

`test_<tool>.py` runs the files under `examples/<tool>/`: any test with an `example` argument is
run once per file (its id is the file's path), and `check_example` lints it, checks its format,
runs it, and compares what it prints with its `#>` comments (or rewrites them under
`--update-examples`). Every run is offline and writes only to temp dirs.
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from pytest_examples import CodeExample, EvalExample
from pytest_examples.lint import FormatError, ruff_check

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
OFFLINE = Path(__file__).parent / "offline"
EXAMPLE_SUFFIXES = {".py"}
OUTPUT_COMMENT = re.compile(r"^( *#)> ", re.M)

# Before any orchestrator is imported: every process this session starts is offline.
os.environ["PYTHONPATH"] = os.pathsep.join(
    filter(None, [str(OFFLINE), os.environ.get("PYTHONPATH")])
)
sys.path.insert(0, str(OFFLINE))
import sitecustomize as offline_guard  # noqa: E402  (this folder's guard, not a site one)

offline_guard.install()


def tool_of(module_path: Path) -> str:
    return module_path.stem.removeprefix("test_")


def example_files(tool: str) -> list[Path]:
    folder = EXAMPLES / tool
    if not folder.is_dir():
        raise pytest.UsageError(f"{folder} does not exist: is test_{tool}.py named after its tool?")
    return sorted(p for p in folder.rglob("*") if p.suffix in EXAMPLE_SUFFIXES)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "example" in metafunc.fixturenames:
        files = example_files(tool_of(Path(metafunc.module.__file__)))
        metafunc.parametrize("example", files, ids=[f.relative_to(ROOT).as_posix() for f in files])


@pytest.fixture(scope="session", autouse=True)
def offline(tmp_path_factory: pytest.TempPathFactory):
    """Prove the guard is active here and in subprocesses, then fail if anything phoned home."""
    log = tmp_path_factory.mktemp("network") / "refused.log"
    os.environ["FIELD_GUIDE_NETWORK_LOG"] = str(log)
    child = subprocess.run(
        [sys.executable, "-c", "import socket; print(socket.socket.connect.field_guide_guard)"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert child.stdout.strip() == "True", f"offline guard not active in subprocesses: {child}"
    yield
    refused = log.read_text() if log.exists() else ""
    assert not refused, f"examples tried to reach the network:\n{refused}"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each example runs in its own empty directory: the files it writes land there."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def format_problems(source: str) -> str:
    """A diff of what `ruff format` would change, ignoring the `#>` output comments it mangles."""
    protected = OUTPUT_COMMENT.sub(r"\1 > ", source)
    formatted = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--line-length", "100", "-"],
        input=protected, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    formatted = re.sub(r"^( *#) > ", r"\1> ", formatted, flags=re.M)
    if formatted == source:
        return ""
    return "".join(difflib.unified_diff(source.splitlines(True), formatted.splitlines(True)))


@pytest.fixture
def check_example(eval_example: EvalExample, workdir: Path):
    """Lint, format-check, run and print-check one example file; return its module globals."""
    # py311, as the project lint: ruff sorts imports by what the target version ships
    eval_example.set_config(
        line_length=100, ruff_line_length=100, ruff_ignore=["E501"], target_version="py311"
    )

    def check(path: Path, **run_kwargs):
        __tracebackhide__ = True
        source = path.read_text(encoding="utf-8")
        example = CodeExample.create(source, path=path)
        example.group = uuid.uuid4()  # pytest-examples needs a group to write updates back
        where = path.relative_to(ROOT)
        if eval_example.update_examples:
            return eval_example.run_print_update(example, **run_kwargs)
        if problems := lint_problems(example, eval_example):
            pytest.fail(problems, pytrace=False)
        if diff := format_problems(source):
            pytest.fail(f"{where} is not formatted (run `ruff format {where}`):\n{diff}", False)
        try:
            return eval_example.run_print_check(example, **run_kwargs)
        except pytest.fail.Exception:
            raise  # a print mismatch already names the file and shows the diff
        except Exception as exc:
            failure = describe_failure(exc, path)
        # Outside the except block: pytest cannot render pytest-examples' synthetic frames.
        pytest.fail(failure, pytrace=False)

    return check


def lint_problems(example: CodeExample, eval_example: EvalExample) -> str:
    """Ruff's findings, concise, so that each reads examples/<tool>/file.py:line:col."""
    try:
        ruff_check(example, eval_example.config, extra_ruff_args=("--output-format", "concise"))
    except FormatError as exc:
        return str(exc)
    return ""


def describe_failure(exc: BaseException, path: Path) -> str:
    """`examples/x/y.py:12: KeyError: 'k'`: the example's own line and the tool's own error."""
    where = path.relative_to(ROOT).as_posix()
    tb, line = exc.__traceback__, None
    while tb is not None:
        if Path(tb.tb_frame.f_code.co_filename).name == path.name:
            line = tb.tb_lineno
        tb = tb.tb_next
    location = f"{where}:{line}" if line else where
    return f"{location}: {type(exc).__module__}.{type(exc).__qualname__}: {exc}".replace(
        "builtins.", ""
    )
