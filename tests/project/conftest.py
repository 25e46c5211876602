"""Fixtures for the project's own tests: a small, valid repository to break on purpose."""

from __future__ import annotations

import copy
import os
import shutil
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]

VALID = {
    "criteria": [
        {
            "id": "local",
            "name": "Local development",
            "question": "Does it run on a laptop?",
            "scale": ["poor", "good"],
        },
        {"id": "ui", "name": "UI", "question": "Is there a UI?", "scale": ["none", "rich"]},
    ],
    "glance": ["local"],
    "chooser": [
        {"id": "laptop", "label": "Runs on a laptop", "criterion": "local", "accepts": ["good"]}
    ],
    "tools": [
        {
            "slug": "alpha",
            "name": "Alpha",
            "tagline": "The first tool.",
            "package": {"registry": "pypi", "name": "alpha-flow"},
            "licence": "Apache-2.0",
            "first_release": 2019,
            "links": {"docs": "https://alpha.example/docs", "source": "https://alpha.example/src"},
            "bench": {"imports": "import alpha"},
            "ratings": {
                "local": {
                    "value": "good",
                    "reason": "It runs in-process.",
                    "evidence": "examples/alpha/pipeline.py",
                    "changed_because": "It gained a local runner.",
                },
                "ui": {
                    "value": "rich",
                    "reason": "A web UI.",
                    "evidence": "https://alpha.example/ui",
                },
            },
        },
        {
            "slug": "beta",
            "name": "Beta",
            "tagline": "The second tool.",
            "package": {"registry": "npm", "name": "@beta/lint"},
            "targets": {
                "name": "Beta Engine",
                "version": "v2.0",
                "source": "https://beta.example/v2",
            },
            "licence": "MIT",
            "first_release": 2020,
            "draft": True,
            "links": {"docs": "https://beta.example/docs", "source": "https://beta.example/src"},
            "ratings": {
                "local": {
                    "value": "poor",
                    "reason": "Needs a cluster.",
                    "evidence": "https://beta.example/k8s",
                },
                "ui": {"value": "none", "reason": "No UI.", "evidence": "https://beta.example/"},
            },
        },
    ],
}

LECTURE_TEXT = """\
# Lecture 0.1 \u00e2\u20ac\u201c Tools

Alpha. The friendliest tool. It runs anywhere.

Pros:
- Fast to start

Cons:
- Young

Best for: Small teams.

```python
print("alpha")
```

For beginners:
- Start with Alpha.

| Feature | Alpha | Beta |
|---|---|---|
| Local Dev | Poor | Poor |

My advice? Use Alpha.
"""


def quote(said: str, verdict: str = "holds") -> dict:
    return {
        "said": said,
        "verdict": verdict,
        "why": "Checked.",
        "evidence": "https://alpha.example/docs",
    }


LECTURE = {
    "title": "Lecture 0.1 \u2013 Tools",
    "text": "docs/data/lecture.txt",
    "tools": [
        {
            "tool": "alpha",
            "intro": [
                quote("The friendliest tool."),
                quote("It runs anywhere.", "needs qualifying"),
            ],
            "pros": [quote("Fast to start")],
            "cons": [quote("Young", "changed")],
            "best_for": quote("Small teams."),
            "code": {
                "block": 'print("alpha")\n',
                "example": "examples/alpha/lecture.py",
                "today": "examples/alpha/lecture_today.py",
                "changes": [
                    {"now": "print(", "why": "It prints.", "source": "https://alpha.example/notes"}
                ],
            },
        }
    ],
    "choose": [
        {"id": "beginners", "heading": "For beginners:", "advice": [quote("Start with Alpha.")]}
    ],
    "table": {
        "columns": {"Alpha": "alpha", "Beta": "beta"},
        "rows": [
            {
                "feature": "Local Dev",
                "criterion": "local",
                "means": {"Poor": "poor"},
                "cells": {"Alpha": "Poor", "Beta": "Poor"},
            }
        ],
    },
    "recommendation": [quote("My advice? Use Alpha.")],
}

EXAMPLES_TEST = '''
import pytest


@pytest.mark.verifies("ran end to end")
def test_pipeline(example, check_example):
    """The pipeline runs end to end.

    More detail that the page does not show.
    """


@pytest.mark.verifies("validated and step logic run")
def test_yaml():
    """The YAML is valid."""
'''

CONCEPTS = """\
concepts:
  - id: retries
    title: Retries
    summary: A step that fails twice, then succeeds.
gaps: []
"""

MEASURED = """{"date": "2026-11-25", "command": "nox -s bench", "floor": "beta",
"machine": {"cpu": "Test", "cores": 2, "memory_gb": 8, "os": "Debian", "python": "3.11", "bytecode": "compiled"},
"tools": {"beta": {"checked_with": "@beta/lint 0.4.0", "footprint_mb": 1, "distributions": 1}}}
"""

UV_LOCK = """\
version = 1

[options]
exclude-newer = "2026-11-20T10:00:00Z"

[[package]]
name = "alpha-flow"
version = "1.2.3"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "other"
version = "9"
source = { registry = "https://pypi.org/simple" }
"""


@pytest.fixture
def valid_data() -> dict:
    return copy.deepcopy(VALID)


@pytest.fixture
def valid_lecture() -> dict:
    return copy.deepcopy(LECTURE)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with everything the VALID data and the LECTURE record point to."""
    for slug in ("alpha", "beta"):
        write(tmp_path / "docs" / "tools" / f"{slug}.md", f"# {slug}\n")
        write(tmp_path / "tests" / "examples" / f"test_{slug}.py", EXAMPLES_TEST)
    write(tmp_path / "examples" / "alpha" / "pipeline.py", "print('hi')\n")
    write(tmp_path / "examples" / "alpha" / "lecture.py", 'print("alpha")\n')
    write(tmp_path / "examples" / "alpha" / "lecture_today.py", 'print("alpha", "today")\n')
    write(tmp_path / "docs" / "data" / "lecture.txt", LECTURE_TEXT)
    write(tmp_path / "examples" / "alpha" / "concepts" / "retries.py", '"""Retries in Alpha."""\n')
    write(
        tmp_path / "docs" / "concepts" / "retries.md", "# Retries\n\n<!-- guide:concept-tabs -->\n"
    )
    write(tmp_path / "docs" / "data" / "concepts.yaml", CONCEPTS)
    write(tmp_path / "docs" / "data" / "measured.json", MEASURED)
    write(tmp_path / "uv.lock", UV_LOCK)
    write(
        tmp_path / "package-lock.json",
        '{"packages": {"": {}, "node_modules/@beta/lint": {"version": "0.4.0"}}}',
    )
    write_data(tmp_path, VALID)
    write_lecture(tmp_path, LECTURE)
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def edit_since_built(project: Path, page: str, text: str) -> Path:
    """Rewrite docs/<page>.md and date it after its built page, as `mkdocs build --dirty` checks."""
    edited = write(project / "docs" / f"{page}.md", text)
    later = os.stat(project / "site" / page / "index.html").st_mtime_ns + 10**9
    os.utime(edited, ns=(later, later))
    return edited


def write_data(repo: Path, data: dict | str) -> Path:
    text = (
        data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    )
    return write(repo / "docs" / "data" / "comparison.yaml", text)


def write_lecture(repo: Path, record: dict | str) -> Path:
    text = (
        record
        if isinstance(record, str)
        else yaml.safe_dump(record, sort_keys=False, allow_unicode=True)
    )
    return write(repo / "docs" / "data" / "lecture.yaml", text)


PROJECT = ["docs", "examples", "overrides", "tests/examples", "mkdocs.yml", "pyproject.toml", "uv.lock", "package-lock.json"]  # fmt: skip


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of this repository's site sources, to build and edit: its hooks, not ROOT's."""
    for name in PROJECT:
        source, target = ROOT / name, tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        copier = shutil.copytree if source.is_dir() else shutil.copy
        copier(source, target)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.syspath_prepend(str(tmp_path / "overrides" / "hooks"))
    for module in [m for m in sys.modules if m == "serve"]:
        del sys.modules[module]  # the copy's hook, not another's
    return tmp_path
