"""`nox -s bench`: what each orchestrator costs on this machine, and what this site costs.

`python -m fieldguide.bench [--tools airflow prefect] [--site] [--sessions]`, run by the bench
session after it has synced every tool's environment. Each figure is measured in fresh processes,
in the tool's own locked environment, several times, the runs interleaved across tools so that
the machine's noise hits them alike; the results go to docs/data/measured.json (see
fieldguide.measured), which the Measured page renders.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy
import psutil

from .facts import ROOT, Site, ToolFacts, load_site
from .measured import (
    MEASURED_FILE,
    STOP_SECONDS,
    Point,
    Provenance,
    Series,
    Spread,
    ToolResult,
    tools_provenance,
)
from .model import Bench

SCALING_TASKS = (1, 10, 50, 200)
SHAPES = ("chain", "fan-out")


def progress(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss_mb: float
    returncode: int
    output: str


def run(argv: list[str], *, env: dict[str, str], cwd: Path, timeout: float = 900) -> Run:
    """Run a command to completion; its wall time and the peak memory of it and its children."""
    start = time.perf_counter()
    proc = psutil.Popen(argv, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    chunks: list[bytes] = []
    reader = threading.Thread(target=lambda: chunks.append(proc.stdout.read()), daemon=True)
    reader.start()
    peak = 0
    while proc.poll() is None:
        try:
            family = [proc, *proc.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in family if p.is_running()))
        except psutil.Error:
            pass  # a child exited between listing and reading: the next sample sees the rest
        if time.perf_counter() - start > timeout:
            proc.kill()
        time.sleep(0.02)
    seconds = time.perf_counter() - start
    reader.join()
    return Run(seconds, peak / 2**20, proc.returncode, b"".join(chunks).decode(errors="replace"))


def spread(values: list[float]) -> Spread:
    return Spread(
        median=float(numpy.median(values)), min=min(values), max=max(values), runs=len(values)
    )


class Tool:
    """One tool as the benchmark drives it: its venv, its files, its state."""

    def __init__(self, facts: ToolFacts, root: Path, scratch: Path, log: Path):
        # A tool without a `bench` entry is measured all the same, with no import to time and no
        # state to set: a newly added tool appears on the Measured page by itself.
        self.facts, self.slug, self.bench = facts, facts.tool.slug, facts.tool.bench or Bench()
        self.root, self.scratch, self.log = root, scratch / facts.tool.slug, log
        self.venv = root / ".nox" / f"examples-{self.slug}"
        self.python = self.venv / "bin" / "python"
        if not self.python.exists():
            raise SystemExit(
                f"{self.venv} is missing: run nox -s bench (it syncs every tool first)"
            )
        self.examples = root / "examples" / self.slug

    @property
    def runs_locally(self) -> bool:
        return not self.bench.check

    def command(self, argv: list[str], work: Path) -> list[str]:
        """Resolve a command from the data: python and the tool's scripts come from its venv."""
        first, *rest = (a.replace("{work}", str(work)) for a in argv)
        for folder in (self.venv / "bin", self.root / "node_modules" / ".bin"):
            if (folder / first).exists():
                first = str(folder / first)
                break
        return [first, *rest]

    @contextmanager
    def workspace(
        self, fresh: bool, name: str, files: tuple[str, ...] | None = None
    ) -> Iterator[tuple[Path, dict[str, str]]]:
        """A working directory holding only `files` of the tool's examples (as the tests run each
        example alone: Airflow, say, parses every DAG file in its folder), and the environment of
        its state. `files=None`: every file at the top of the tool's examples folder."""
        base = self.scratch / name
        if fresh and base.exists():
            shutil.rmtree(base)
        work, state = base / "work", base / "state"
        if not work.exists():
            work.mkdir(parents=True)
            for source in self.examples.iterdir():
                if source.is_file() and (files is None or source.name in files):
                    shutil.copy(source, work / source.name)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
        env.update(
            PATH=f"{self.venv / 'bin'}{os.pathsep}{env['PATH']}",
            FIELD_GUIDE_NETWORK_LOG=str(self.log),
        )
        for name_ in self.bench.state:
            (state / name_.lower()).mkdir(parents=True, exist_ok=True)
            env[name_] = str(state / name_.lower())
        env.update({k: v.replace("{work}", str(work)) for k, v in self.bench.env.items()})
        yield work, env

    def footprint(self) -> tuple[float, int]:
        size = sum(f.stat().st_size for f in self.venv.rglob("*") if f.is_file())
        (site_packages,) = self.venv.glob("lib/python3*/site-packages")
        return size / 2**20, len(list(site_packages.glob("*.dist-info")))


def measure_imports(tools: list[Tool], rounds: int) -> dict[str, Spread]:
    """The authoring import in a fresh process, minus a fresh `python -c pass`, interleaved."""
    tools = [t for t in tools if t.bench.imports]
    times: dict[str, list[float]] = {t.slug: [] for t in tools}
    for r in range(rounds):
        progress(f"imports, round {r + 1} of {rounds}")
        for tool in tools:
            with tool.workspace(False, "imports", ()) as (work, env):
                empty = run([str(tool.python), "-c", "pass"], env=env, cwd=work).seconds
                done = run([str(tool.python), "-c", tool.bench.imports], env=env, cwd=work)
                if done.returncode:
                    raise SystemExit(
                        f"{tool.slug}: `{tool.bench.imports}` failed:\n{done.output[-2000:]}"
                    )
                times[tool.slug].append(max(done.seconds - empty, 0.0))
    return {slug: spread(values) for slug, values in times.items()}


def measure_pipelines(tools: list[Tool], rounds: int) -> dict[str, dict[str, Spread]]:
    """The guide's pipeline from a fresh process: cold (empty state) and warm (the same again)."""
    found: dict[str, dict[str, list[float]]] = {
        t.slug: {"cold": [], "setup": [], "warm": [], "rss": []} for t in tools
    }
    for r in range(rounds):
        progress(f"the guide's pipeline, cold and warm, round {r + 1} of {rounds}")
        for tool in tools:
            progress(f"{tool.slug}: the guide's pipeline, cold then warm")
            with tool.workspace(True, "pipeline", ("pipeline.py",)) as (work, env):
                setup, cold = cold_run(tool, work, env)
                warm = run([str(tool.python), "pipeline.py"], env=env, cwd=work)
                _check(tool, warm, "warm run")
            figures = found[tool.slug]
            figures["cold"].append(setup + cold)
            figures["setup"].append(setup)
            figures["warm"].append(warm.seconds)
            figures["rss"].append(warm.peak_rss_mb)
    return {
        slug: {k: spread(v) for k, v in figures.items() if v and any(v)}
        for slug, figures in found.items()
    }


def cold_run(tool: Tool, work: Path, env: dict[str, str]) -> tuple[float, float]:
    """In a fresh workspace: the tool's set-up, if it has one, then the guide's pipeline, with
    empty state; the seconds of each."""
    setup = 0.0
    if tool.bench.setup:
        prepared = run(tool.command(tool.bench.setup, work), env=env, cwd=work)
        _check(tool, prepared, "set-up")
        setup = prepared.seconds
    cold = run([str(tool.python), "pipeline.py"], env=env, cwd=work)
    _check(tool, cold, "cold run")
    return setup, cold.seconds


def _check(tool: Tool, done: Run, what: str) -> None:
    if done.returncode:
        raise SystemExit(
            f"{tool.slug}: the {what} failed (exit {done.returncode}):\n{done.output[-3000:]}"
        )


def measure_scaling(
    tools: list[Tool], rounds: int, sizes: tuple[int, ...] = SCALING_TASKS
) -> dict[str, list[Series]]:
    """Chains and fan-outs of 1 to 200 trivial tasks, warm; a straight line fitted per series."""
    series = {
        (t.slug, shape): []
        for t in tools
        if (t.examples / "scaling.py").exists()
        for shape in SHAPES
    }
    stopped: dict[tuple[str, str], str] = {}
    by_slug = {t.slug: t for t in tools}
    for tool in tools:  # one set-up per tool: the series measure tasks, not migrations
        if (tool.examples / "scaling.py").exists() and tool.bench.setup:
            with tool.workspace(True, "scaling", ("scaling.py",)) as (work, env):
                _check(tool, run(tool.command(tool.bench.setup, work), env=env, cwd=work), "set-up")
    for n in sizes:
        for r in range(rounds):
            for slug, shape in series:
                if (slug, shape) in stopped:
                    continue
                progress(f"{slug}: {shape} of {n}, run {r + 1} of {rounds}")
                tool = by_slug[slug]
                with tool.workspace(False, "scaling", ("scaling.py",)) as (work, env):
                    done = run(
                        [str(tool.python), "scaling.py", shape, str(n)],
                        env=env,
                        cwd=work,
                        timeout=STOP_SECONDS * 3,
                    )
                _check(tool, done, f"{shape} of {n}")
                expected = f"{shape} of {n}: {n if shape == 'chain' else n * (n + 1) // 2}"
                if expected not in done.output:  # a fast wrong answer is not a measurement
                    raise SystemExit(f"{slug}: `scaling.py {shape} {n}` did not print `{expected}`:\n{done.output[-2000:]}")  # fmt: skip
                series[(slug, shape)].append((n, done.seconds))
                if done.seconds > STOP_SECONDS:
                    stopped[(slug, shape)] = (
                        f"stopped after {n} tasks: one run took {done.seconds:.0f} s, over the {STOP_SECONDS} s limit"
                    )
    results: dict[str, list[Series]] = {}
    for (slug, shape), runs in series.items():
        results.setdefault(slug, []).append(fit(shape, runs, stopped.get((slug, shape))))
    return results


def fit(shape: str, runs: list[tuple[int, float]], stopped: str | None) -> Series:
    """time = intercept + slope * tasks, fitted to every run, with the slope's standard error."""
    points = [
        Point(tasks=n, seconds=spread([s for m, s in runs if m == n]))
        for n in sorted({n for n, _ in runs})
    ]
    tasks = numpy.array([n for n, _ in runs], dtype=float)
    seconds = numpy.array([s for _, s in runs])
    if len(points) < 2 or len(runs) < 4:
        return Series(shape=shape, points=points, stopped=stopped)
    (slope, intercept), covariance = numpy.polyfit(tasks, seconds, 1, cov=True)
    return Series(
        shape=shape,
        points=points,
        intercept_s=float(intercept),
        per_task_ms=float(slope * 1000),
        per_task_error_ms=float(numpy.sqrt(covariance[0, 0]) * 1000),
        stopped=stopped,
    )


def measure_checks(tools: list[Tool], rounds: int) -> dict[str, Spread]:
    """For tools that need a cluster: building and checking their files, which is what runs here."""
    times: dict[str, list[float]] = {t.slug: [] for t in tools}
    for r in range(rounds):
        progress(f"building and checking manifests, round {r + 1} of {rounds}")
        for tool in tools:
            times[tool.slug].append(check_once(tool))
    return {slug: spread(values) for slug, values in times.items()}


def check_once(tool: Tool) -> float:
    """A tool that needs a cluster building and checking its files once, in a fresh workspace."""
    with tool.workspace(True, "check") as (work, env):
        done = run(tool.command(tool.bench.check, work), env=env, cwd=work)
    _check(tool, done, "check")
    return done.seconds


def bare_once(tool: Tool) -> float:
    """The tool starting and running the guide's pipeline once from empty state, its set-up
    included (one of `cold_s`), or checking its files (one of `check_s`): what an examples
    session's one run is set against."""
    if not tool.runs_locally:
        return check_once(tool)
    with tool.workspace(True, "bare", ("pipeline.py",)) as (work, env):
        return sum(cold_run(tool, work, env))


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())[1]) / 2**20
    release = Path("/etc/os-release")
    pretty = re.search(r'PRETTY_NAME="([^"]+)"', release.read_text()) if release.exists() else None
    return {
        "cpu": cpu,
        "cores": os.cpu_count() or 1,
        "memory_gb": round(memory, 1),
        "os": pretty[1] if pretty else platform.platform(),
        "python": platform.python_version(),
        "bytecode": "compiled in every environment (uv sync --compile-bytecode)",
    }


def measure_tools(
    site: Site,
    slugs: list[str] | None,
    rounds: dict[str, int],
    scratch: Path,
    sizes: tuple[int, ...] = SCALING_TASKS,
) -> dict[str, ToolResult]:
    log = scratch / "network.log"
    chosen = [f for f in site.ordered() if not slugs or f.tool.slug in slugs]
    tools = [Tool(f, site.root, scratch, log) for f in chosen]
    local = [t for t in tools if t.runs_locally]
    imports = measure_imports(tools, rounds["import"])
    pipelines = measure_pipelines(local, rounds["pipeline"])
    checks = measure_checks([t for t in tools if not t.runs_locally], rounds["pipeline"])
    scaling = measure_scaling(local, rounds["scaling"], sizes)
    if log.exists() and log.read_text().strip():
        raise SystemExit(
            f"something tried to reach the network during the benchmark:\n{log.read_text()}"
        )
    results = {}
    for tool in tools:
        mb, distributions = tool.footprint()
        figures = pipelines.get(tool.slug, {})
        results[tool.slug] = ToolResult(
            checked_with=tool.facts.checked_with(),
            import_s=imports.get(tool.slug),
            cold_s=figures.get("cold"),
            setup_s=figures.get("setup"),
            warm_s=figures.get("warm"),
            peak_rss_mb=figures.get("rss"),
            scaling=scaling.get(tool.slug, []),
            check_s=checks.get(tool.slug),
            footprint_mb=round(mb, 1),
            distributions=distributions,
        )
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m fieldguide.bench", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--tools", nargs="*", help="only these tools (default: every tool with a bench entry)"
    )
    parser.add_argument(
        "--rounds", type=int, default=5, help="runs of each pipeline figure (imports get two more)"
    )
    parser.add_argument("--scaling-rounds", type=int, default=3)
    parser.add_argument(
        "--tasks",
        type=int,
        nargs="+",
        default=list(SCALING_TASKS),
        help="pipeline sizes of the scaling series (default: %(default)s)",
    )
    parser.add_argument(
        "--site",
        action="store_true",
        help="also measure what this site costs (fieldguide.bench_site)",
    )
    parser.add_argument(
        "--sessions",
        action="store_true",
        help="also time the default run's sessions, fresh and again (long: every session, each round)",
    )
    parser.add_argument(
        "--session-rounds", type=int, default=3, help="rounds of the default run for --sessions"
    )
    parser.add_argument(
        "--no-tools",
        action="store_true",
        help="skip the tools (to measure only --site or --sessions)",
    )
    parser.add_argument("--command", default="nox -s bench", help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, default=ROOT / MEASURED_FILE)
    args = parser.parse_args(argv)
    site = load_site(ROOT, measured=False)
    rounds = {"import": args.rounds + 2, "pipeline": args.rounds, "scaling": args.scaling_rounds}
    previous = json.loads(args.output.read_text()) if args.output.exists() else {}
    now = {"date": datetime.date.today().isoformat(), "command": args.command, "machine": machine()}
    tools_measured = tools_provenance(previous, now, measuring=None if args.no_tools else args.tools or [])  # fmt: skip
    tools = {}
    if not args.no_tools:
        with tempfile.TemporaryDirectory(prefix="field-guide-bench-") as scratch:
            tools = measure_tools(site, args.tools, rounds, Path(scratch), tuple(args.tasks))
    results = {
        **tools_measured,
        "floor": next(t.slug for t in site.data.tools if t.baseline),
        "tools": {
            **previous.get("tools", {}),
            **{k: v.model_dump(exclude_none=True) for k, v in tools.items()},
        },
        "site": previous.get("site"),
        "sessions": previous.get("sessions"),
        "notes": previous.get("notes", []),
    }
    if args.site:
        from .bench_site import measure_site  # only this part needs a browser and the docs build

        results["site"] = measure_site(ROOT, rounds=args.rounds, measured=Provenance(**now)).model_dump(mode="json", exclude_none=True)  # fmt: skip
    if args.sessions:
        from .bench_site import measure_sessions

        one_run = {f.tool.slug: (f.tool.bench or Bench()).session_selection(f.tool.slug) for f in site.ordered()}  # fmt: skip
        with tempfile.TemporaryDirectory(prefix="field-guide-bench-") as scratch:
            log = Path(scratch) / "network.log"
            by_slug = {f.tool.slug: Tool(f, site.root, Path(scratch), log) for f in site.ordered()}
            sessions = measure_sessions(ROOT, rounds=args.session_rounds, measured=Provenance(**now), one_run=one_run,
                                        bare=lambda slug: bare_once(by_slug[slug]))  # fmt: skip
            if log.exists() and log.read_text().strip():
                raise SystemExit(f"something tried to reach the network during the benchmark:\n{log.read_text()}")  # fmt: skip
        results["sessions"] = sessions.model_dump(mode="json", exclude_none=True)
    args.output.write_text(
        json.dumps({k: v for k, v in results.items() if v is not None}, indent=1) + "\n"
    )
    progress(
        f"wrote {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
