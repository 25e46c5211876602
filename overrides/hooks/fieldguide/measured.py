"""What `nox -s bench` measured: the schema of `docs/data/measured.json`, and its renderers.

The Measured page, each tool page's row, and the contributing page's "what this site costs" are
rendered from this one file, which the benchmark writes and nobody edits. A figure is a
[`Spread`][fieldguide.measured.Spread] of several runs (median, minimum, maximum), and every
figure a tool has is also shown as a ratio to the same figure for the floor, plain Python.
"""

from __future__ import annotations

import datetime
import itertools
import json
import math
from collections.abc import Collection
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, ValidationError

from .datafile import DataError, Problem
from .model import OneLine, Slug, Strict

MEASURED_FILE = "docs/data/measured.json"
"""Where the benchmark writes its results, relative to the repository root."""
STOP_SECONDS = 120
"""A scaling series stops once one of its runs takes longer than this."""
Seconds = Annotated[float, Field(ge=0)]


class Spread(Strict):
    """One figure over several runs."""

    median: Seconds
    min: Seconds
    max: Seconds
    runs: Annotated[int, Field(ge=1)]


class Machine(Strict):
    """Where the figures were measured."""

    cpu: OneLine
    cores: Annotated[int, Field(ge=1)]
    memory_gb: Annotated[float, Field(gt=0)]
    os: OneLine
    python: OneLine
    bytecode: OneLine
    """Whether the environments had compiled bytecode (they do: uv syncs with it)."""


class Provenance(Strict):
    """When, by which command and where one part of the results was measured.

    The benchmark measures the tools, the site and the default run separately (`--no-tools`,
    `--site`, `--sessions`): each part keeps its own, so a later run of one part never dates or
    places figures it did not measure.
    """

    date: datetime.date
    command: OneLine
    machine: Machine


class Point(Strict):
    """One size of a scaling series: how long a pipeline of `tasks` trivial tasks took."""

    tasks: Annotated[int, Field(ge=1)]
    seconds: Spread


class Series(Strict):
    """How a pipeline of n trivial tasks costs as n grows, and the straight line fitted to it."""

    shape: Literal["chain", "fan-out"]
    points: list[Point]
    intercept_s: float | None = None
    per_task_ms: float | None = None
    per_task_error_ms: float | None = None
    """The standard error of the fitted slope."""
    stopped: OneLine | None = None
    """Why the series ends before 200 tasks, if it does."""


class ToolResult(Strict):
    """One tool's figures. The Measured page shows what a tool has, and says what it lacks."""

    checked_with: OneLine
    """The package and release measured, from the lock at the time."""
    import_s: Spread | None = None
    """The authoring import in a fresh process, minus a fresh process that imports nothing."""
    cold_s: Spread | None = None
    """The guide's pipeline from a fresh process and empty state to its result (set-up included)."""
    setup_s: Spread | None = None
    """The part of the cold run spent preparing empty state (e.g. a database migration)."""
    warm_s: Spread | None = None
    """The same, with the state of an earlier run."""
    peak_rss_mb: Spread | None = None
    """The most memory the warm run's process and its children held at once."""
    scaling: list[Series] = Field(default_factory=list)
    check_s: Spread | None = None
    """For a tool that needs a cluster: building and checking its files here."""
    footprint_mb: Annotated[float, Field(ge=0)]
    distributions: Annotated[int, Field(ge=0)]


class PageCost(Strict):
    """What a first visit to one page downloads, served compressed as GitHub Pages serves it."""

    raw_kb: float
    gzip_kb: float
    """The page and every file it loads as it opens, compressed."""
    requests: int
    search_gzip_kb: float
    """The most a first search for one word downloads, once the reader starts to search: the
    small index, the parts of the terms that word starts with, and the page text one query may
    read (`fieldguide.search.most_a_search_downloads`)."""
    lighthouse: dict[Literal["mobile", "desktop"], dict[str, int]] = Field(default_factory=dict)


class SiteCosts(Strict):
    """What this site costs to build and preview, against plain Material, and to load."""

    measured: Provenance
    """When, by which command and where these figures were measured."""

    build_cpu_s: Spread
    """Built again, as a contributor rebuilds: the templates compiled and the listings
    highlighted by the first build (the hooks `overrides/hooks/template_cache.py` and
    `highlight_cache.py` keep them in `.cache/`)."""
    fresh_build_cpu_s: Spread | None = None
    """Built as a fresh clone (and CI) builds it: no `.cache/` yet."""
    bare_build_cpu_s: Spread
    """The same pages built by plain Material for MkDocs: no fieldguide, no mkdocstrings, no hooks."""
    expanded_build_cpu_s: Spread | None = None
    """Plain Material again, on the pages with their generated blocks written in: the same
    content, without the machinery that generates it."""
    reload_s: Spread | None = None
    bare_reload_s: Spread | None = None
    pages: dict[str, PageCost] = Field(default_factory=dict)
    every_page_gzip_kb: dict[str, float] = Field(default_factory=dict)
    """Every published page's first visit, compressed, by its path (`/tools/airflow/`): what the
    weight target is checked against (the pages above are the ones Lighthouse also scores)."""
    shared_gzip_kb: float | None = None
    """What every published page loads alike (the theme's and the site's scripts and styles, the
    search worker, the icon), compressed: the part of a page's weight its content does not change."""

    @property
    def build_ratio(self) -> float:
        """This site's build over plain Material's, on the same Markdown."""
        return self.build_cpu_s.median / self.bare_build_cpu_s.median

    @property
    def fresh_build_ratio(self) -> float | None:
        """A fresh clone's build over plain Material's, on the same Markdown, where measured."""
        if self.fresh_build_cpu_s is None:
            return None
        return self.fresh_build_cpu_s.median / self.bare_build_cpu_s.median

    @property
    def same_content_ratio(self) -> float | None:
        """This site's build over plain Material's, on the same content, where measured."""
        if self.expanded_build_cpu_s is None:
            return None
        return self.build_cpu_s.median / self.expanded_build_cpu_s.median


class Sessions(Strict):
    """The default test run, session by session, in seconds."""

    measured: Provenance
    """When, by which command and where these figures were measured."""

    cold: dict[str, Spread]
    """From fresh environments: each session's venv removed, packages from uv's cache."""
    warm: dict[str, Spread]
    """Again, with the environments kept."""
    examples: dict[str, int] = Field(default_factory=dict)
    """Example files per examples session."""
    one_run: dict[str, Spread] = Field(default_factory=dict)
    """Each examples session again, running only the tests of its tool's one pipeline run
    ([`Bench.session_run`][fieldguide.model.Bench.session_run]) on one pytest worker: the
    session's own start and machinery, to set against the tool starting and running that
    pipeline bare."""
    bare_run: dict[str, Spread] = Field(default_factory=dict)
    """Each examples session's tool starting and running its pipeline once outside any harness,
    from empty state (or, for a tool that needs a cluster, checking its files, as `check_s` does):
    timed right after each `one_run`, so that the pair meets the machine alike."""
    one_run_ratio: dict[str, Spread] = Field(default_factory=dict)
    """`one_run` over `bare_run`, pair by pair."""
    cold_without_concept_cells: dict[str, Spread] = Field(default_factory=dict)
    """Each examples session from a fresh environment, its concept cells left out
    (`-k "not concepts"`): what the session cost before the concept pages added their cells."""
    warm_without_concept_cells: dict[str, Spread] = Field(default_factory=dict)
    """The same again, with the environment kept: set against `warm`, what the cells cost."""
    concept_cells: dict[str, int] = Field(default_factory=dict)
    """Concept cells per examples session (a cell may be a script and its YAML)."""

    @staticmethod
    def total(sessions: dict[str, Spread]) -> float:
        """The run's seconds, adding up `sessions` (`cold` or `warm`)."""
        return sum(spread.median for spread in sessions.values())

    def per_concept_cell(self, name: str) -> float | None:
        """What each concept cell adds to an examples session, where measured: the session with
        its cells, less the session without them, per cell, both again (a fresh environment's
        install would only add its noise to the difference)."""
        without, cells = self.warm_without_concept_cells.get(name), self.concept_cells.get(name)
        if without is None or not cells or name not in self.warm:
            return None
        return (self.warm[name].median - without.median) / cells


class Measured(Provenance):
    """The whole results file. Its `date`, `command` and `machine` are the tools' figures'."""

    floor: Slug
    """The tool whose figures every other is divided by: plain Python."""
    tools: dict[Slug, ToolResult]
    site: SiteCosts | None = None
    sessions: Sessions | None = None
    notes: list[OneLine] = Field(default_factory=list)


def tools_provenance(previous: dict, now: dict, *, measuring: list[str] | None) -> dict:
    """The date, command and machine the tools' figures carry after a benchmark run.

    `measuring` is the tools the run measures (`[]`: every one; None: none, as `--no-tools`). A
    run that measures no tool keeps the earlier run's. One that measures only some must run on
    the machine that measured the others, or their figures would be placed on this one.
    """
    earlier = {key: previous[key] for key in ("date", "command", "machine") if key in previous}
    if measuring is None:
        if not previous.get("tools"):
            raise SystemExit("no tool has been measured yet: run `nox -s bench` without --no-tools first")  # fmt: skip
        return earlier
    others = set(previous.get("tools", {})) - set(measuring) if measuring else set()
    if others and earlier.get("machine") != now["machine"]:
        raise SystemExit(
            f"{', '.join(sorted(others))} were measured on another machine "
            f"({earlier.get('machine', {}).get('cpu', 'unknown')}): measure every tool here "
            "(`nox -s bench`), not only --tools"
        )
    return now


def load_measured(root: Path, *, path: Path | None = None) -> Measured:
    """Read and validate the benchmark's results.

    Raises:
        DataError: One line per problem, naming the file and the field.
    """
    path = path or root / MEASURED_FILE
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(
            shown, [Problem(None, None, None, "(file)", "is missing: run nox -s bench")]
        ) from None
    except json.JSONDecodeError as exc:
        raise DataError(
            shown, [Problem(exc.lineno, None, None, "(JSON syntax)", exc.msg)]
        ) from None
    try:
        measured = Measured.model_validate(raw)
    except ValidationError as exc:
        problems = [
            Problem(
                None,
                str(e["loc"][1]) if e["loc"][:1] == ("tools",) and len(e["loc"]) > 1 else None,
                None,
                ".".join(map(str, e["loc"])),
                e["msg"],
            )
            for e in exc.errors()
        ]
        raise DataError(shown, problems) from None
    if measured.floor not in measured.tools:
        raise DataError(
            shown,
            [Problem(None, None, None, "floor", f"'{measured.floor}' has no results in 'tools'")],
        )
    return measured


# Rendering: the Measured page, each tool's row, and what the site costs


def seconds(value: Spread | None, unit: str = "s", scale: float = 1.0, digits: int = 2) -> str:
    """`1.23 s (1.10–1.40)`: the median, then the range, or a dash where nothing was measured."""
    if value is None:
        return "—"
    return f"{value.median * scale:.{digits}f} {unit} ({value.min * scale:.{digits}f}–{value.max * scale:.{digits}f})"  # fmt: skip


def ratio(value: Spread | None, floor: Spread | None) -> str:
    if value is None or floor is None or floor.median <= 0:
        return "—"
    return f"{value.median / floor.median:,.0f}×" if value.median / floor.median >= 10 else f"{value.median / floor.median:.1f}×"  # fmt: skip


def _rows(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows]) + "\n"


def _name(site, slug: str) -> str:
    from .render import text

    return text(site.tools[slug].tool.name) if slug in site.tools else text(slug)


def _imports(site, slug: str) -> str:
    tool = site.tools[slug].tool if slug in site.tools else None
    return f"`{tool.bench.imports}`" if tool and tool.bench and tool.bench.imports else "—"


def provenance(part: Provenance) -> str:
    """The sentence that says when, by which command and on which machine a part was measured."""
    from .render import text

    m = part.machine
    return (
        f"Measured on {part.date:%-d %B %Y} by `{part.command}`, on one machine: "
        f"{text(m.cpu)}, {m.cores} cores, {m.memory_gb:g} GB of memory, {text(m.os)}, "
        f"Python {text(m.python)}, bytecode {text(m.bytecode)}."
    )


def setup_block(site, measured: Measured) -> str:
    """The machine, the date, the command and the releases measured."""
    from .render import text

    m = measured.machine
    lines = [provenance(measured), ""]
    releases = [[_name(site, s), f"Python {text(m.python)}, no orchestrator" if s == measured.floor else text(r.checked_with)] for s, r in measured.tools.items()]  # fmt: skip
    lines += [_rows(["Tool", "Measured release"], releases)]
    missing = [f.tool.name for f in site.ordered() if f.tool.slug not in measured.tools and not f.tool.draft]  # fmt: skip
    if missing:
        lines += ["", f"Not measured yet: {', '.join(missing)}. Run `nox -s bench -- --tools ...` to add them."]  # fmt: skip
    return "\n".join(lines) + "\n"


def figure_table(site, measured: Measured, figure: str) -> str:
    """One measure for every tool: median (min–max), and the ratio to the floor."""
    floor = measured.tools[measured.floor]
    rows = []
    for slug, result in measured.tools.items():
        if figure == "import" and result.import_s:
            rows.append([_name(site, slug), _imports(site, slug), seconds(result.import_s), ratio(result.import_s, floor.import_s)])  # fmt: skip
        elif figure == "pipeline" and result.cold_s:
            rows.append([
                _name(site, slug), seconds(result.cold_s), seconds(result.setup_s) if result.setup_s and result.setup_s.median else "—",
                seconds(result.warm_s), ratio(result.warm_s, floor.warm_s),
                seconds(result.peak_rss_mb, "MB", digits=0), ratio(result.peak_rss_mb, floor.peak_rss_mb),
            ])  # fmt: skip
        elif figure == "footprint":
            rows.append([_name(site, slug), f"{result.footprint_mb:,.0f} MB", str(result.distributions), ratio(
                Spread(median=result.footprint_mb, min=0, max=0, runs=1), Spread(median=floor.footprint_mb, min=0, max=0, runs=1))])  # fmt: skip
        elif figure == "checks" and result.check_s:
            rows.append([_name(site, slug), seconds(result.check_s)])
    headers = {
        "import": ["Tool", "The import", "Seconds (min–max)", "× the floor"],
        "pipeline": [
            "Tool",
            "Cold run",
            "of which set-up",
            "Warm run",
            "× the floor",
            "Peak memory",
            "× the floor",
        ],
        "footprint": ["Tool", "Environment on disk", "Distributions", "× the floor"],
        "checks": ["Tool", "Build and check its files here"],
    }
    return _rows(headers[figure], rows)


PALETTE = ["#4363d8", "#e6194b", "#3cb44b", "#f58231", "#911eb4", "#008c8c", "#b5651d", "#808000", "#f032e6", "#5a5a5a"]  # fmt: skip
"""Series colours, each at 3:1 or more against both the light and the dark page (WCAG 1.4.11)."""
MARKERS = ["circle", "square", "diamond", "triangle", "cross", "circle", "square", "diamond", "triangle", "cross"]  # fmt: skip


def scaling_block(site, measured: Measured) -> str:
    """Per shape: a chart of seconds against tasks with each tool's fitted line, then its table."""
    from .render import template

    out = []
    for shape in ("chain", "fan-out"):
        series = [(slug, s) for slug, r in measured.tools.items() for s in r.scaling if s.shape == shape]  # fmt: skip
        if not series:
            continue
        out.append(template("scaling_chart.html", chart=_chart(site, shape, series)))
        rows = []
        for slug, s in series:
            fit = per_task(s)
            start = f"{s.intercept_s:.2f} s" if s.intercept_s is not None else "—"
            points = "; ".join(f"{p.tasks}: {p.seconds.median:.2f} s" for p in s.points)
            rows.append([_name(site, slug), fit, start, points + (f" ({s.stopped})" if s.stopped else "")])  # fmt: skip
        out.append(_rows(["Tool", f"Per task ({shape})", "Fixed cost", "Median seconds by number of tasks"], rows))  # fmt: skip
    return "\n".join(out)


def per_task(s: Series) -> str:
    """The fitted per-task cost with its standard error; flagged when it is not told apart from 0."""
    if s.per_task_ms is None or s.per_task_error_ms is None:
        return "—"
    fit = f"{s.per_task_ms:.1f} ± {s.per_task_error_ms:.1f} ms"
    if abs(s.per_task_ms) < 2 * s.per_task_error_ms or abs(s.per_task_ms) < 0.05:
        return f"{fit} (no growth measurable)"
    return fit


def _nice_step(rough: float) -> float:
    """The smallest of 1, 2, 2.5 or 5 times a power of ten at least `rough`: round tick labels."""
    power = 10 ** math.floor(math.log10(rough)) if rough > 0 else 1
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= rough)


def _chart(site, shape: str, series: list[tuple[str, Series]]) -> dict:
    """Coordinates for the SVG template: points, fitted lines and axes, in a 640 × 360 box."""
    width, height, left, bottom, top, right = 640, 360, 56, 40, 16, 150
    top_s = max(p.seconds.max for _, s in series for p in s.points) * 1.08 or 1
    x = lambda n: left + (width - left - right) * n / 200  # noqa: E731
    y = lambda t: height - bottom - (height - top - bottom) * min(t, top_s) / top_s  # noqa: E731
    lines = []
    for i, (slug, s) in enumerate(series):
        name = site.tools[slug].tool.name if slug in site.tools else slug
        last = s.points[-1].tasks
        line = None
        if s.per_task_ms is not None:
            line = {"x1": x(1), "y1": y(s.intercept_s + s.per_task_ms / 1000), "x2": x(last), "y2": y(s.intercept_s + s.per_task_ms * last / 1000)}  # fmt: skip
        lines.append({
            "name": name, "colour": PALETTE[i % len(PALETTE)], "marker": MARKERS[i % len(MARKERS)],
            "points": [{"x": x(p.tasks), "y": y(p.seconds.median), "label": f"{p.tasks} tasks: {p.seconds.median:.2f} s"} for p in s.points],
            "line": line, "label_y": y(s.points[-1].seconds.median),
        })  # fmt: skip
    by_height = sorted(lines, key=lambda line: line["label_y"])
    for above, below in itertools.pairwise(by_height):  # keep names 12 px apart
        below["label_y"] = max(below["label_y"], above["label_y"] + 12)
    step = _nice_step(top_s / 4)
    ticks_y = [step * k for k in range(int(top_s / step) + 1)]
    return {
        "id": f"scaling-{shape}",
        "shape": shape,
        "width": width,
        "height": height,
        "left": left,
        "bottom": height - bottom,
        "top": top,
        "right": width - right,
        "lines": lines,
        "ticks_x": [{"x": x(n), "label": n} for n in (1, 50, 100, 150, 200)],
        "ticks_y": [{"y": y(v), "label": f"{v:g}"} for v in ticks_y],
        "summary": "; ".join(
            f"{line['name']}: " + ", ".join(p["label"] for p in line["points"]) for line in lines
        ),
    }


def tool_row(site, measured: Measured, slug: str, link) -> str:
    """One tool's figures in a sentence, on its page, linked to the Measured page."""
    result = measured.tools.get(slug)
    if result is None:
        return f"Not measured yet: `nox -s bench -- --tools {slug}` adds it to the [Measured page]({link('measured.md')}).\n" + scaling_source(site, slug)  # fmt: skip
    floor = measured.tools[measured.floor]
    parts = []
    if result.import_s:
        parts.append(f"importing it takes {seconds(result.import_s)} ([{ratio(result.import_s, floor.import_s)} plain Python]({link('measured.md#import-time')}))")  # fmt: skip
    if result.cold_s:
        parts.append(f"the guide's pipeline runs in {seconds(result.cold_s)} from empty state and {seconds(result.warm_s)} after that, with at most {seconds(result.peak_rss_mb, 'MB', digits=0)} of memory ([details]({link('measured.md#pipeline')}))")  # fmt: skip
    chain = next((s for s in result.scaling if s.shape == "chain" and s.per_task_ms is not None), None)  # fmt: skip
    if chain:
        parts.append(f"each task of a chain adds {per_task(chain)} ([how it grows]({link('measured.md#per-task')}))")  # fmt: skip
    if result.check_s:
        parts.append(f"building and checking its files here takes {seconds(result.check_s)}; the engine itself needs a cluster and was not measured ([details]({link('measured.md#cluster-tools')}))")  # fmt: skip
    parts.append(f"its environment takes {result.footprint_mb:,.0f} MB on disk in {result.distributions} distributions ([footprint]({link('measured.md#footprint')}))")  # fmt: skip
    sentence = "; ".join(parts)
    row = f'!!! info "Measured on this machine, {measured.date:%-d %B %Y}"\n\n    {sentence[:1].upper()}{sentence[1:]}.\n'  # fmt: skip
    return row + scaling_source(site, slug)


def scaling_source(site, slug: str) -> str:
    """The tool's generated pipelines that the benchmark times, folded, where the tool has one."""
    path = f"examples/{slug}/scaling.py"
    if not (site.root / path).is_file():
        return ""
    return (
        f'\n??? example "The generated pipelines the benchmark times ({path})"\n\n'
        f'    ```python title="{path}"\n    --8<-- "{path}"\n    ```\n'
    )


def site_costs(measured: Measured, lecture_tools: Collection[str] = ()) -> str:
    """What this site costs to build, preview, load and test: for the contributing page.

    `lecture_tools` are the six tools the target for the whole run was set with (the lecture's).
    """
    site = measured.site
    tests = "\nThe default test run (`python3 noxfile.py`), session by session:\n\n" + session_costs(measured)  # fmt: skip
    if site is None:
        return (
            "Not measured yet: `nox -s bench -- --site` measures it.\n"
            + tests
            + targets(measured, lecture_tools)
        )
    lines = [
        provenance(site.measured),
        "",
        _rows(["What", "This site", "Bare Material", "Ratio"], [
            ["Strict build, CPU", seconds(site.build_cpu_s), seconds(site.bare_build_cpu_s), f"{site.build_ratio:.2f}×"],
            *([["Strict build of a fresh clone (nothing in `.cache/` yet), CPU", seconds(site.fresh_build_cpu_s), seconds(site.bare_build_cpu_s),
                f"{site.fresh_build_ratio:.2f}×"]] if site.fresh_build_ratio else []),
            *([["Strict build, CPU, against plain Material building the same content (generated blocks written in)", seconds(site.build_cpu_s), seconds(site.expanded_build_cpu_s),
                f"{site.same_content_ratio:.2f}×"]] if site.same_content_ratio else []),
            ["Live reload after saving a page", seconds(site.reload_s), seconds(site.bare_reload_s),
             f"{site.reload_s.median / site.bare_reload_s.median:.2f}×" if site.reload_s and site.bare_reload_s else "—"],
        ]),
        "",
        "First visit to each page, served gzip-compressed as GitHub Pages serves it: the page and "
        "every file it loads, then with the most a first search for one word downloads (the search "
        "index is in parts, and nothing of it is downloaded until the reader starts to search). "
        "Lighthouse scores are performance and accessibility.",
        "",
        _rows(["Page", "Page and its files", "With a first search", "Files", "Uncompressed", "Lighthouse, mobile · desktop"], [
            [name, f"{c.gzip_kb:.0f} KB", f"{c.gzip_kb + c.search_gzip_kb:.0f} KB", str(c.requests), f"{c.raw_kb:.0f} KB",
             " · ".join(", ".join(str(c.lighthouse.get(form, {}).get(k, "—")) for k in ("performance", "accessibility")) for form in ("mobile", "desktop"))]
            for name, c in site.pages.items()
        ]),
    ]  # fmt: skip
    return "\n".join(lines) + "\n" + tests + targets(measured, lecture_tools)


# The targets of issue 16 ("Fast to preview, fast to build, light to load"), checked against the
# figures above, so that the contributing page says which hold without anyone retyping it.
BUILD_RATIO_TARGET = 1.2
RELOAD_TARGET_S = 1.0
PAGE_TARGET_KB = 150
SESSION_RATIO_TARGET = 1.3
RUN_TARGET_S = 150


def targets(measured: Measured, lecture_tools: Collection[str] = ()) -> str:
    """Each speed target, with whether the last measurement meets it."""
    site = measured.site
    rows = []
    if site is not None:
        same = site.same_content_ratio
        fresh = f" ({site.fresh_build_ratio:.2f}× from a fresh clone)" if site.fresh_build_ratio else ""  # fmt: skip
        rows.append([f"Strict rebuild (as a contributor builds again) ≤ {BUILD_RATIO_TARGET}× bare Material", f"{site.build_ratio:.2f}× the same Markdown{fresh}" + (f", {same:.2f}× the same content" if same else ""), _verdict(site.build_ratio <= BUILD_RATIO_TARGET)])  # fmt: skip
        if site.reload_s:
            rows.append([f"Live reload < {RELOAD_TARGET_S:.0f} s", seconds(site.reload_s), _verdict(site.reload_s.median < RELOAD_TARGET_S)])  # fmt: skip
        if site.pages:
            weights = site.every_page_gzip_kb or {name: c.gzip_kb for name, c in site.pages.items()}
            heaviest = max(weights, key=weights.__getitem__)
            index_kb = next(iter(site.pages.values())).search_gzip_kb
            which = f"heaviest of {len(weights)} pages: `{heaviest}`" if site.every_page_gzip_kb else f"heaviest: {heaviest}"  # fmt: skip
            rows.append([f"Every page ≤ {PAGE_TARGET_KB} KB on a first visit, without searching", f"{which}, {weights[heaviest]:.0f} KB", _verdict(weights[heaviest] <= PAGE_TARGET_KB)])  # fmt: skip
            floor = (f"; the files every page loads alike (scripts, styles, the search worker, the icon) are {site.shared_gzip_kb:.0f} KB "
                     f"and a first search at most {index_kb:.0f} KB: {site.shared_gzip_kb + index_kb:.0f} KB before any page's own HTML"
                     if site.shared_gzip_kb else "")  # fmt: skip
            with_index = weights[heaviest] + index_kb
            rows.append(["… and with a first search for one word", f"{which}, {with_index:.0f} KB{floor}", _verdict(with_index <= PAGE_TARGET_KB)])  # fmt: skip
    if measured.sessions is not None:
        rows.append(_one_run_target(measured))
        if lecture_tools:  # the target was set for the lecture's six tools, before the others came
            rows.append(_whole_run_target(measured.sessions, lecture_tools))
    if not rows:
        return ""
    return "\nThe targets, against the figures above:\n\n" + _rows(
        ["Target", "Measured", "Met"], rows
    )


def _verdict(met: bool) -> str:
    return "yes" if met else "**no**"


def _one_run_target(measured: Measured) -> list[str]:
    """Each examples session, running its tool's pipeline once, against the tool doing it bare."""
    target = f"Each examples session, running its tool's pipeline once, ≤ {SESSION_RATIO_TARGET}× its tool starting and running it bare"  # fmt: skip
    runs = measured.sessions
    ratios = session_ratios(runs)
    if not ratios:
        return [target, "not measured yet: `nox -s bench -- --sessions` measures it", "—"]
    over = [name for name, value in ratios.items() if value > SESSION_RATIO_TARGET]
    within = [name for name in ratios if name not in over]
    said = [
        f"{verdict}: " + ", ".join(f"`{n}` {ratios[n]:.1f}×" for n in names)
        for verdict, names in (("within", within), ("over", over))
        if names
    ]
    # What nox, pytest and the harness add to any session: the floor's (plain Python's, whose
    # pipeline costs next to nothing) one run less its bare run. A tool whose bare run is so short
    # that this is more than the target's margin of it is over, however light its tests.
    floor = f"examples-{measured.floor}"
    harness = runs.one_run[floor].median - runs.bare_run[floor].median if floor in runs.one_run_ratio else None  # fmt: skip
    margin = SESSION_RATIO_TARGET - 1
    cannot = [n for n in over if harness and margin * runs.bare_run[n].median < harness]
    if cannot:
        said.append(
            f"{', '.join(f'`{n}`' for n in cannot)} cannot be within it: nox, pytest and the "
            f"harness add {harness:.2f} s to any session (`{floor}`'s one run less plain Python's "
            f"bare run), more than {margin:.1f}× their tool's whole bare run"
        )
    # Not the target: what the sessions take beyond the harness's own start.
    beyond = {n: runs.one_run[n].median / (runs.bare_run[n].median + harness) for n in ratios if harness and n != floor}  # fmt: skip
    if over and beyond:
        most = max(beyond, key=beyond.get)
        said.append(
            f"with those {harness:.2f} s counted in each tool's bare run, the most any session "
            f"takes is {beyond[most]:.2f}× (`{most}`)"
        )
    return [target, "; ".join(said), _verdict(not over)]


SESSIONS_WHEN_THE_TARGET_WAS_SET = ("build", "tests")
"""The default run's sessions besides the examples sessions when the whole-run target was set;
`build-zensical` and `browser` joined the default run after it, as did the concept cells and three
more tools."""


def _whole_run_target(runs: Sessions, lecture_tools: Collection[str]) -> list[str]:
    """The default run as it was when its target was set: its sessions, the lecture's six tools,
    their examples but the concept cells; and beside it, what was added since."""
    target = (
        f"The default run as its target was set ≤ {RUN_TARGET_S} s from fresh environments: "
        f"{', '.join(f'`{n}`' for n in SESSIONS_WHEN_THE_TARGET_WAS_SET)} and the lecture's six "
        "tools' examples sessions, with every example but the concept cells (added since)"
    )
    six = [f"examples-{tool}" for tool in lecture_tools]
    if any(n not in runs.cold_without_concept_cells for n in six):
        return [target, "not measured yet: `nox -s bench -- --sessions` measures it", "—"]
    then = sum(runs.cold[n].median for n in SESSIONS_WHEN_THE_TARGET_WAS_SET if n in runs.cold)
    then += sum(runs.cold_without_concept_cells[n].median for n in six)
    added = [n for n in runs.cold if n not in (*SESSIONS_WHEN_THE_TARGET_WAS_SET, *six) and not n.startswith("examples-")]  # fmt: skip
    said = [f"{then:.0f} s"]
    said += [f"`{n}` (added since) {runs.cold[n].median:.0f} s more" for n in added]
    said.append(f"every session with every example: {runs.total(runs.cold):.0f} s")
    return [target, "; ".join(said), _verdict(then <= RUN_TARGET_S)]


def session_ratios(runs: Sessions | None) -> dict[str, float]:
    """Each examples session running its tool's pipeline once, over its tool doing it bare: the
    median of the pairs' ratios."""
    return {name: ratio.median for name, ratio in (runs.one_run_ratio if runs else {}).items()}


def session_costs(measured: Measured) -> str:
    """The default run, session by session: each examples session's one pipeline run against its
    tool's, and what each of its concept cells adds."""
    runs = measured.sessions
    if runs is None:
        return "Not measured yet: `nox -s bench -- --sessions` measures it.\n"
    rows = []
    ratios = session_ratios(runs)
    for name, cold in runs.cold.items():
        warm, one, cell = runs.warm.get(name), runs.one_run.get(name), runs.per_concept_cell(name)
        once = f"{one.median:.1f} s" + (f" ({ratios[name]:.1f}×)" if name in ratios else "") if one else "—"  # fmt: skip
        rows.append([f"`{name}`", seconds(cold, digits=0), seconds(warm, digits=0), str(runs.examples.get(name, "—")), once,
                     f"{cell:.1f} s" if cell is not None else "—"])  # fmt: skip
    rows.append(["**The whole default run**", f"**{runs.total(runs.cold):.0f} s**", f"**{runs.total(runs.warm):.0f} s**", str(sum(runs.examples.values())), "", ""])  # fmt: skip
    header = ["Session", "From fresh environments", "Again", "Example files", "Its pipeline once, again (× its tool bare)", "Each concept cell adds, again"]  # fmt: skip
    return provenance(runs.measured) + "\n\n" + _rows(header, rows)
