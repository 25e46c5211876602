"""`nox -s new-tool -- "Tool Name" [--package NAME]`: everything a new tool needs, marked draft.

It writes the tool's page, its examples folder with a runnable pipeline (the baseline's plain
script, until the contributor rewrites it with the tool), its examples test, its data entry
(every criterion `not yet rated`), its nav entry and its dependency group, then resolves the lock.
The site builds strictly and the new session passes right away, and the page and the comparison
say "draft" until the contributor completes them. A name that exists, or a package that does not
resolve, stops it with one line, and nothing it wrote is left behind.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import yaml
from packaging.requirements import Requirement

from .concepts import CONCEPTS_FILE, STUB
from .model import COMPARISON_FILE, UNRATED

RESERVED = {
    "docs",
    "tests",
    "examples",
    "build",
    "lock",
    "new-tool",
    "upgrade-check",
    "build-zensical",
    "browser",
    "bench",
    "zensical",
}
"""Slugs taken by dependency groups and sessions."""
BASELINE_PIPELINE = "examples/cron/pipeline.py"
"""The guide's pipeline as a plain script: every new tool starts from it."""


class ScaffoldError(Exception):
    """The tool cannot be scaffolded; says why and what to do."""


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def check_new(root: Path, name: str, tools: list[dict]) -> str:
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
    for tool in tools:
        if tool.get("slug") == slug or str(tool.get("name", "")).lower() == name.lower():
            raise ScaffoldError(
                f"{tool['name']} already exists (slug '{tool['slug']}'): edit it instead"
            )
    existing = [
        p
        for p in (f"docs/tools/{slug}.md", f"examples/{slug}", f"tests/examples/test_{slug}.py")
        if (root / p).exists()
    ]
    if existing:
        raise ScaffoldError(f"the slug '{slug}' clashes with what exists: {', '.join(existing)}")
    return slug


def plan(root: Path, name: str, package: str | None) -> dict[Path, str]:
    """Every file the scaffold writes, with its new content; nothing is written yet."""
    data_file = root / COMPARISON_FILE
    data_text = data_file.read_text(encoding="utf-8")
    data = yaml.safe_load(data_text)
    slug = check_new(root, name, data.get("tools", []))
    pyproject = (root / "pyproject.toml").read_text(encoding="utf-8")
    groups = re.search(r"^\[dependency-groups\]\n.*?(?=^\[)", pyproject, re.M | re.S)
    conflicts = re.search(
        r"^conflicts = \[\n    \[\n(?:        \{ group = \"[\w-]+\" \},\n)+", pyproject, re.M
    )
    if not groups or not conflicts:
        raise ScaffoldError(
            "pyproject.toml has no [dependency-groups] table or [tool.uv] conflicts list to add the tool's group to"
        )
    nav = (root / "mkdocs.yml").read_text(encoding="utf-8")
    tool_pages = list(re.finditer(r"^(?P<indent> +)- [^\n]+: tools/[a-z0-9-]+\.md$", nav, re.M))
    if not tool_pages:
        raise ScaffoldError(
            "mkdocs.yml's nav has no tools/<slug>.md entry to add the new page after"
        )
    requirement = f'\n    "{package}",' if package else ""  # with its extras, as pip takes it
    group = f'{slug} = [\n    {{ include-group = "examples" }},{requirement}\n]\n'
    pyproject = (
        pyproject[: groups.end()].rstrip("\n") + "\n" + group + "\n" + pyproject[groups.end() :]
    )
    conflicts = re.search(
        r"^conflicts = \[\n    \[\n(?:        \{ group = \"[\w-]+\" \},\n)+", pyproject, re.M
    )
    pyproject = (
        pyproject[: conflicts.end()]
        + f'        {{ group = "{slug}" }},\n'
        + pyproject[conflicts.end() :]
    )
    last = tool_pages[-1]
    nav = nav[: last.end()] + f"\n{last['indent']}- {name}: tools/{slug}.md" + nav[last.end() :]
    pipeline = (root / BASELINE_PIPELINE).read_text(encoding="utf-8").split("\n", 1)[1]
    subs = {"NAME": name, "SLUG": slug}
    concepts = yaml.safe_load((root / CONCEPTS_FILE).read_text(encoding="utf-8"))["concepts"]
    stubs = {
        root / "examples" / slug / "concepts" / f"{c['id'].replace('-', '_')}.py": fill(
            CONCEPT_STUB, {**subs, "TITLE": c["title"], "ID": c["id"], "STUB": STUB}
        )
        for c in concepts
    }
    return {
        **stubs,
        root / "docs" / "tools" / f"{slug}.md": fill(PAGE, subs),
        root / "examples" / slug / "pipeline.py": fill(PIPELINE_DOCSTRING, subs) + pipeline,
        root / "tests" / "examples" / f"test_{slug}.py": fill(TEST, subs),
        data_file: data_text.rstrip("\n")
        + "\n"
        + data_entry(
            [c["id"] for c in data["criteria"]], name, slug, package and Requirement(package).name
        ),
        root / "pyproject.toml": pyproject,
        root / "mkdocs.yml": nav,
    }


def scaffold(
    root: Path, name: str, package: str | None = None, *, lock: Callable[[Path], None] | None = None
) -> str:
    """Write the draft tool's files and entries, then `lock` the repository; return its slug.

    On any refusal, or if `lock` fails, every file is as it was before.
    """
    name = name.strip()
    files = plan(root, name, package)
    before = {path: path.read_text(encoding="utf-8") if path.exists() else None for path in files}
    try:
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        if lock:
            lock(root)
    except BaseException:
        for path, text in before.items():
            if text is None:
                path.unlink(missing_ok=True)
            else:
                path.write_text(text, encoding="utf-8")
        folder = root / "examples" / slugify(name)
        for empty in [*sorted(folder.rglob("*"), reverse=True), folder]:  # deepest first
            if empty.is_dir() and not any(empty.iterdir()):
                empty.rmdir()
        raise
    return slugify(name)


def uv_lock(uv: str) -> Callable[[Path], None]:
    """Resolve the repository's lock with uv; a failure becomes one ScaffoldError line."""

    def lock(root: Path) -> None:
        done = subprocess.run(
            [uv, "lock", "--quiet"], cwd=root, capture_output=True, text=True, check=False
        )
        if done.returncode:
            said = " ".join(done.stderr.split())
            # uv explains a failed resolution as "Because X was not found ..., we can conclude ...".
            because = re.search(r"Because (.+?)(?:, | and )", said)
            reason = because[1] if because else said[-200:] or f"uv exited with {done.returncode}"
            raise ScaffoldError(f"the new group does not resolve, so nothing was added: {reason}")

    return lock


def fill(template: str, subs: dict[str, str]) -> str:
    return re.sub(r"@([A-Z]+)@", lambda m: subs[m.group(1)], template)


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


PAGE = """---
description: "@NAME@ for ML pipelines: pros, cons and best fit, recent changes, and the guide's pipeline. (Draft: rewrite this line.)"
---

# @NAME@

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

What a reader of older material gets wrong about @NAME@, with the release that changed each.

## The example pipeline

Until it uses @NAME@, the example runs the guide's four steps as a plain script.

```python title="examples/@SLUG@/pipeline.py"
--8<-- "examples/@SLUG@/pipeline.py"
```

<!-- guide:verified -->

<!-- guide:concept-links -->

## On a laptop and in production

<!-- guide:measured-row -->

How a pipeline runs during development, and what a production deployment needs.

## Official documentation

- To be added: links to @NAME@'s own documentation.
"""

CONCEPT_STUB = '''"""@TITLE@ in @NAME@. @STUB@ See docs/concepts/@ID@.md for what each cell shows."""

print("not written yet")
#> not written yet
'''

PIPELINE_DOCSTRING = '''"""Draft: the guide's four steps as a plain script; rewrite each as a @NAME@ task."""
'''

TEST = '''"""@NAME@ (draft): the scaffolded example runs the guide's steps as a plain script.

Replace the example with @NAME@'s own tasks, then raise the marker below to what the tests really
run: "ran end to end", "compiled and ran locally" or "validated and step logic run".
"""

import pytest


@pytest.mark.verifies("validated and step logic run")
def test_example(example, check_example):
    """The draft's steps run as a plain script and print the shared result; @NAME@ itself is not used yet."""
    check_example(example)
'''


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="nox -s new-tool --", description=__doc__.splitlines()[0])
    parser.add_argument("name", help="the tool's name as readers know it, e.g. Flyte")
    parser.add_argument("--package", help="the PyPI package the tests check it with")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    uv = os.environ.get("FIELD_GUIDE_UV")
    try:
        slug = scaffold(args.root, args.name, args.package, lock=uv_lock(uv) if uv else None)
    except ScaffoldError as exc:
        print(f"new-tool: {exc}", file=sys.stderr)
        return 2
    print(slug)
    return 0


if __name__ == "__main__":
    sys.exit(main())
