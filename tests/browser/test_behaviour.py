"""What a reader does: search, tabs, the colour scheme, the chooser, the phone menu, a wrong URL."""

from __future__ import annotations

import itertools
import json
import re

import pytest
from conftest import SITE, shot
from fieldguide.facts import load_site
from playwright.sync_api import expect


@pytest.fixture(scope="module")
def data():
    return load_site().data


def search_finds(page, words: str, target: str) -> None:
    """Type into the search box, as a reader does, and wait for a result that links to target."""
    box = page.locator(".md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(words)  # typed: the search reacts to key presses
    expect(page.locator(f".md-search-result__item a[href*='{target}']").first).to_be_visible()


def test_search_finds_a_tool_and_a_criterion(visit):
    page = visit("").page
    search_finds(page, "Tekton", "tools/tekton/")
    search_finds(page, "Local development", "comparison/?h=local+development#local-development")


def test_the_search_index_is_downloaded_only_once_the_reader_starts_to_search(visit):
    seen = visit("tools/airflow/", size="phone")
    page = seen.page

    def index_requests():
        return [u for u in seen.requests if u.endswith("/search/search_index.json")]

    page.wait_for_timeout(500)  # time for a request the theme would make as it loads
    assert not index_requests(), "the index was downloaded before anyone searched"
    page.locator("label[for='__search']").first.click()  # the phone header's search button
    page.locator(".md-search__input").press_sequentially("caching")
    expect(page.locator(".md-search-result__item a[href*='concepts/caching/']").first).to_be_visible()  # fmt: skip
    assert index_requests()


def test_a_search_downloads_the_parts_its_word_needs_and_shows_the_text_marked(visit):
    """The index is in parts (fieldguide/search.py): typing "caching" reads the terms that start
    with "c", and the text of the best-ranked pages, not of every page."""
    seen = visit("")
    search_finds(seen.page, "caching", "concepts/caching/")
    best = seen.page.locator(".md-search-result__item").first
    # Its titles come first; its text follows once typing stops, with the word marked in it.
    expect(best.locator("article p mark", has_text="Caching").first).to_be_visible()
    parts = [u.split("/search/", 1)[1].split("/", 1)[1] for u in seen.requests if re.search(r"/search/[0-9a-f]{10}/", u)]  # fmt: skip
    terms = sorted(p for p in parts if p.startswith("terms/"))
    assert terms == ["terms/63.json"]  # "c", hex-encoded
    texts = [p for p in parts if p.startswith("text/")]
    pages = len(json.loads((SITE / "search" / "search_index.json").read_text())["config"]["parts"]["text_bytes"])  # fmt: skip
    assert 1 <= len(texts) < pages


ACTIVE_TABS = """() => [...document.querySelectorAll(".tabbed-set > input:checked")]
  .map(input => document.querySelector(`label[for="${input.id}"]`).innerText.trim())"""


def active_tabs(page) -> list[str]:
    """The label of the open tab in each tab set of the page."""
    return page.evaluate(ACTIVE_TABS)


def test_linked_tabs_switch_together_and_survive_navigation(visit):
    seen = visit("concepts/parameters/")
    page = seen.page
    page.locator(".tabbed-labels label", has_text="Dagster").first.click()
    assert active_tabs(page) == ["Dagster"]
    seen.open("concepts/caching/")
    assert active_tabs(seen.page) == ["Dagster"]
    shot(seen.page, "concepts-caching-dagster-tab")


def test_a_link_to_a_tools_tab_opens_it(visit):
    page = visit("concepts/retries-and-timeouts/#prefect").page
    assert active_tabs(page) == ["Prefect"]


def test_the_colour_scheme_toggle_persists(visit):
    seen = visit("", scheme="light")
    page = seen.page
    for _ in range(2):  # auto -> light -> dark
        page.locator("form[data-md-component='palette'] label:visible").first.click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    seen.open("comparison/")
    assert seen.page.evaluate("document.body.dataset.mdColorScheme") == "slate"


CHOOSE_ALL = """(names) => {
  const form = document.getElementById("guide-chooser"), out = {};
  const boxes = names.map(n => form.elements[n]);
  for (let mask = 0; mask < (1 << boxes.length); mask++) {
    boxes.forEach((box, i) => { box.checked = !!(mask & (1 << i)); });
    form.dispatchEvent(new Event("change"));
    out[mask] = [...document.querySelectorAll("#guide-comparison thead th.guide-fit")]
      .map(th => th.dataset.tool);
  }
  boxes.forEach(box => { box.checked = false; });
  form.dispatchEvent(new Event("change"));
  return out;
}"""


def test_every_chooser_path_gives_the_tools_the_data_says(visit, data):
    page = visit("comparison/").page
    names = [q.id for q in data.chooser]
    shown = page.evaluate(CHOOSE_ALL, names)
    for mask in range(1 << len(names)):
        ticked = [n for i, n in enumerate(names) if mask & (1 << i)]
        expected = [t.slug for t in data.fits(ticked)] if ticked else []
        assert shown[str(mask)] == expected, f"ticked {ticked}"


def test_every_chooser_box_narrows_the_result_somewhere(data):
    for question in data.chooser:
        others = [q.id for q in data.chooser if q is not question]
        assert any(
            len(data.fits([*combo, question.id])) < len(data.fits(list(combo)))
            for r in range(3)
            for combo in itertools.combinations(others, r)
        ), f"ticking '{question.label}' never narrows the result"


def test_the_chooser_works_by_keyboard_and_announces_its_result(visit, data):
    seen = visit("comparison/")
    page = seen.page
    first, second = data.chooser[0], data.chooser[1]
    page.locator(f"input[name='{first.id}']").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    status = page.locator("#guide-chooser [role='status']")
    assert status.get_attribute("aria-live") == "polite"
    expected = ", ".join(t.name for t in data.fits([first.id, second.id]))
    expect(status).to_contain_text(expected)
    shot(page, "chooser-keyboard")


def test_the_phone_menu_opens_and_navigates(visit):
    seen = visit("", size="phone")
    page = seen.page
    page.locator("label.md-header__button[for='__drawer']").click()
    link = page.locator(".md-nav--primary a.md-nav__link", has_text="Comparison").first
    expect(link).to_be_visible()
    # The drawer slides in: wait until it has stopped at the screen's left edge for the picture.
    drawer = page.locator(".md-sidebar--primary")
    page.wait_for_function("el => el.getBoundingClientRect().left === 0", arg=drawer.element_handle())  # fmt: skip
    page.wait_for_timeout(300)  # and for the page behind it to finish dimming
    shot(page, "phone-menu-open")
    link.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/comparison/")


def test_an_unknown_url_gets_the_sites_404_page_styled_under_the_sub_path(visit):
    seen = visit("no-such-page/")
    page = seen.page
    assert "404" in page.locator("h1").first.inner_text()
    stylesheets = [u for u in seen.requests if u.endswith(".css")]
    assert stylesheets, "the 404 page loaded no stylesheet"
    failed = page.evaluate("() => performance.getEntriesByType('resource').filter(e => e.responseStatus >= 400).map(e => e.name)")  # fmt: skip
    assert failed == [], failed
    assert page.locator(".md-header").is_visible()
    shot(page, "404")
