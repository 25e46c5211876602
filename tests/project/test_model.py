"""The comparison data's validation: a valid file loads, and every mistake gets one clear line."""

from __future__ import annotations

import pytest
import yaml
from conftest import write_data
from fieldguide.datafile import DataError, Problem
from fieldguide.model import check_against_lecture, load_comparison


def load(repo, data):
    write_data(repo, data)
    return load_comparison(repo)


def errors_for(repo, data) -> list[Problem]:
    with pytest.raises(DataError) as info:
        load(repo, data)
    lines = str(info.value).splitlines()
    assert len(lines) == len(info.value.problems)
    assert all(line.startswith("docs/data/comparison.yaml") for line in lines)
    return info.value.problems


def error_for(repo, data) -> Problem:
    (problem,) = errors_for(repo, data)
    return problem


def described(problem: Problem) -> str:
    return problem.describe("docs/data/comparison.yaml")


def test_valid_file_loads(repo, valid_data):
    data = load(repo, valid_data)
    assert [t.slug for t in data.tools] == ["alpha", "beta"]
    assert data.tool("beta").targets.name == "Beta Engine"
    assert data.criterion("local").position("good") == 2


def test_yaml_syntax_error_names_the_line(repo, valid_data):
    text = yaml.safe_dump(valid_data, sort_keys=False) + "broken: [unclosed\n"
    problem = error_for(repo, text)
    assert problem.field == "(YAML syntax)"
    assert problem.line is not None and problem.line > 1
    assert "invalid YAML" in described(problem)


def test_duplicate_key_is_refused(repo, valid_data):
    text = yaml.safe_dump(valid_data, sort_keys=False).replace(
        "glance:", "glance: [ui]\nglance:", 1
    )
    assert "duplicate key 'glance'" in described(error_for(repo, text))


def test_missing_required_field(repo, valid_data):
    del valid_data["tools"][1]["tagline"]
    problem = error_for(repo, valid_data)
    assert (problem.tool, problem.field) == ("beta", "tagline")
    assert "is required but missing" in problem.text


def test_value_outside_the_scale_names_tool_criterion_and_field(repo, valid_data):
    valid_data["tools"][0]["ratings"]["ui"]["value"] = "great"
    problem = error_for(repo, valid_data)
    assert (problem.tool, problem.criterion, problem.field) == ("alpha", "ui", "value")
    assert described(problem).endswith(
        "tool 'alpha', criterion 'ui', field 'value': 'great' is not on the scale of 'UI' (allowed: none, rich)"
    )


def test_every_mistake_is_reported_at_once(repo, valid_data):
    """Three mistakes in two tools and the chooser: three lines, one run."""
    valid_data["tools"][0]["ratings"]["ui"]["value"] = "great"
    valid_data["tools"][1]["ratings"]["local"]["evidence"] = "examples/beta/gone.py"
    valid_data["tools"][1]["licence"] = ""
    valid_data["chooser"][0]["accepts"] = ["excellent"]
    problems = errors_for(repo, valid_data)
    found = {(p.tool, p.criterion, p.field) for p in problems}
    assert found == {
        ("alpha", "ui", "value"),
        ("beta", None, "licence"),
        (None, None, "chooser.0.accepts"),
    }, "a tool whose fields fail its type checks is not checked further; the others all are"
    valid_data["tools"][1]["licence"] = "MIT"
    problems = errors_for(repo, valid_data)
    assert {(p.tool, p.criterion, p.field) for p in problems} == {
        ("alpha", "ui", "value"),
        ("beta", "local", "evidence"),
        (None, None, "chooser.0.accepts"),
    }


def test_unknown_criterion(repo, valid_data):
    valid_data["tools"][0]["ratings"]["speed"] = {
        "value": "x",
        "reason": "r",
        "evidence": "https://a.example",
    }
    problem = error_for(repo, valid_data)
    assert (problem.tool, problem.criterion) == ("alpha", "speed")
    assert "unknown criterion (criteria: local, ui)" in problem.text


def test_duplicate_tool(repo, valid_data):
    valid_data["tools"].append(valid_data["tools"][0])
    problem = error_for(repo, valid_data)
    assert (problem.tool, problem.field) == ("alpha", "slug")
    assert "duplicate tool: 'alpha' is already tool #1" in problem.text


def test_tool_with_no_page(repo, valid_data):
    (repo / "docs" / "tools" / "beta.md").unlink()
    problem = error_for(repo, valid_data)
    assert (problem.tool, problem.field) == ("beta", "slug")
    assert "has no page: create docs/tools/beta.md" in problem.text


def test_criterion_missing_for_a_tool(repo, valid_data):
    del valid_data["tools"][1]["ratings"]["ui"]
    problem = error_for(repo, valid_data)
    assert (problem.tool, problem.field) == ("beta", "ratings")
    assert "criterion 'ui' is missing" in problem.text


def test_evidence_pointing_to_a_missing_file(repo, valid_data):
    valid_data["tools"][0]["ratings"]["local"]["evidence"] = [
        "https://a.example",
        "examples/alpha/gone.py",
    ]
    problem = error_for(repo, valid_data)
    assert (problem.tool, problem.criterion, problem.field) == ("alpha", "local", "evidence")
    assert "examples/alpha/gone.py does not exist" in problem.text


def test_evidence_may_be_a_page_of_the_site(repo, valid_data):
    valid_data["tools"][0]["ratings"]["ui"]["evidence"] = "docs/tools/alpha.md#ui"
    assert load(repo, valid_data).tool("alpha").ratings["ui"].evidence == ["docs/tools/alpha.md#ui"]


def test_evidence_must_be_a_url_a_file_or_a_page(repo, valid_data):
    valid_data["tools"][0]["ratings"]["ui"]["evidence"] = "trust me"
    assert "is not evidence: give an https:// URL" in error_for(repo, valid_data).text


def test_unknown_field_is_refused(repo, valid_data):
    valid_data["tools"][0]["licnece"] = "MIT"
    problem = error_for(repo, valid_data)
    assert (problem.tool, problem.field) == ("alpha", "licnece")
    assert "not a known field" in problem.text


def test_chooser_must_accept_values_on_the_scale(repo, valid_data):
    valid_data["chooser"][0]["accepts"] = ["excellent"]
    problem = error_for(repo, valid_data)
    assert problem.field == "chooser.0.accepts"
    assert "(allowed: poor, good)" in problem.text


def test_error_points_at_the_offending_line(repo, valid_data):
    valid_data["tools"][1]["ratings"]["ui"]["value"] = "great"
    path = write_data(repo, valid_data)
    problem = error_for(repo, path.read_text())
    assert "great" in path.read_text().splitlines()[problem.line - 1]


def test_unreadable_file(repo):
    with pytest.raises(DataError, match=r"cannot be read"):
        load_comparison(repo, path=repo / "missing.yaml")


def test_only_a_draft_may_leave_a_criterion_unrated(repo, valid_data):
    valid_data["tools"][1]["ratings"]["ui"]["value"] = "not yet rated"  # beta is a draft
    assert load(repo, valid_data).tool("beta").ratings["ui"].value == "not yet rated"
    valid_data["tools"][0]["ratings"]["ui"]["value"] = "not yet rated"
    problem = error_for(repo, valid_data)
    assert (problem.tool, problem.criterion, problem.field) == ("alpha", "ui", "value")
    assert "only a draft tool may leave a criterion 'not yet rated'" in problem.text


def test_only_a_draft_may_omit_its_package(repo, valid_data):
    del valid_data["tools"][1]["package"]
    assert load(repo, valid_data).tool("beta").package is None
    del valid_data["tools"][0]["package"]
    problem = error_for(repo, valid_data)
    assert (problem.tool, problem.field) == ("alpha", "package")
    assert "is required once the tool is no longer a draft" in problem.text


def test_a_cell_that_differs_from_the_lecture_must_say_why(repo, valid_data):
    del valid_data["tools"][0]["ratings"]["local"]["changed_because"]
    data = load(repo, valid_data)
    with pytest.raises(DataError) as info:
        check_against_lecture(repo, data, {("alpha", "local"): "poor"})
    (problem,) = info.value.problems
    assert (problem.tool, problem.criterion, problem.field) == ("alpha", "local", "changed_because")
    assert "maps to 'poor' here: say why it is now 'good'" in problem.text
    assert problem.line is not None


def test_only_a_cell_that_differs_from_the_lecture_may_say_why(repo, valid_data):
    data = load(repo, valid_data)
    check_against_lecture(repo, data, {("alpha", "local"): "poor"})  # differs, and says why
    with pytest.raises(DataError, match=r"only allowed where the value differs"):
        check_against_lecture(repo, data, {("alpha", "local"): "good"})
