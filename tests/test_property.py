"""Property: any data file the model accepts renders; any it rejects gives one line naming the file."""

from __future__ import annotations

import copy

import yaml
from conftest import VALID, write_data
from fieldguide import render
from fieldguide.model import DataError, load_comparison
from fieldguide.render import ToolFacts
from fieldguide.sources import SourceError, locked_version, read_verification
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# Values that are sometimes valid and often not, for any field.
values = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 3000), st.sampled_from(["good", "poor", "rich", "none", ""]),
    st.text(max_size=12), st.lists(st.sampled_from(["good", "poor", "x"]), max_size=3),
    st.just("examples/alpha/pipeline.py"), st.just("https://x.example"),
)  # fmt: skip


def paths(data, prefix=()):
    """Every (path, value) in a nested structure of dicts and lists."""
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from paths(value, (*prefix, i))


ALL_PATHS = [p for p in paths(VALID) if p]


@st.composite
def mutated(draw):
    """The valid data with a few fields replaced, deleted or duplicated."""
    data = copy.deepcopy(VALID)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(ALL_PATHS))
        parent = data
        try:
            for part in path[:-1]:
                parent = parent[part]
            action = draw(st.sampled_from(["replace", "delete", "duplicate"]))
            if action == "replace":
                parent[path[-1]] = draw(values)
            elif action == "delete":
                del parent[path[-1]]
            elif isinstance(parent, list):
                parent.append(copy.deepcopy(parent[path[-1]]))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed or replaced this path
    return data


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=mutated())
def test_accepted_data_renders_and_rejected_data_gives_one_line(repo, data):
    path = write_data(repo, yaml.safe_dump(data, sort_keys=False))
    try:
        comparison = load_comparison(path, root=repo, docs_dir=repo / "docs")
    except DataError as exc:
        message = str(exc)
        assert "\n" not in message
        assert message.startswith("docs/data/comparison.yaml")
        assert "field '" in message
        return
    try:
        facts = {
            t.slug: ToolFacts(t, locked_version(t, repo), read_verification(t, repo))
            for t in comparison.tools
        }
    except SourceError:
        return  # a mutated slug or package has no lock or tests in this fixture: test_sources covers it
    for tool in comparison.tools:
        render.at_a_glance(comparison, facts[tool.slug], str)
        render.verified(facts[tool.slug])
    render.comparison_table(comparison, facts, str)
    render.evidence(comparison, str)
    render.chooser(comparison)
    render.tools_overview(comparison, facts, str)
