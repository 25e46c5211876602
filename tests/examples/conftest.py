"""The examples harness: what every examples-<tool> session shares.

`test_<tool>.py` runs the files under `examples/<tool>/`: any test with an `example` argument is
run once per file (its id is the file's path), and `check_example` checks its format, runs it, and
compares what it prints with its `#>` comments (or rewrites them under `--update-examples`). The
lecture's code (`lecture.py`) is quoted byte for byte and run as written by `lecture_transcript`,
which records what happened in `lecture.output.txt`. Lint is `ruff check .` in the tests session.
Every run is offline, in a temp dir, with each tool's home in a temp dir too.
"""

from __future__ import annotations

import contextlib
import csv
import difflib
import fcntl
import fnmatch
import functools
import inspect
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytest_examples import CodeExample, EvalExample, run_code
from scheduling import pytest_xdist_make_scheduler  # noqa: F401  (a hook: pytest finds it here)

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
EXAMPLE_SUFFIXES = {".py"}
LECTURE = "lecture.py"
"""The lecture's code, which runs as written and fails where the lecture is out of date."""
OUTPUT_COMMENT = re.compile(r"^( *#)> ", re.M)
FORMAT_EXCLUDED = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["ruff"]["format"][
    "exclude"
]


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="") as f:
        return list(csv.DictReader(f))


def assert_pipeline_data(data: Path, *, model: bool = True) -> None:
    """What the guide's pipeline leaves in `data/`, whichever tool ran it: 200 raw rows, 10 of them
    without a y, a 152/38 split, and (where the tool writes it as a file) the fitted model."""
    raw = read_csv(data / "raw.csv")
    assert len(raw) == 200
    assert sum(row["y"] == "" for row in raw) == 10
    train, test = read_csv(data / "train.csv"), read_csv(data / "test.csv")
    assert (len(train), len(test)) == (152, 38)
    if model:
        assert set(json.loads((data / "model.json").read_text())) == {"slope", "intercept"}


def shown(path: Path) -> str:
    """How messages name a file: relative to the repository when it is in it."""
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def tool_of(module_path: Path) -> str:
    return module_path.stem.removeprefix("test_")


def example_files(tool: str) -> list[Path]:
    """Every example a tool's `test_example` runs: its .py files but the lecture's own code."""
    folder = EXAMPLES / tool
    if not folder.is_dir():
        raise pytest.UsageError(f"{folder} does not exist: is test_{tool}.py named after its tool?")
    return sorted(
        p for p in folder.rglob("*") if p.suffix in EXAMPLE_SUFFIXES and p.name != LECTURE
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "example" in metafunc.fixturenames:
        files = example_files(tool_of(Path(metafunc.module.__file__)))
        metafunc.parametrize("example", files, ids=[shown(f) for f in files])


@pytest.fixture(scope="session", autouse=True)
def offline(tmp_path_factory: pytest.TempPathFactory):
    """Prove the guard is active here and in subprocesses, then fail if anything phoned home."""
    if "field_guide_offline" not in sys.modules:
        pytest.exit(
            "the offline guard is not installed in this venv: run the examples through "
            "`nox -s examples-<tool>`, which installs it",
            returncode=2,
        )
    log = tmp_path_factory.mktemp("network") / "refused.log"
    os.environ["FIELD_GUIDE_NETWORK_LOG"] = str(log)
    child = subprocess.run(
        [sys.executable, "-c", "import socket; print(socket.socket.connect.field_guide_guard)"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert child.stdout.strip() == "True", f"offline guard not active in subprocesses: {child}"
    yield
    refused = log.read_text() if log.exists() else ""
    assert not refused, f"examples tried to reach the network:\n{refused}"


@pytest.fixture(scope="session", autouse=True)
def home(tmp_path_factory: pytest.TempPathFactory):
    """HOME is a temp dir: no tool reads or writes the user's own state (~/.dagster, ~/.flyte...)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HOME", str(tmp_path_factory.mktemp("home")))
        yield


def shared_folder(tmp_path_factory: pytest.TempPathFactory, worker_id: str, name: str) -> Path:
    """A folder every pytest worker of this session sees (each has its own temp dir below it)."""
    base = tmp_path_factory.getbasetemp()
    folder = (base if worker_id == "master" else base.parent) / name
    folder.mkdir(exist_ok=True)
    return folder


@contextlib.contextmanager
def locked(path: Path):
    """Hold an exclusive lock on `path` (created if missing): one worker at a time."""
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def made_once_per_environment(
    name: str,
    make: Callable[[Path], Path],
    tmp_path_factory: pytest.TempPathFactory,
    worker_id: str,
) -> Path:
    """A file kept in this session's venv as `name`: `make(empty_dir)` makes it the first time,
    while the other workers wait. Name it after the release it is made with, so that a lock that
    changes the release makes a new one."""
    kept = Path(sys.prefix) / name
    with locked(shared_folder(tmp_path_factory, worker_id, "made-once") / f"{name}.lock"):
        if not kept.exists():
            made = make(tmp_path_factory.mktemp(Path(name).stem))
            shutil.copyfile(made, kept.with_suffix(".partial"))
            os.replace(kept.with_suffix(".partial"), kept)  # another session never sees half
    return kept


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each example runs in its own empty directory: the files it writes land there."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def format_excluded(path: Path) -> bool:
    """True for files pyproject.toml keeps out of `ruff format` (the lecture's code)."""
    return any(fnmatch.fnmatch(shown(path), pattern) for pattern in FORMAT_EXCLUDED)


@functools.cache
def ruff() -> str:
    """ruff's own executable: started directly, not through a Python interpreter, for every example."""
    from ruff import find_ruff_bin

    return find_ruff_bin()


def formatted(source: str) -> str:
    """`source` as `ruff format` writes it, with the `#>` output comments it would mangle kept."""
    protected = OUTPUT_COMMENT.sub(r"\1 > ", source)
    result = subprocess.run(
        [ruff(), "format", "-"],
        input=protected,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    return re.sub(r"^( *#) > ", r"\1> ", result, flags=re.M)


def format_problems(path: Path, source: str) -> str:
    """A diff of what `ruff format` would change in an example, or "" if nothing."""
    if format_excluded(path):
        return ""
    after = formatted(source)
    return "".join(difflib.unified_diff(source.splitlines(True), after.splitlines(True)))


def pytest_sessionfinish(session: pytest.Session) -> None:
    """After `--update-examples` has written new `#>` output, leave this session's examples formatted."""
    if not session.config.getoption("update_examples", default=False):
        return
    tools = {tool_of(Path(item.fspath)) for item in session.items} & {p.name for p in EXAMPLES.iterdir()}  # fmt: skip
    for path in sorted(p for tool in tools for p in (EXAMPLES / tool).rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if not format_excluded(path) and formatted(source) != source:
            path.write_text(formatted(source), encoding="utf-8")


@pytest.fixture
def check_example(eval_example: EvalExample, workdir: Path):
    """Format-check, run and print-check one example file; return its module globals."""

    def check(path: Path, **run_kwargs):
        __tracebackhide__ = True
        source = path.read_text(encoding="utf-8")
        example = CodeExample.create(source, path=path)
        example.group = uuid.uuid4()  # pytest-examples needs a group to write updates back
        where = shown(path)
        updating = eval_example.update_examples
        if not updating and (diff := format_problems(path, source)):
            pytest.fail(f"{where} is not formatted (run `ruff format {where}`):\n{diff}", False)
        try:
            if updating:
                return eval_example.run_print_update(example, **run_kwargs)
            return eval_example.run_print_check(example, **run_kwargs)
        except pytest.fail.Exception:
            raise  # a print mismatch already names the file and shows the diff
        except Exception as exc:
            failure = describe_failure(exc, path)
        # Outside the except block: pytest cannot render pytest-examples' synthetic frames.
        pytest.fail(failure, pytrace=False)

    return check


def _record_print(self: run_code.MockPrintFunction, *args, sep: str = " ", **kwargs) -> None:
    """pytest-examples' `print` stand-in, finding its caller with one frame lookup.

    The original calls `inspect.stack()` on every print, which reads the source of every frame on
    the stack: about 10 ms a print here. KFP's local runner echoes each task's output through
    `print`, so one run of the Kubeflow pipeline spent 4 s of CPU in it. What it records is the
    same: the prints made from the example's own file, at their lines.
    """
    frame = sys._getframe(run_code.parent_frame_id)  # the frame inspect.stack() would pick
    caller = inspect.FrameInfo(
        frame, frame.f_code.co_filename, frame.f_lineno, frame.f_code.co_name, None, None
    )
    if self._include_file(caller, args):
        line = self._find_line_number(caller)
        self.statements.append(run_code.PrintStatement(line, sep, [run_code.Arg(a) for a in args]))


PYTEST_EXAMPLES_RECORD_PRINT = run_code.MockPrintFunction.__call__
"""pytest-examples' own, which `_record_print` replaces: tests/examples/test_harness.py compares them."""
run_code.MockPrintFunction.__call__ = _record_print


def describe_failure(exc: BaseException, path: Path) -> str:
    """`examples/x/y.py:12: KeyError: 'k'`: the example's own line and the tool's own error."""
    where = shown(path)
    tb, line = exc.__traceback__, None
    while tb is not None:
        if Path(tb.tb_frame.f_code.co_filename).name == path.name:
            line = tb.tb_lineno
        tb = tb.tb_next
    location = f"{where}:{line}" if line else where
    return f"{location}: {type(exc).__module__}.{type(exc).__qualname__}: {exc}".replace(
        "builtins.", ""
    )


# The lecture's code, run as written


@dataclass(frozen=True)
class Step:
    """One command of a transcript, as a reader would type it."""

    shown: str
    """The command as the page prints it, after `$ `."""
    argv: Sequence[str]
    keep: Callable[[str], bool] | None = None
    """Which output lines the page shows, when the tool prints pages of debug log."""


_TIMESTAMPS = [
    (re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z"), "<time>"),
    (re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}"), "<time>"),
    (re.compile(r"\b\d\d:\d\d:\d\d\.\d{3}\b"), "<time>"),
    (re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b"), "<id>"),
    (re.compile(r"127\.0\.0\.1:\d+"), "127.0.0.1:<port>"),
    (re.compile(r"\(pid: \d+\)|pid \d+"), "<pid>"),
]


def normalize(output: str, cwd: Path, extra: Sequence[tuple[str, str]] = ()) -> str:
    """Output as it reads on any machine: no temp paths, times, ids, ports or tool internals."""
    output = output.replace(f"{cwd}/", "").replace(str(cwd), ".")
    site = re.escape(str(Path(sys.executable).parent.parent)) + r"/lib/python[\d.]+/site-packages/"
    output = re.sub(site, "", output)
    for pattern, replacement in _TIMESTAMPS:
        output = pattern.sub(replacement, output)
    for pattern, replacement in extra:
        output = re.sub(pattern, replacement, output)
    lines, in_traceback = [], False
    for line in output.splitlines():
        # A traceback keeps the lecture's own frames and the error; the tool's frames are elided.
        if line.startswith("Traceback (most recent call last):"):
            in_traceback, frame = True, False
            lines.append(line)
            continue
        if in_traceback and line.startswith("  "):
            if line.startswith("  File "):
                frame = line.startswith(f'  File "{LECTURE}"')
                if not frame and lines[-1] != "  ...":
                    lines.append("  ...")
            if frame:
                lines.append(line)
            continue
        in_traceback = False
        lines.append(line.rstrip())
    return "\n".join(lines)


@pytest.fixture
def lecture_transcript(request: pytest.FixtureRequest, tmp_path: Path):
    """Run the lecture's code as written, step by step, and check (or update) its transcript."""

    def run(
        tool: str,
        steps: Sequence[Step],
        env: dict[str, str] | None = None,
        extra: Sequence[tuple[str, str]] = (),
    ) -> str:
        __tracebackhide__ = True
        source = EXAMPLES / tool / LECTURE
        (tmp_path / LECTURE).write_bytes(source.read_bytes())
        env = {**os.environ, **(env or {})}
        env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
        parts = []
        for step in steps:
            done = subprocess.run(
                list(step.argv),
                cwd=tmp_path,
                env=env,
                capture_output=True,
                text=True,
                stdin=subprocess.DEVNULL,
                timeout=300,
                check=False,
            )
            output = normalize(done.stdout + done.stderr, tmp_path, extra).splitlines()
            if step.keep:
                output = [line for line in output if step.keep(line)]
            parts += [f"$ {step.shown}", *output, f"[exit status {done.returncode}]"]
        transcript = "\n".join(parts) + "\n"
        recorded = EXAMPLES / tool / "lecture.output.txt"
        if request.config.getoption("update_examples"):
            recorded.write_text(transcript, encoding="utf-8")
        elif not recorded.exists() or recorded.read_text(encoding="utf-8") != transcript:
            was = recorded.read_text(encoding="utf-8") if recorded.exists() else ""
            diff = "".join(
                difflib.unified_diff(
                    was.splitlines(True),
                    transcript.splitlines(True),
                    shown(recorded),
                    "today's run",
                )
            )
            pytest.fail(
                f"{shown(recorded)} is not what the lecture's code does today (run with --update-examples to record it):\n{diff}",
                pytrace=False,
            )
        return transcript

    return run
