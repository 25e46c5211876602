"""The search indexes a page's prose and inline code, not its listings; the page keeps them."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, write
from mkdocs.commands.build import build
from mkdocs.config import load_config

PAGE = """# Retries

Set `retries=2` on the task.

```python
@task(retries=2)
def flaky_listing_body(): ...
```

Then it runs twice.
"""


def build_small_site(tmp_path, *, hooked: bool) -> tuple[str, str]:
    """A one-page Material site with a code listing: its search text and its page's HTML."""
    hook = ROOT / "overrides" / "hooks" / "search_listings.py"
    config = {
        "site_name": "t",
        "theme": {"name": "material"},
        "plugins": ["search"],
        "markdown_extensions": ["pymdownx.highlight", "pymdownx.superfences"],
        "hooks": [str(hook)] if hooked else [],
    }
    write(tmp_path / "docs" / "index.md", PAGE)
    write(tmp_path / "mkdocs.yml", json.dumps(config))  # JSON is YAML
    build(load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    index = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text())
    text = " ".join(doc["text"] for doc in index["docs"])
    return text, (tmp_path / "site" / "index.html").read_text()


@pytest.mark.parametrize("hooked", [True, False], ids=["with the hook", "without it"])
def test_listings_stay_on_the_page_and_only_the_hook_keeps_them_out_of_the_index(tmp_path, hooked):  # fmt: skip
    text, page = build_small_site(tmp_path, hooked=hooked)
    assert "Then it runs twice." in text and "<code>retries=2</code>" in text
    assert ("flaky_listing_body" in text) is not hooked
    assert "flaky_listing_body" in page and "fieldguide-listing" not in page
