"""What a reader sees: the built site served on 127.0.0.1 under a sub-path, in headless Chromium.

`nox -s browser` builds the site into `site-browser/` with `SITE_URL=http://127.0.0.1/field-guide/`
(the sub-path GitHub Pages gives a project site), then runs these tests. The server answers an
unknown path with the site's 404 page, as GitHub Pages does. Chromium is Debian's (`chromium`);
nothing is downloaded, and every request that is not to this server fails the test that made it.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import threading
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site-browser"
PREFIX = "/field-guide/"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
SHOTS = ROOT / "screenshots"
SIZES = {"desktop": (1280, 900), "phone": (375, 800)}
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
]  # fmt: skip


REPORT: dict[str, dict] = {}
"""Per page and scheme, what a reader's browser did (test_pages.py fills it in)."""


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Write REPORT to screenshots/report.json, for contributors and the closing note.

    Under pytest-xdist each worker hands its pages to the controller, which writes the file once.
    """
    handed = getattr(session.config, "workeroutput", None)
    if handed is not None:  # an xdist worker
        handed["report"] = json.dumps(REPORT)
    elif REPORT:
        SHOTS.mkdir(exist_ok=True)
        (SHOTS / "report.json").write_text(json.dumps(dict(sorted(REPORT.items())), indent=1))


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook: the controller hears a worker finish
def pytest_testnodedown(node, error) -> None:
    REPORT.update(json.loads(getattr(node, "workeroutput", {}).get("report", "{}")))


def site_pages() -> list[str]:
    """Every page of the built site, as a path under the prefix (`tools/airflow/`)."""
    if not SITE.is_dir():
        return []
    pages = []
    for html in sorted(SITE.rglob("index.html")):
        path = html.parent.relative_to(SITE).as_posix()
        pages.append("" if path == "." else f"{path}/")
    return pages


class SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves site-browser/ under /field-guide/, and 404.html for anything missing."""

    def translate_path(self, path):
        inside = path.split("?", 1)[0].split("#", 1)[0]
        if not inside.startswith(PREFIX):
            return str(SITE / "__outside__")
        return super().translate_path("/" + inside[len(PREFIX) :])

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (SITE / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def base_url() -> str:
    if not (SITE / "index.html").exists():
        pytest.fail(
            "site-browser/ is not built: run nox -s browser (it builds first)", pytrace=False
        )
    handler = functools.partial(SubPathHandler, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}{PREFIX}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Browser:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: apt-get install chromium (.ci/run does)", pytrace=False
        )
    SHOTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield browser
        browser.close()


class Visit:
    """One page load, with every request and console message it caused."""

    def __init__(self, page: Page, base_url: str):
        self.page, self.base_url = page, base_url
        self.requests: list[str] = []
        self.console_errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))

    def open(self, path: str) -> Page:
        self.page.goto(self.base_url + path, wait_until="load")
        # The theme's script has run once it has set the colour scheme on the body.
        self.page.wait_for_function("document.body.dataset.mdColorScheme !== undefined")
        return self.page

    @property
    def foreign(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(("http://127.0.0.1:", "data:", "blob:"))]  # fmt: skip


@pytest.fixture
def visit(browser: Browser, base_url: str):
    """A new page in a fresh context: `visit(path, scheme=..., size=...)` opens it."""
    contexts = []

    def open_page(path: str, scheme: str = "light", size: str = "desktop") -> Visit:
        width, height = SIZES[size]
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)  # fmt: skip
        contexts.append(context)
        seen = Visit(context.new_page(), base_url)
        seen.open(path)
        return seen

    yield open_page
    for context in contexts:
        context.close()


def shot(page: Page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"))
