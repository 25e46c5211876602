"""The bookkeeping the cache hooks share: a full build removes the entries it did not use."""

from __future__ import annotations

from types import SimpleNamespace

from fieldguide.entry_cache import EntryCache


def site(tmp_path, *pages: str):
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    files = SimpleNamespace(documentation_pages=lambda: [SimpleNamespace(src_uri=p) for p in pages])  # fmt: skip
    return config, files


def build(cache: EntryCache, config, files, *, through: list[str], keys: list[str]) -> None:
    """A build going through the pages `through`, looking up the entries `keys`."""
    cache.start(config)
    cache.site_has(files)
    for page in through:
        cache.pages.add(page)
    for key in keys:
        cache.store(cache.entry(key), key)
    cache.finish()


def test_a_full_build_removes_what_it_did_not_look_up_and_a_partial_one_keeps_it(tmp_path):
    cache = EntryCache("things")
    config, files = site(tmp_path, "a.md", "b.md")
    build(cache, config, files, through=["a.md", "b.md"], keys=["one", "two"])
    folder = tmp_path / ".cache" / "things"
    assert sorted(p.name for p in folder.iterdir()) == ["one.json", "two.json"]
    assert (folder / "one.json").read_text() == "one"
    # A --dirty preview goes through a.md only: "two" may be b.md's, and stays.
    build(cache, config, files, through=["a.md"], keys=["one"])
    assert sorted(p.name for p in folder.iterdir()) == ["one.json", "two.json"]
    build(cache, config, files, through=["a.md", "b.md"], keys=["two"])
    assert sorted(p.name for p in folder.iterdir()) == ["two.json"]
    assert cache.folder is None  # until the next build: another site is not its business


def test_other_patterns_are_pruned_only_when_asked_and_a_failed_build_prunes_nothing(tmp_path):
    cache = EntryCache("things")
    config, files = site(tmp_path, "a.md")
    folder = cache.start(config)
    (folder / "old.html").write_text("")
    (folder / "kept.txt").write_text("")
    cache.site_has(files)
    cache.pages.add("a.md")
    cache.finish("*.json", "*.html")
    assert sorted(p.name for p in folder.iterdir()) == ["kept.txt"]
    cache.start(config)
    cache.pages.add("a.md")  # every page gone through, but the build then failed
    cache.store(cache.entry("unused"), "x")
    cache.used.clear()
    cache.stop()  # on_build_error
    cache.finish()
    assert (folder / "unused.json").exists()
    assert not list(folder.glob("*.tmp"))
