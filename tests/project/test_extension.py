"""The Markdown extension: it finds the page under either builder, fills it, and fails clearly."""

from __future__ import annotations

from types import SimpleNamespace

import markdown
import pytest
from conftest import write, write_data
from fieldguide.extension import GuideError, GuideExtension, current_page
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from mkdocs.exceptions import BuildError


class MkDocsRelpath(Treeprocessor):
    """What MkDocs registers as `relpath`: it holds the page's file."""

    def __init__(self, md, src_uri):
        super().__init__(md)
        self.file = SimpleNamespace(src_uri=src_uri)

    def run(self, root):
        return root


class ContextPreprocessor(Preprocessor):
    """What Zensical registers: it carries the page context."""

    def __init__(self, md, path):
        super().__init__(md)
        self.page = SimpleNamespace(path=path)

    def run(self, lines):
        return lines


def convert(repo, text: str, *, mkdocs: str | None = None, zensical: str | None = None) -> str:
    md = markdown.Markdown(extensions=["admonition", "tables", GuideExtension(root=str(repo))])
    if mkdocs:
        md.treeprocessors.register(MkDocsRelpath(md, mkdocs), "relpath", 0)
    if zensical:
        md.preprocessors.register(ContextPreprocessor(md, zensical), "rendering_context", 0)
    return md.convert(text)


def test_the_page_is_found_under_either_builder(repo):
    md = markdown.Markdown()
    assert current_page(md) is None
    md.treeprocessors.register(MkDocsRelpath(md, "tools/alpha.md"), "relpath", 0)
    assert current_page(md) == ("tools/alpha.md", None)
    md = markdown.Markdown()
    md.preprocessors.register(ContextPreprocessor(md, "tools/alpha.md"), "rendering_context", 0)
    assert current_page(md) == ("tools/alpha.md", None)


def test_markers_render_the_same_under_either_builder(repo):
    text = "Cited: <!-- guide:rating alpha ui -->"
    write(repo / "docs" / "notes.md", text)
    mkdocs = convert(repo, text, mkdocs="notes.md")
    assert mkdocs == convert(repo, text, zensical="notes.md")
    assert '<a href="comparison.md#ui">Alpha — UI: <strong>rich</strong></a>' in mkdocs


def test_a_page_without_markers_loads_nothing(repo):
    (repo / "docs" / "data" / "comparison.yaml").write_text("not: [valid")
    assert convert(repo, "# Plain\n", mkdocs="notes.md") == "<h1>Plain</h1>"


def test_a_data_error_stops_the_build_as_one_line_per_problem(repo, valid_data):
    valid_data["tools"][0]["ratings"]["ui"]["value"] = "great"
    valid_data["tools"][1]["ratings"]["local"]["value"] = "fair"
    write_data(repo, valid_data)
    with pytest.raises(GuideError) as info:
        convert(repo, "<!-- guide:rating alpha ui -->", mkdocs="notes.md")
    assert isinstance(info.value, BuildError)  # MkDocs prints it without a traceback
    lines = str(info.value).splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("docs/data/comparison.yaml:")
    assert "tool 'alpha', criterion 'ui', field 'value': 'great' is not on the scale" in lines[0]
    assert "tool 'beta', criterion 'local', field 'value': 'fair' is not on the scale" in lines[1]


def test_a_missing_include_names_the_page_line_and_file(repo):
    text = '# Alpha\n\n```python\n--8<-- "examples/alpha/gone.py"\n```\n'
    with pytest.raises(
        GuideError,
        match=r"docs/notes.md:4: includes examples/alpha/gone.py, which does not exist: create it",
    ):
        convert(repo, text, mkdocs="notes.md")
    text = '```python\n--8<-- "examples/alpha/pipeline.py:flow"\n```\n'
    with pytest.raises(
        GuideError, match=r"includes section 'flow' of examples/alpha/pipeline.py, which has no"
    ):
        convert(repo, text, mkdocs="notes.md")
