"""MkDocs hook: Material's search indexes each page's prose and inline code, not its listings.

The concept pages show ten tools' code each, and Pygments wraps every token of it in a `<span>`.
Material's search plugin reads each page's HTML tag by tag, in Python: most of what it read was
code listings, which took five sixths of its time and half of the index that the first search
downloads. A reader searches prose, headings and inline code (`retries=`, `dsl.ParallelFor`);
a search that finds a page's prose leads to its listings.

So each listing is set aside, a placeholder in its place, just before the search plugin reads
the page, and put back just after, before the theme writes the page. Zensical runs no MkDocs
hooks and indexes with its own search.
"""

from __future__ import annotations

import re

from mkdocs.plugins import CombinedEvent, event_priority

CODE_LISTING = re.compile(r"<pre\b[^>]*>.*?</pre>", re.S)
PLACEHOLDER = re.compile(r"<!--fieldguide-listing-(\d+)-->")
_set_aside: dict[str, list[str]] = {}
"""Each page's listings while the search plugin reads it, by the page's source path."""


@event_priority(50)  # before Material's search plugin (priority 0) reads page.content
def _set_listings_aside(context, page, config, nav):
    listings: list[str] = []

    def aside(match: re.Match) -> str:
        listings.append(match[0])
        return f"<!--fieldguide-listing-{len(listings) - 1}-->"

    page.content = CODE_LISTING.sub(aside, page.content)
    _set_aside[page.file.src_uri] = listings
    return context


@event_priority(-50)  # after it, and before the theme renders the page
def _put_listings_back(context, page, config, nav):
    listings = _set_aside.pop(page.file.src_uri, [])
    page.content = PLACEHOLDER.sub(lambda match: listings[int(match[1])], page.content)
    return context


on_page_context = CombinedEvent(_set_listings_aside, _put_listings_back)
