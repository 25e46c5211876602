"""`nox -s new-tool -- "Tool Name" [--package NAME]`: everything a new tool needs, marked draft.

It writes the tool's page, its examples folder with a runnable pipeline, its examples test, its
data entry (every criterion `not yet rated`), its nav entry and its dependency group; the nox
session then compiles its lock. The site builds strictly and the new session passes right away,
and the page and comparison say "draft" until the contributor completes them.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

from .model import UNRATED
from .pages import DATA_FILE

RESERVED = {
    "docs",
    "tests",
    "examples",
    "build",
    "lock",
    "new-tool",
    "upgrade-check",
    "build-zensical",
}
"""Slugs taken by dependency groups and sessions."""


class ScaffoldError(Exception):
    """The tool cannot be scaffolded; says why and what to do."""


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def planned_files(root: Path, slug: str) -> list[Path]:
    return [
        root / "docs" / "tools" / f"{slug}.md",
        root / "examples" / slug / "pipeline.py",
        root / "tests" / "examples" / f"test_{slug}.py",
        root / f"pylock.{slug}.toml",
    ]


def check_new(root: Path, name: str, data: dict) -> str:
    """The slug for `name`, or a ScaffoldError if it is empty or clashes with anything."""
    slug = slugify(name)
    if not slug or not slug[0].isalpha():
        raise ScaffoldError(
            f"{name!r} makes the slug {slug!r}: a tool's name must start with a letter"
        )
    if slug in RESERVED:
        raise ScaffoldError(
            f"{name!r} makes the slug '{slug}', which a nox session or dependency group already uses"
        )
    for tool in data.get("tools", []):
        if tool.get("slug") == slug or str(tool.get("name", "")).lower() == name.strip().lower():
            raise ScaffoldError(
                f"{tool['name']} already exists (slug '{tool['slug']}'): edit it instead"
            )
    existing = [p.relative_to(root).as_posix() for p in planned_files(root, slug) if p.exists()]
    if (root / "examples" / slug).exists():
        existing.append(f"examples/{slug}/")
    if existing:
        raise ScaffoldError(
            f"the slug '{slug}' clashes with what exists: {', '.join(sorted(set(existing)))}"
        )
    return slug


def scaffold(root: Path, name: str, package: str | None = None) -> str:
    """Write the draft tool's files and entries; return its slug. Nothing is written on refusal."""
    name = name.strip()
    data = yaml.safe_load((root / DATA_FILE).read_text(encoding="utf-8"))
    slug = check_new(root, name, data)
    pyproject = root / "pyproject.toml"
    groups = pyproject.read_text(encoding="utf-8")
    if "\n[tool.pytest.ini_options]" not in groups:
        raise ScaffoldError(
            "pyproject.toml has no [tool.pytest.ini_options] table to add the group before"
        )
    nav = (root / "mkdocs.yml").read_text(encoding="utf-8")
    last_tool = list(re.finditer(r"^(?P<indent> +)- [^\n]+: tools/[a-z0-9-]+\.md$", nav, re.M))
    if not last_tool:
        raise ScaffoldError(
            "mkdocs.yml's nav has no tools/<slug>.md entry to add the new page after"
        )

    subs = {"NAME": name, "SLUG": slug}
    for path, template in zip(planned_files(root, slug)[:3], (PAGE, PIPELINE, TEST), strict=True):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(fill(template, subs), encoding="utf-8")
    with (root / DATA_FILE).open("a", encoding="utf-8") as f:
        f.write(data_entry([c["id"] for c in data["criteria"]], name, slug, package))
    requirement = f'\n    "{package}",' if package else ""
    group = f'{slug} = [\n    {{ include-group = "examples" }},{requirement}\n]\n'
    pyproject.write_text(
        groups.replace("\n[tool.pytest.ini_options]", f"{group}\n[tool.pytest.ini_options]", 1)
    )
    end = last_tool[-1]
    entry = f"\n{end['indent']}- {name}: tools/{slug}.md"
    (root / "mkdocs.yml").write_text(nav[: end.end()] + entry + nav[end.end() :], encoding="utf-8")
    return slug


def fill(template: str, subs: dict[str, str]) -> str:
    return re.sub(r"@(NAME|SLUG)@", lambda m: subs[m.group(1)], template)


def data_entry(criteria: list[str], name: str, slug: str, package: str | None) -> str:
    """The draft's entry, every criterion present and not yet rated, as YAML to append."""
    evidence = f"tests/examples/test_{slug}.py"
    entry = {
        "slug": slug,
        "name": name,
        "tagline": f"Draft: one line on what {name} is.",
        **({"package": {"registry": "pypi", "name": package}} if package else {}),
        "licence": "NOASSERTION",
        "draft": True,
        "ratings": {
            c: {"value": UNRATED, "reason": "Draft: not yet rated.", "evidence": evidence}
            for c in criteria
        },
    }
    text = yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, width=100)
    return "\n" + "".join(f"  {line}\n" for line in text.splitlines())


PAGE = """# @NAME@

!!! warning "Draft"
    This page was scaffolded by `nox -s new-tool` and is not complete yet: its text, its example
    and its ratings in the comparison are placeholders. The contributing page says how to finish it.

<!-- guide:at-a-glance -->

## What it is

One paragraph: what @NAME@ is, who builds it, and what a pipeline is made of.

## Pros

- To be written, each point with a source.

## Cons

- To be written, each point with a source.

## Best for

- To be written.

## What changed recently

The facts a 2023-era reader gets wrong about @NAME@, with the release that changed each.

## The example pipeline

Until it uses @NAME@, the example runs the shared pipeline's four steps in plain Python.

```python title="examples/@SLUG@/pipeline.py"
--8<-- "examples/@SLUG@/pipeline.py"
```

<!-- guide:verified -->

## On a laptop and in production

How a pipeline runs during development, and what a production deployment needs.

## Official documentation

- To be added: links to @NAME@'s own documentation.
"""

PIPELINE = '''"""The shared pipeline's four steps, in plain Python: replace each with a @NAME@ task."""

import csv
import json
import math
import random
import statistics
from pathlib import Path

DATA = Path("data")


def extract() -> Path:
    """200 points on y = 3x + 2 with noise; every 20th y is missing, for transform to clean."""
    rng = random.Random(42)
    DATA.mkdir(exist_ok=True)
    raw = DATA / "raw.csv"
    with raw.open("w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["x", "y"])
        for i in range(200):
            x = rng.uniform(0, 10)
            y = 3.0 * x + 2.0 + rng.gauss(0, 1)
            out.writerow([f"{x:.6f}", "" if i % 20 == 0 else f"{y:.6f}"])
    return raw


def transform(raw: Path) -> tuple[Path, Path]:
    """Drop rows with no y; every fifth kept row goes to the test set."""
    with raw.open(newline="") as f:
        rows = [row for row in csv.DictReader(f) if row["y"]]
    train, test = DATA / "train.csv", DATA / "test.csv"
    for path, keep in ((train, lambda k: k % 5 != 0), (test, lambda k: k % 5 == 0)):
        with path.open("w", newline="") as f:
            out = csv.writer(f)
            out.writerow(["x", "y"])
            out.writerows([r["x"], r["y"]] for k, r in enumerate(rows) if keep(k))
    return train, test


def read_points(path: Path) -> tuple[list[float], list[float]]:
    with path.open(newline="") as f:
        rows = list(csv.DictReader(f))
    return [float(r["x"]) for r in rows], [float(r["y"]) for r in rows]


def train(train_csv: Path) -> Path:
    slope, intercept = statistics.linear_regression(*read_points(train_csv))
    model = DATA / "model.json"
    model.write_text(json.dumps({"slope": slope, "intercept": intercept}))
    return model


def evaluate(model_json: Path, test_csv: Path) -> str:
    model = json.loads(model_json.read_text())
    xs, ys = read_points(test_csv)
    pairs = zip(xs, ys, strict=True)
    errors = [(model["slope"] * x + model["intercept"] - y) ** 2 for x, y in pairs]
    rmse = math.sqrt(statistics.fmean(errors))
    return (
        f"slope={model['slope']:.4f} intercept={model['intercept']:.4f} "
        f"rmse={rmse:.4f} test_rows={len(xs)}"
    )


if __name__ == "__main__":
    train_csv, test_csv = transform(extract())
    result = evaluate(train(train_csv), test_csv)
    print(result)
    #> slope=3.0397 intercept=1.8234 rmse=1.1947 test_rows=38
'''

TEST = '''"""@NAME@ (draft): the scaffolded example runs the shared steps in plain Python.

Replace the example with @NAME@'s own tasks, then raise the marker below to what the tests really
run: "ran end to end", "compiled and ran locally" or "validated and step logic run".
"""

import pytest


@pytest.mark.verifies("validated and step logic run")
def test_example(example, check_example):
    """The draft's steps run in plain Python and print the shared result; @NAME@ itself is not used yet."""
    check_example(example)
'''


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="nox -s new-tool --", description=__doc__.splitlines()[0])
    parser.add_argument("name", help="the tool's name as readers know it, e.g. Flyte")
    parser.add_argument("--package", help="the PyPI package whose locked version the site prints")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        slug = scaffold(args.root, args.name, args.package)
    except ScaffoldError as exc:
        print(f"new-tool: {exc}", file=sys.stderr)
        return 2
    print(slug)
    return 0


if __name__ == "__main__":
    sys.exit(main())
