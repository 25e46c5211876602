"""Where the repository is, which Markdown sources are tool and concept pages, and how a page asks
for a generated block: what the Markdown extension checks on every page it converts.

It imports no data model (pydantic alone costs about 0.1 s to import), so that a build which
converts no page with generated blocks, such as a rebuild whose pages all come from
`overrides/hooks/page_cache.py`, never loads the site's data.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
"""The repository: the data, examples and tests the site shows are read from here."""

MARKER = re.compile(r"(?<!`)<!--\s*guide:([a-z-]+)([^>]*?)\s*-->")
"""`<!-- guide:<name> <arguments> -->`: where a page's generated block goes."""

TOOL_PAGE = re.compile(r"^tools/([a-z0-9-]+)\.md$")
CONCEPT_PAGE = re.compile(r"^concepts/([a-z0-9-]+)\.md$")
