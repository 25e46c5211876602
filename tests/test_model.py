"""The data file's validation: a valid file loads, and each kind of bad input gets one clear line."""

from __future__ import annotations

import pytest
import yaml
from conftest import write_data
from fieldguide.model import DataError, load_comparison


def load(repo, data):
    path = write_data(repo, data)
    return load_comparison(path, root=repo, docs_dir=repo / "docs")


def error_for(repo, data) -> DataError:
    with pytest.raises(DataError) as info:
        load(repo, data)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith("docs/data/comparison.yaml")
    return info.value


def test_valid_file_loads(repo, valid_data):
    data = load(repo, valid_data)
    assert [t.slug for t in data.tools] == ["alpha", "beta"]
    assert data.tool("alpha").ratings["local"].changed
    assert not data.tool("beta").ratings["local"].changed


def test_yaml_syntax_error_names_the_line(repo, valid_data):
    text = yaml.safe_dump(valid_data, sort_keys=False) + "broken: [unclosed\n"
    error = error_for(repo, text)
    assert error.field == "(YAML syntax)"
    assert error.line is not None and error.line > 1
    assert "invalid YAML" in str(error)


def test_duplicate_key_is_refused(repo, valid_data):
    text = yaml.safe_dump(valid_data, sort_keys=False).replace(
        "glance:", "glance: [ui]\nglance:", 1
    )
    assert "duplicate key 'glance'" in str(error_for(repo, text))


def test_missing_required_field(repo, valid_data):
    del valid_data["tools"][1]["tagline"]
    error = error_for(repo, valid_data)
    assert (error.tool, error.field) == ("beta", "tagline")
    assert "is required but missing" in str(error)


def test_value_outside_the_scale_lists_what_is_allowed(repo, valid_data):
    valid_data["tools"][0]["ratings"]["ui"]["value"] = "great"
    error = error_for(repo, valid_data)
    assert (error.tool, error.field) == ("alpha", "ratings.ui.value")
    assert "'great' is not on the scale of 'UI' (allowed: none, rich)" in str(error)


def test_unknown_criterion(repo, valid_data):
    valid_data["tools"][0]["ratings"]["speed"] = {
        "value": "x",
        "reason": "r",
        "evidence": "https://a.example",
    }
    error = error_for(repo, valid_data)
    assert (error.tool, error.field) == ("alpha", "ratings.speed")
    assert "unknown criterion 'speed' (criteria: local, ui)" in str(error)


def test_duplicate_tool(repo, valid_data):
    valid_data["tools"].append(valid_data["tools"][0])
    error = error_for(repo, valid_data)
    assert (error.tool, error.field) == ("alpha", "slug")
    assert "duplicate tool: 'alpha' is already tool #1" in str(error)


def test_tool_with_no_page(repo, valid_data):
    (repo / "docs" / "tools" / "beta.md").unlink()
    error = error_for(repo, valid_data)
    assert (error.tool, error.field) == ("beta", "slug")
    assert "has no page: create docs/tools/beta.md" in str(error)


def test_criterion_missing_for_a_tool(repo, valid_data):
    del valid_data["tools"][1]["ratings"]["ui"]
    error = error_for(repo, valid_data)
    assert (error.tool, error.field) == ("beta", "ratings")
    assert "criterion 'ui' is missing" in str(error)


def test_evidence_pointing_to_a_missing_file(repo, valid_data):
    valid_data["tools"][0]["ratings"]["local"]["evidence"] = "examples/alpha/gone.py"
    error = error_for(repo, valid_data)
    assert (error.tool, error.field) == ("alpha", "ratings.local.evidence")
    assert "examples/alpha/gone.py does not exist" in str(error)


def test_evidence_must_be_a_url_or_a_repository_path(repo, valid_data):
    valid_data["tools"][0]["ratings"]["ui"]["evidence"] = "trust me"
    assert "evidence must be an https:// URL" in str(error_for(repo, valid_data))


def test_changed_cell_needs_a_reason(repo, valid_data):
    del valid_data["tools"][0]["ratings"]["local"]["changed_because"]
    error = error_for(repo, valid_data)
    assert error.field == "ratings.local.changed_because"
    assert "the lecture rated this 'poor': say why it is now 'good'" in str(error)


def test_change_reason_only_where_the_value_changed(repo, valid_data):
    valid_data["tools"][1]["ratings"]["local"]["changed_because"] = "No reason."
    assert "only allowed where the value differs" in str(error_for(repo, valid_data))


def test_unknown_field_is_refused(repo, valid_data):
    valid_data["tools"][0]["licnece"] = "MIT"
    error = error_for(repo, valid_data)
    assert (error.tool, error.field) == ("alpha", "licnece")
    assert "not a known field" in str(error)


def test_chooser_must_accept_values_on_the_scale(repo, valid_data):
    valid_data["chooser"][0]["accepts"] = ["excellent"]
    error = error_for(repo, valid_data)
    assert error.field == "chooser.0.accepts"
    assert "(allowed: poor, good)" in str(error)


def test_error_points_at_the_offending_line(repo, valid_data):
    valid_data["tools"][1]["ratings"]["ui"]["value"] = "great"
    path = write_data(repo, valid_data)
    lines = path.read_text().splitlines()
    error = error_for(repo, path.read_text())
    assert "great" in lines[error.line - 1]


def test_unreadable_file(repo):
    with pytest.raises(DataError, match="cannot be read"):
        load_comparison(repo / "missing.yaml", root=repo, docs_dir=repo / "docs")


def test_only_a_draft_may_leave_a_criterion_unrated(repo, valid_data):
    valid_data["tools"][1]["ratings"]["ui"]["value"] = "not yet rated"  # beta is a draft
    assert load(repo, valid_data).tool("beta").ratings["ui"].value == "not yet rated"
    valid_data["tools"][0]["ratings"]["ui"]["value"] = "not yet rated"
    error = error_for(repo, valid_data)
    assert (error.tool, error.field) == ("alpha", "ratings.ui.value")
    assert "only a draft tool may leave a criterion 'not yet rated'" in str(error)


def test_only_a_draft_may_omit_its_package(repo, valid_data):
    del valid_data["tools"][1]["package"]
    assert load(repo, valid_data).tool("beta").package is None
    del valid_data["tools"][0]["package"]
    error = error_for(repo, valid_data)
    assert (error.tool, error.field) == ("alpha", "package")
    assert "is required once the tool is no longer a draft" in str(error)
