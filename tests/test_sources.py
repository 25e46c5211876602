"""Versions come from the locks and verification from the test markers, with clear errors."""

from __future__ import annotations

import pytest
from conftest import write_data
from fieldguide.model import load_comparison
from fieldguide.sources import SourceError, locked_version, read_verification


@pytest.fixture
def data(repo, valid_data):
    return load_comparison(write_data(repo, valid_data), root=repo, docs_dir=repo / "docs")


def test_pypi_version_is_read_from_the_tools_pylock(repo, data):
    version = locked_version(data.tool("alpha"), repo)
    assert (version.package, version.version, version.lock) == (
        "alpha-flow",
        "1.2.3",
        "pylock.alpha.toml",
    )


def test_npm_version_is_read_from_package_lock(repo, data):
    assert locked_version(data.tool("beta"), repo).version == "0.4.0"


def test_missing_lock_says_what_to_run(repo, data):
    (repo / "pylock.alpha.toml").unlink()
    with pytest.raises(SourceError, match=r"pylock\.alpha\.toml is missing.*nox -s lock -- alpha"):
        locked_version(data.tool("alpha"), repo)


def test_package_absent_from_lock(repo, data):
    (repo / "pylock.alpha.toml").write_text('[[packages]]\nname = "other"\nversion = "1"\n')
    with pytest.raises(SourceError, match=r"alpha-flow is not in pylock\.alpha\.toml"):
        locked_version(data.tool("alpha"), repo)


def test_verification_comes_from_markers_and_docstrings(repo, data):
    verification = read_verification(data.tool("alpha"), repo)
    assert verification.test_file == "tests/examples/test_alpha.py"
    assert [(c.level, c.statement) for c in verification.checks] == [
        ("ran end to end", "The pipeline runs end to end."),
        ("validated and step logic run", "The YAML is valid."),
    ]
    assert verification.level == "ran end to end"


def test_unknown_verification_level_is_refused(repo, data):
    path = repo / "tests" / "examples" / "test_alpha.py"
    path.write_text(path.read_text().replace('"ran end to end"', '"looked at it"'))
    with pytest.raises(
        SourceError, match=r"test_alpha.py:\d+: verifies\('looked at it'\) must be one of"
    ):
        read_verification(data.tool("alpha"), repo)


def test_a_marked_test_needs_a_docstring(repo, data):
    path = repo / "tests" / "examples" / "test_alpha.py"
    path.write_text(path.read_text().replace('"""The YAML is valid."""', "pass"))
    with pytest.raises(SourceError, match="test_yaml needs a docstring"):
        read_verification(data.tool("alpha"), repo)


def test_tests_without_markers_verify_nothing(repo, data):
    (repo / "tests" / "examples" / "test_alpha.py").write_text("def test_x():\n    assert True\n")
    with pytest.raises(SourceError, match="has no test marked"):
        read_verification(data.tool("alpha"), repo)


def test_missing_test_module(repo, data):
    (repo / "tests" / "examples" / "test_alpha.py").unlink()
    with pytest.raises(SourceError, match=r"test_alpha\.py is missing"):
        read_verification(data.tool("alpha"), repo)
