"""Fixtures for the project's own tests: a small, valid repository layout to break on purpose."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]

VALID = {
    "criteria": [
        {"id": "local", "name": "Local development", "question": "Does it run on a laptop?",
         "scale": ["poor", "good"], "from_lecture": True},
        {"id": "ui", "name": "UI", "question": "Is there a UI?", "scale": ["none", "rich"]},
    ],
    "glance": ["local"],
    "chooser": [{"id": "laptop", "label": "Runs on a laptop", "criterion": "local", "accepts": ["good"]}],
    "tools": [
        {
            "slug": "alpha", "name": "Alpha", "tagline": "The first tool.",
            "package": {"registry": "pypi", "name": "alpha-flow"},
            "licence": "Apache-2.0", "first_release": 2019,
            "links": {"docs": "https://alpha.example/docs", "source": "https://alpha.example/src"},
            "ratings": {
                "local": {"value": "good", "reason": "It runs in-process.",
                          "evidence": "examples/alpha/pipeline.py",
                          "lecture": {"value": "poor", "said": "Local Dev: Poor"},
                          "changed_because": "It gained a local runner."},
                "ui": {"value": "rich", "reason": "A web UI.", "evidence": "https://alpha.example/ui"},
            },
        },
        {
            "slug": "beta", "name": "Beta", "tagline": "The second tool.",
            "package": {"registry": "npm", "name": "@beta/lint"},
            "licence": "MIT", "first_release": 2020, "draft": True,
            "links": {"docs": "https://beta.example/docs", "source": "https://beta.example/src"},
            "ratings": {
                "local": {"value": "poor", "reason": "Needs a cluster.", "evidence": "https://beta.example/k8s",
                          "lecture": {"value": "poor", "said": "needs Kubernetes"}},
                "ui": {"value": "none", "reason": "No UI.", "evidence": "https://beta.example/"},
            },
        },
    ],
}  # fmt: skip

ALPHA_TESTS = '''
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


@pytest.fixture
def valid_data() -> dict:
    return copy.deepcopy(VALID)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with everything the VALID data points to."""
    for slug in ("alpha", "beta"):
        (tmp_path / "docs" / "tools").mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / "tools" / f"{slug}.md").write_text(f"# {slug}\n")
        (tmp_path / "tests" / "examples").mkdir(parents=True, exist_ok=True)
        (tmp_path / "tests" / "examples" / f"test_{slug}.py").write_text(ALPHA_TESTS)
    (tmp_path / "examples" / "alpha").mkdir(parents=True)
    (tmp_path / "examples" / "alpha" / "pipeline.py").write_text("print('hi')\n")
    (tmp_path / "pylock.alpha.toml").write_text(
        'lock-version = "1.0"\n\n[[packages]]\nname = "alpha_flow"\nversion = "1.2.3"\n'
        '\n[[packages]]\nname = "other"\nversion = "9"\n'
    )
    (tmp_path / "package-lock.json").write_text(
        '{"packages": {"": {}, "node_modules/@beta/lint": {"version": "0.4.0"}}}'
    )
    return tmp_path


def write_data(repo: Path, data: dict | str) -> Path:
    path = repo / "docs" / "data" / "comparison.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False))
    return path
