"""Versions come from the lockfiles, read without parsing them whole, and re-read when they change."""

from __future__ import annotations

import datetime
import os

import pytest
from conftest import ROOT
from fieldguide.locks import LockError, locked_version, read_uv_lock
from fieldguide.model import Package


def test_pypi_version_is_read_from_uv_lock_by_canonical_name(repo):
    version = locked_version(Package(registry="pypi", name="Alpha_Flow"), repo)
    assert (version.package, version.version, version.lock) == ("Alpha_Flow", "1.2.3", "uv.lock")


def test_npm_version_is_read_from_package_lock(repo):
    assert locked_version(Package(registry="npm", name="@beta/lint"), repo).version == "0.4.0"


def test_the_day_the_lock_was_resolved_as_of(repo):
    assert read_uv_lock(repo).resolved_on == datetime.date(2026, 11, 20)


def test_a_changed_lock_is_read_again(repo):
    lock = repo / "uv.lock"
    assert locked_version(Package(registry="pypi", name="alpha-flow"), repo).version == "1.2.3"
    lock.write_text(lock.read_text().replace('version = "1.2.3"', 'version = "1.2.4"'))
    os.utime(lock, ns=(1, 1))  # a different stamp, even on a coarse clock
    assert locked_version(Package(registry="pypi", name="alpha-flow"), repo).version == "1.2.4"


def test_a_package_locked_twice_or_not_at_all_says_what_to_run(repo):
    lock = repo / "uv.lock"
    lock.write_text(lock.read_text() + '\n[[package]]\nname = "alpha-flow"\nversion = "2.0"\n')
    with pytest.raises(
        LockError, match=r"alpha-flow is locked more than once \(1.2.3, 2.0\) in uv.lock"
    ):
        locked_version(Package(registry="pypi", name="alpha-flow"), repo)
    with pytest.raises(
        LockError,
        match=r"gamma is not in uv.lock: add gamma to its tool's group in pyproject.toml, then run nox -s lock",
    ):
        locked_version(Package(registry="pypi", name="gamma"), repo)


def test_missing_lock_says_what_to_run(repo):
    (repo / "uv.lock").unlink()
    with pytest.raises(LockError, match=r"uv.lock is missing: run nox -s lock"):
        locked_version(Package(registry="pypi", name="alpha-flow"), repo)


def test_the_real_lock_pins_each_tool_once():
    versions = read_uv_lock(ROOT).versions
    for name in (
        "apache-airflow",
        "prefect",
        "dagster",
        "kfp",
        "hera",
        "croniter",
        "mkdocs-material",
    ):
        assert len(versions[name]) == 1, name
