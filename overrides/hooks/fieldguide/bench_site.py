"""`nox -s bench -- --site`: what this site costs to build, to preview, to load, and to test.

- The strict build of this site, rebuilt and as a fresh clone builds it, against a bare Material
  build of the same Markdown (no fieldguide, no mkdocstrings, no hooks) and against Material on
  the same content: CPU time of each, interleaved.
- Live reload: from saving a page to its new text being served, by `mkdocs serve` as `nox -s docs`
  runs it, and by the bare build's `mkdocs serve`.
- Page weight: what a first visit to each main page downloads, compressed as GitHub Pages serves
  it, and the most a first search downloads on top (the index is in parts, downloaded once the
  reader searches: `fieldguide.search`); Lighthouse's scores for
  mobile and desktop.
- The default test run, session by session, from fresh environments and again; each examples
  session again running only its tool's one pipeline run, and from a fresh environment without
  its concept cells (`--sessions`, measured on its own: it runs every default session several
  times).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import random
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

from .bench import progress, spread
from .measured import PageCost, Provenance, Sessions, SiteCosts
from .scratch import bare_config, copy_sources
from .search import most_a_search_downloads

PAGES = {
    "home": "index.html",
    "comparison": "comparison/index.html",
    "tool page (Airflow)": "tools/airflow/index.html",
    "how to choose": "choose/index.html",
    "measured": "measured/index.html",
}
LIGHTHOUSE = "lighthouse@12.8.2"  # the newest that runs on Node 20
BIN = Path(sys.executable).parent
NOX = [os.environ.get("FIELD_GUIDE_NOX_PYTHON", sys.executable), "-m", "nox"]
"""The nox that started the bench session (the bench environment has none of its own)."""
ONE_RUN_PAIRS = 3
"""Each round times an examples session's one run and its tool's bare run this many times, pair
after pair: both are short, and their ratio is the figure the target is set on."""


def copy_project(root: Path, target: Path, *, bare: bool, expanded: bool = False) -> Path:
    """The project's site sources in `target`; `bare` strips fieldguide, mkdocstrings and hooks.

    `expanded` (with `bare`) first writes each page's generated blocks into its Markdown, so that
    plain Material builds the same content: the build that tells the machinery's cost apart from
    the cost of the content it generates (ten tools' code on every concept page, say).
    """
    copy_sources(root, target)
    if bare and expanded:
        from .facts import load_site
        from .markers import Page, render_markers

        site = load_site(root)
        for page in (target / "docs").rglob("*.md"):
            src = page.relative_to(target / "docs").as_posix()
            page.write_text(render_markers(page.read_text(encoding="utf-8"), Page(src, site)), encoding="utf-8")  # fmt: skip
    if bare:
        config = target / "mkdocs.yml"
        config.write_text(bare_config(config.read_text()))
    return target


def cpu_seconds(argv: list[str], cwd: Path) -> float:
    """The user and system CPU time a command and its children used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(argv, cwd=cwd, env=env, check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure_builds(ours: Path, bare: Path, expanded: Path, rounds: int) -> tuple[list[float], list[float], list[float], list[float]]:  # fmt: skip
    """CPU seconds of each build, interleaved: ours as rebuilt, ours as a fresh clone builds it
    (its `.cache/` removed first), bare Material, and Material on the same content."""
    mine, fresh, theirs, same_content = [], [], [], []
    # Not -q: MkDocs then drops warnings unseen, so the page cache writes nothing (as nox -s build).
    strict = [str(BIN / "mkdocs"), "build", "--strict", "-d", "out"]
    cpu_seconds(strict, ours)  # fills the .cache/ that the rebuilds below find
    for r in range(rounds):
        progress(f"site: strict build and bare Material builds, round {r + 1} of {rounds}")
        mine.append(cpu_seconds(strict, ours))
        shutil.rmtree(ours / ".cache", ignore_errors=True)
        fresh.append(cpu_seconds(strict, ours))
        theirs.append(cpu_seconds([str(BIN / "mkdocs"), "build", "-d", "out"], bare))
        same_content.append(cpu_seconds([str(BIN / "mkdocs"), "build", "-d", "out"], expanded))
    return mine, fresh, theirs, same_content


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def measure_reload(project: Path, argv: list[str], rounds: int, label: str) -> list[float]:
    """Save a page, then poll the preview until the page it serves has the new text."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1:{port}/"}
    serve = subprocess.Popen([*argv, "--dev-addr", f"127.0.0.1:{port}"], cwd=project, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    page, url = project / "docs" / "choose.md", f"http://127.0.0.1:{port}/choose/"
    times = []
    try:
        _wait_for(url, "How to choose", timeout=180)
        for r in range(rounds):
            progress(f"site: live reload ({label}), {r + 1} of {rounds}")
            probe = f"Reload probe {r} {time.time_ns()}"
            # Let the watcher settle after the previous build. MkDocs polls for changes every
            # 0.5 s: a fixed wait would save at the same point of the poll every round, so one
            # run's rounds would all be lucky or all unlucky. A random part spreads them over it.
            time.sleep(1.5 + random.uniform(0, 0.5))
            start = time.perf_counter()
            page.write_text(page.read_text() + f"\n{probe}\n")
            _wait_for(url, probe, timeout=120)
            times.append(time.perf_counter() - start)
    finally:
        serve.terminate()
        serve.wait(timeout=30)
    return times


def _wait_for(url: str, text: str, timeout: float) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode(errors="replace"):
                    return
        except OSError:
            pass
        time.sleep(0.02)
    raise SystemExit(f"{url} did not show {text!r} within {timeout} s")


class _Loads(HTMLParser):
    def __init__(self):
        super().__init__()
        self.files: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if (tag == "link" and a.get("rel") in ("stylesheet", "icon")) or tag in ("script", "img"):
            target = a.get("href") or a.get("src")
            if target and not target.startswith(("http:", "https:", "data:")):
                self.files.append(target)


@functools.cache
def _weight(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=6))


def page_files(site: Path, path: Path) -> set[Path]:
    """The page and every file a first visit to it downloads."""
    parser = _Loads()
    parser.feed(path.read_text(encoding="utf-8"))
    # The theme starts the search worker (the site's, overrides/hooks/partial_search.py) on every
    # page; the index waits until the reader searches (overrides/theme/main.html).
    workers = set((site / "assets" / "javascripts" / "workers").glob("*.js"))
    loaded = {(path.parent / f.split("#")[0].split("?")[0]).resolve() for f in parser.files}
    return {f for f in {path.resolve()} | workers | loaded if f.is_file()}


def page_weights(site: Path) -> dict[str, PageCost]:
    """What a first visit to each of the named pages downloads: the page and every file it loads."""
    index = site / "search" / "search_index.json"
    search_gzip = most_a_search_downloads(site) if index.exists() else 0
    costs = {}
    for name, page in PAGES.items():
        path = site / page
        if not path.exists():
            continue
        files = page_files(site, path)
        raw = sum(_weight(f)[0] for f in files)
        packed = sum(_weight(f)[1] for f in files)
        costs[name] = PageCost(raw_kb=round(raw / 1024, 1), gzip_kb=round(packed / 1024, 1),
                               requests=len(files), search_gzip_kb=round(search_gzip / 1024, 1))  # fmt: skip
    return costs


def every_page_weight(site: Path) -> tuple[dict[str, float], float]:
    """Every published page's first visit, compressed, by its path (`/`, `/tools/airflow/`); and
    what all of them load alike."""
    loads = {
        "/" + "".join(f"{part}/" for part in html.parent.relative_to(site).parts): page_files(site, html)
        for html in sorted(site.rglob("index.html"))
    }  # fmt: skip
    weights = {path: round(sum(_weight(f)[1] for f in files) / 1024, 1) for path, files in loads.items()}  # fmt: skip
    shared = set.intersection(*loads.values()) if loads else set()
    return weights, round(sum(_weight(f)[1] for f in shared) / 1024, 1)


class _Compressed(http.server.SimpleHTTPRequestHandler):
    """Serves files gzip-compressed, as GitHub Pages does, so Lighthouse sees real sizes."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        path = path / "index.html" if path.is_dir() else path
        if not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)

    def log_message(self, *args):
        pass


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def lighthouse_scores(site: Path, npm_prefix: Path, costs: dict[str, PageCost]) -> None:
    """Lighthouse on each page, mobile and desktop, driving Debian's Chromium."""
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    cli = npm_prefix / "node_modules" / ".bin" / "lighthouse"
    if not cli.exists():
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(npm_prefix), LIGHTHOUSE], check=True)  # fmt: skip
    handler = functools.partial(_Compressed, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    flags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"  # fmt: skip
    try:
        for name, page in PAGES.items():
            if name not in costs:
                continue
            url = f"http://127.0.0.1:{server.server_port}/{page.removesuffix('index.html')}"
            for form in ("mobile", "desktop"):
                progress(f"site: Lighthouse, {name}, {form}")
                with tempfile.NamedTemporaryFile(suffix=".json") as report:
                    argv = [str(cli), url, "--quiet", "--output=json", f"--output-path={report.name}",
                            f"--chrome-flags={flags}", "--only-categories=performance,accessibility,best-practices,seo"]  # fmt: skip
                    if form == "desktop":
                        argv.append("--preset=desktop")
                    subprocess.run(argv, env={**os.environ, "CHROME_PATH": chromium}, check=True, capture_output=True, timeout=300)  # fmt: skip
                    categories = json.loads(Path(report.name).read_text())["categories"]
                costs[name].lighthouse[form] = {k: round((v["score"] or 0) * 100) for k, v in categories.items()}  # fmt: skip
    finally:
        server.shutdown()


def default_sessions(root: Path) -> list[str]:
    """The sessions `python3 noxfile.py` runs with no arguments, in its order."""
    listed = subprocess.run([*NOX, "--list", "--json"], cwd=root, check=True, capture_output=True, text=True)  # fmt: skip
    return [s["session"] for s in json.loads(listed.stdout)]


WITHOUT_CONCEPT_CELLS = "not concepts"
"""The pytest `-k` expression that leaves out an examples session's concept cells."""


def measure_sessions(root: Path, rounds: int, measured: Provenance, one_run: dict[str, str],
                     bare: Callable[[str], float], pairs: int = ONE_RUN_PAIRS) -> Sessions:  # fmt: skip
    """The default run, session by session: from fresh environments (each session's venv removed,
    packages from uv's cache: no downloads), then again with the environments kept; then each
    examples session again running only its tool's one pipeline run, on one pytest worker
    (`one_run`: the `-k` expression of each tool, by slug), each time followed by its tool doing
    the same bare (`bare`: seconds, by slug), `pairs` times a round; and each examples session
    without its concept cells, from a fresh environment and again. Interleaved: each round times
    every one of these."""
    names = default_sessions(root)
    examples = [n for n in names if n.startswith("examples-")]

    def one_run_only(name: str) -> list[str]:
        # One pytest worker, as a contributor runs one example: a second would only start up.
        return ["-n", "0", "-k", one_run[name.removeprefix("examples-")]]

    plan = [  # what is timed, which sessions, from a fresh environment or not, pytest's arguments
        ("cold", names, True, lambda name: []),
        ("warm", names, False, lambda name: []),
        *[("one_run", examples, False, one_run_only)] * pairs,
        ("cold_without_concept_cells", examples, True, lambda name: ["-k", WITHOUT_CONCEPT_CELLS]),
        ("warm_without_concept_cells", examples, False, lambda name: ["-k", WITHOUT_CONCEPT_CELLS]),
    ]
    times: dict[str, dict[str, list[float]]] = {kind: {n: [] for n in these} for kind, these, _, _ in plan}  # fmt: skip
    times |= {"bare_run": {n: [] for n in examples}, "one_run_ratio": {n: [] for n in examples}}
    for r in range(rounds):
        for kind, these, fresh, arguments in plan:
            for name in these:
                if fresh:
                    shutil.rmtree(root / ".nox" / name, ignore_errors=True)
                args = arguments(name)
                progress(f"sessions: {' '.join([name, *args])}, {'fresh environment' if fresh else 'again'}, round {r + 1} of {rounds}")  # fmt: skip
                start = time.perf_counter()
                done = subprocess.run([*NOX, "-s", name, *(["--", *args] if args else [])], cwd=root, capture_output=True, text=True)  # fmt: skip
                if done.returncode:
                    raise SystemExit(f"nox -s {name} failed while being timed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")  # fmt: skip
                seconds = time.perf_counter() - start
                times[kind][name].append(seconds)
                if kind == "one_run":  # its pair: the tool alone, right after, on the same machine
                    alone = bare(name.removeprefix("examples-"))
                    times["bare_run"][name].append(alone)
                    times["one_run_ratio"][name].append(seconds / alone)
    spreads = {kind: {n: spread(v) for n, v in by_name.items()} for kind, by_name in times.items()}
    files = {n: c for n, c in count_examples(root).items() if n in names}
    cells = {n: c for n, c in count_concept_cells(root).items() if n in names}
    return Sessions(measured=measured, **spreads, examples=files, concept_cells=cells)


def count_examples(root: Path) -> dict[str, int]:
    """Example files per examples session."""
    return {
        f"examples-{folder.name}": sum(1 for f in folder.rglob("*") if f.suffix in (".py", ".yaml"))
        for folder in sorted((root / "examples").iterdir())
        if folder.is_dir()
    }


def count_concept_cells(root: Path) -> dict[str, int]:
    """Concept cells per examples session: a cell is a name under `examples/<tool>/concepts/`,
    whether a script alone or a script and its YAML (Tekton's)."""
    cells = {}
    for folder in sorted((root / "examples").glob("*/concepts")):
        names = {f.stem for f in folder.iterdir() if f.suffix in (".py", ".yaml")}
        cells[f"examples-{folder.parent.name}"] = len(names)
    return cells


def measure_site(root: Path, *, rounds: int, measured: Provenance) -> SiteCosts:
    with tempfile.TemporaryDirectory(prefix="field-guide-site-") as scratch:
        scratch = Path(scratch)
        ours = copy_project(root, scratch / "ours", bare=False)
        bare = copy_project(root, scratch / "bare", bare=True)
        expanded = copy_project(root, scratch / "expanded", bare=True, expanded=True)
        mine, fresh, theirs, same_content = measure_builds(ours, bare, expanded, rounds)
        reload = measure_reload(ours, [str(BIN / "mkdocs"), "serve", "--dirty", "--no-strict", "--livereload"], rounds, "this site, as nox -s docs")  # fmt: skip
        bare_reload = measure_reload(bare, [str(BIN / "mkdocs"), "serve", "--livereload"], rounds, "bare Material")  # fmt: skip
        subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "-q", "-d", "published"], cwd=ours, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})  # fmt: skip
        subprocess.run([str(BIN / "python"), "-m", "fieldguide.publish", "published"], cwd=ours, check=True, capture_output=True)  # fmt: skip
        costs = page_weights(ours / "published")
        every_page, shared = every_page_weight(ours / "published")
        lighthouse_scores(ours / "published", root / ".nox" / "bench-npm", costs)
    return SiteCosts(measured=measured, build_cpu_s=spread(mine), fresh_build_cpu_s=spread(fresh), bare_build_cpu_s=spread(theirs), expanded_build_cpu_s=spread(same_content),
                     reload_s=spread(reload), bare_reload_s=spread(bare_reload), pages=costs,
                     every_page_gzip_kb=every_page, shared_gzip_kb=shared)  # fmt: skip
