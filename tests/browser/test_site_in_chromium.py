"""What a reader sees: the built site in headless Chromium, light and dark, desktop and phone.

Run by `nox -s browser` after a strict build. It needs Debian's `chromium` and `chromium-driver`
(no browser is downloaded) and writes screenshots to `screenshots/` for a human to look at.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest
from fieldguide.model import load_comparison
from fieldguide.pages import DATA_FILE
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"
SHOTS = ROOT / "screenshots"
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
PAGES = ["", "choose/", "comparison/", "tools/airflow/", "tools/tekton/", "reference/"]
SIZES = {"desktop": (1280, 900), "phone": (375, 800)}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def base_url():
    if not (SITE / "index.html").exists():
        pytest.fail("site/ is not built: run nox -s browser (it builds first)", pytrace=False)
    handler = functools.partial(QuietHandler, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        pytest.fail(
            f"{', '.join(missing)} missing: apt-get install chromium chromium-driver", pytrace=False
        )
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    SHOTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()


def show(driver, url: str, scheme: str, size: str) -> None:
    driver.set_window_size(*SIZES[size])
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-color-scheme", "value": scheme}]},
    )
    driver.get(url)
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )


def shot(driver, name: str) -> None:
    driver.save_screenshot(str(SHOTS / f"{name}.png"))


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.strip("/") or "home")
def test_page_reads_well(browser, base_url, page, scheme, size):
    show(browser, base_url + page, scheme, size)
    expected = "slate" if scheme == "dark" else "default"
    assert browser.execute_script("return document.body.dataset.mdColorScheme") == expected
    assert browser.find_element(By.TAG_NAME, "h1").text
    overflow = browser.execute_script(
        "return document.documentElement.scrollWidth - window.innerWidth"
    )
    assert overflow <= 1, f"{page or 'home'} scrolls sideways by {overflow}px at {SIZES[size][0]}px"
    shot(browser, f"{(page.strip('/') or 'home').replace('/', '-')}-{scheme}-{size}")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.strip("/") or "home")
def test_nothing_is_requested_from_another_host(browser, base_url, page):
    show(browser, base_url + page, "light", "desktop")
    urls = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    foreign = [u for u in urls if not u.startswith(base_url) and not u.startswith("data:")]
    assert not foreign, f"{page or 'home'} requested {foreign}"


def test_search_finds_a_page(browser, base_url):
    show(browser, base_url, "light", "desktop")
    box = browser.find_element(By.CSS_SELECTOR, "input.md-search__input")
    box.click()
    box.send_keys("schedule_interval")
    WebDriverWait(browser, 10).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".md-search-result__item")
    )
    titles = " ".join(
        e.text for e in browser.find_elements(By.CSS_SELECTOR, ".md-search-result__item")
    )
    assert "Airflow" in titles


def fitting_tools(ticked: list[str]) -> list[str]:
    """The tools the data file says fit every ticked question: what the page must agree with."""
    data = load_comparison(ROOT / DATA_FILE, root=ROOT, docs_dir=ROOT / "docs")
    questions = {q.id: q for q in data.chooser}
    return [
        tool.name
        for tool in data.tools
        if all(tool.ratings[questions[q].criterion].value in questions[q].accepts for q in ticked)
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_chooser_highlights_the_tools_that_fit(browser, base_url, scheme):
    show(browser, base_url + "comparison/", scheme, "desktop")
    form = browser.find_element(By.ID, "guide-chooser")
    assert form.is_displayed(), "the chooser stays hidden: chooser.js did not run"
    browser.execute_script("arguments[0].scrollIntoView()", form)
    shot(browser, f"chooser-before-{scheme}")
    ticked = ["laptop", "python"]
    for name in ticked:
        form.find_element(By.NAME, name).click()
    expected = fitting_tools(ticked)
    result = form.find_element(By.CLASS_NAME, "guide-chooser__result").text
    assert result.endswith(", ".join(expected) + "."), result
    headers = browser.find_elements(By.CSS_SELECTOR, "#guide-comparison thead th[data-tool]")
    fits = {
        h.find_element(By.TAG_NAME, "a").text: "guide-fit" in h.get_attribute("class")
        for h in headers
    }
    assert [name for name, fit in fits.items() if fit] == expected
    assert not all(fits.values()), "ticking two boxes should leave some tools out"
    shot(browser, f"chooser-after-{scheme}")


def test_without_javascript_the_full_table_shows():
    """The chooser is progressive: the page's HTML alone holds every tool's column."""
    html = (SITE / "comparison" / "index.html").read_text(encoding="utf-8")
    data = load_comparison(ROOT / DATA_FILE, root=ROOT, docs_dir=ROOT / "docs")
    assert '<form class="guide-chooser" id="guide-chooser" hidden>' in html
    for tool in data.tools:
        assert f'<th scope="col" data-tool="{tool.slug}">' in html
