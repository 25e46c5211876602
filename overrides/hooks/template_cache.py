"""MkDocs hook: the theme's and mkdocstrings' Jinja templates are compiled once, not every build.

Every build compiled about 70 templates (Material's base and partials, mkdocstrings' Python
handler) before it rendered a page: about 0.3 s of each build and of each restart of the
preview. Jinja's own bytecode cache keeps the compiled code in `.cache/jinja/` beside
mkdocs.yml, and checks every template's source against it, so an edited or upgraded template
is compiled afresh. A fresh clone, and CI, compile once.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemBytecodeCache


def _cache(config) -> FileSystemBytecodeCache:
    folder = Path(config.config_file_path).parent / ".cache" / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))


def on_pre_build(config):
    # mkdocstrings renders while the pages are read, before on_env: its environment, now.
    if "mkdocstrings" in config.plugins:
        config.plugins["mkdocstrings"].get_handler("python").env.bytecode_cache = _cache(config)


def on_env(env, config, files):
    env.bytecode_cache = _cache(config)
    return env
