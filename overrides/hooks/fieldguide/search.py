"""The search index in parts, so that a search downloads what it needs and not the whole index.

Material's search downloads one `search/search_index.json` with the whole text of every section
(86 KB compressed here) before it answers the first query. `split_index(site)` rewrites that
file after a build into:

- `search/search_index.json`: the theme's search configuration and every section's location and
  title, and nothing else. The theme's bundle still downloads it, once the reader starts to
  search (`overrides/theme/main.html`), and hands it to the worker.
- `search/<version>/terms/<key>.json`: the index's terms, split by their first letter (`key`,
  hex-encoded for the file name): for each term, the sections it appears in and how often, in
  the title and in the text. A query reads the parts its words start with.
- `search/<version>/text/<n>.json`: page `n`'s sections' text, read for the best-ranked pages of
  a result only, up to `TEXT_BUDGET_BYTES` of them.

`version` is a hash of what is written, so a browser that cached the small index from one build
never reads another build's parts. The worker that answers queries from these files is
`docs/assets/javascripts/workers/search.js`; the hook that swaps it in for the theme's is
`overrides/hooks/partial_search.py`. The worker splits a query as `words` splits text: lower
case, on the theme's separator, non-word characters trimmed from both ends. The index also holds
a word with dots, slashes or `=` in it by its parts, so `dsl.parallelfor` and `parallelfor` both
find `dsl.ParallelFor`.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import html
import json
import re
import shutil
from collections import Counter, defaultdict
from pathlib import Path

STOP_WORDS = frozenset(
    ("a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "if",
     "in", "into", "is", "it", "its", "of", "on", "or", "so", "than", "that", "the", "their",
     "then", "there", "these", "they", "this", "to", "was", "were", "which", "will", "with")
)  # fmt: skip
"""Words too common to find anything with; the worker drops them from a query too."""

TEXT_BUDGET_BYTES = 24 * 1024
"""How much page text (compressed) one query may download: the best-ranked page always, then the
next ones while they fit. The other results show their titles only."""

TAG = re.compile(r"<[^>]+>")
EDGE = re.compile(r"^[^\w]+|[^\w]+$")
PARTS = re.compile(r"[./=:_()\[\],]+")


def words(text: str, separator: str) -> list[str]:
    """The words a search can find in an index text (HTML) or title, in order, repeats kept."""
    plain = html.unescape(TAG.sub(" ", text)).lower()
    return [word for token in re.split(separator, plain) for word in _forms(token)]


@functools.lru_cache(maxsize=65536)  # a site's text repeats its words: each is trimmed once
def _forms(token: str) -> tuple[str, ...]:
    """One token as the search finds it: trimmed, then whole and by its parts, no stop words."""
    token = EDGE.sub("", token)
    parts = [EDGE.sub("", part) for part in PARTS.split(token)] if token else []
    forms = [token, *(p for p in parts if p and p != token)] if len(parts) > 1 else [token]
    return tuple(form for form in forms if form and form not in STOP_WORDS)


# The preview splits again on every save, and most sections are the same as before.
@functools.lru_cache(maxsize=4096)
def _counts(title: str, text: str, separator: str) -> tuple[Counter, Counter]:
    """How often each word is in a section's title and in its text (read only, shared)."""
    return Counter(words(title, separator)), Counter(words(text, separator))


def shard_key(term: str) -> str:
    """Which part of the index holds a term: its first letter (or digit)."""
    return term[:1]


def file_name(key: str) -> str:
    return key.encode("utf-8").hex() + ".json"


def _compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def split(index: dict) -> tuple[dict, dict[str, str]]:
    """Material's index (`config`, `docs`) as the small index and its parts, by relative path."""
    config, docs = index["config"], index["docs"]
    separator = config["separator"]
    pages: dict[str, int] = {}
    titles = []
    texts: dict[int, dict[str, str]] = defaultdict(dict)
    postings: dict[str, dict[int, list[int]]] = defaultdict(dict)
    for number, doc in enumerate(docs):
        page = pages.setdefault(doc["location"].split("#")[0], len(pages))
        titles.append({"location": doc["location"], "title": doc["title"], "page": page})
        text = re.sub(r"\s{2,}", " ", doc["text"]).strip()
        texts[page][str(number)] = text
        for field, counts in enumerate(_counts(doc["title"], text, separator)):
            for term, count in counts.items():
                postings[term].setdefault(number, [number, 0, 0])[field + 1] = count
    shards: dict[str, dict[str, list]] = defaultdict(dict)
    for term in sorted(postings):
        shards[shard_key(term)][term] = sorted(postings[term].values())
    parts = {f"terms/{file_name(key)}": _compact(terms) for key, terms in shards.items()}
    parts |= {f"text/{page}.json": _compact(text) for page, text in texts.items()}
    version = hashlib.sha256("".join(f"{p}\n{c}" for p, c in sorted(parts.items())).encode()).hexdigest()[:10]  # fmt: skip
    text_bytes = [_gzip_size(parts[f"text/{page}.json"]) for page in range(len(pages))]
    small = {
        "config": {
            **config,
            "parts": {
                "path": f"search/{version}/",
                "keys": sorted(shards),
                "text_bytes": text_bytes,
                "text_budget": TEXT_BUDGET_BYTES,
                "stop_words": sorted(STOP_WORDS),
            },
        },
        "docs": titles,
    }
    return small, {f"{version}/{path}": content for path, content in parts.items()}


def _gzip_size(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), compresslevel=6))


def split_index(site: Path, cache: Path | None = None) -> bool:
    """Rewrite a built site's Material search index into parts; False if it has none to split.

    With a `cache` folder, the parts of an index split before are copied from it, not split
    again: a rebuild with nothing changed writes the same index, so it costs a copy."""
    index = site / "search" / "search_index.json"
    if not index.is_file():
        return False
    raw = index.read_bytes()
    data = json.loads(raw)
    if "parts" in data["config"]:
        return True  # split already: a second run finds its own output
    for old in index.parent.iterdir():
        if old.is_dir():  # an earlier build's parts (mkdocs serve keeps the site folder)
            shutil.rmtree(old)
    kept = cache / hashlib.sha256(raw).hexdigest()[:16] if cache else None
    if kept and (kept / "search_index.json").is_file():
        shutil.copytree(kept, index.parent, dirs_exist_ok=True)
        return True
    small, parts = split(data)
    for path, content in parts.items():
        target = index.parent / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    index.write_text(_compact(small), encoding="utf-8")
    if kept:
        _keep(index.parent, kept)
    return True


def _keep(search: Path, kept: Path) -> None:
    """Copy a split into the cache, in place of any earlier one (only the last is ever reused)."""
    if kept.parent.is_dir():
        shutil.rmtree(kept.parent)
    partial = kept.with_name(kept.name + ".partial")
    shutil.copytree(search, partial)
    partial.rename(kept)  # whole or absent, for a build running beside this one


def documents(site: Path) -> list[dict]:
    """Every section as Material's index had it (`location`, `title`, `text`), read back from
    the parts: for tests, and for anyone checking what the search can find."""
    search = site / "search"
    small = json.loads((search / "search_index.json").read_text(encoding="utf-8"))
    path = site / small["config"]["parts"]["path"]
    texts: dict[int, dict[str, str]] = {}
    found = []
    for number, doc in enumerate(small["docs"]):
        if doc["page"] not in texts:
            texts[doc["page"]] = json.loads((path / "text" / f"{doc['page']}.json").read_text(encoding="utf-8"))  # fmt: skip
        found.append({"location": doc["location"], "title": doc["title"], "text": texts[doc["page"]][str(number)]})  # fmt: skip
    return found


def most_a_search_downloads(site: Path, words_typed: int = 1) -> int:
    """The most that a first search of `words_typed` words can download, compressed, in bytes.

    The small index; for each word, the part of the terms its first letter names (the largest
    ones); and the page text one query may read (the budget, or the largest page's text when that
    alone is larger)."""
    search = site / "search"
    small = (search / "search_index.json").read_text(encoding="utf-8")
    parts = json.loads(small)["config"]["parts"]
    terms = site / parts["path"] / "terms"
    sizes = {p.name: _gzip_size(p.read_text(encoding="utf-8")) for p in terms.iterdir()}
    shards = sum(sorted(sizes.values(), reverse=True)[:words_typed])
    text = max(parts["text_budget"], max(parts["text_bytes"]))
    return _gzip_size(small) + shards + text
