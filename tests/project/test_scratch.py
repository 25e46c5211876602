"""The benchmark's bare Material build is the real site's config less its machinery, and no less."""

from __future__ import annotations

import yaml
from conftest import ROOT
from fieldguide.scratch import bare_config
from test_site import _MkDocsLoader


def test_the_bare_config_has_no_fieldguide_mkdocstrings_or_hooks_and_keeps_the_rest():
    ours = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=_MkDocsLoader)
    bare = yaml.load(bare_config((ROOT / "mkdocs.yml").read_text()), Loader=_MkDocsLoader)
    assert ours["hooks"] and "hooks" not in bare
    names = [e if isinstance(e, str) else next(iter(e)) for e in bare["markdown_extensions"]]
    assert "fieldguide.extension" not in names
    assert [p for p in bare["plugins"] if p != "search"] == []
    assert {k: v for k, v in ours.items() if k not in ("hooks", "plugins", "markdown_extensions")} == {k: v for k, v in bare.items() if k not in ("plugins", "markdown_extensions")}  # fmt: skip
    assert len(names) == len(ours["markdown_extensions"]) - 1
