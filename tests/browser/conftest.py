"""Real-browser fixtures: the app in a server thread on loopback, and Debian's
headless Chromium driven by Playwright (never a downloaded browser)."""

import threading
from contextlib import contextmanager

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture
def app_config(app_config):
    """Browsers go through the real CSRF checks."""
    return {**app_config, "WTF_CSRF_ENABLED": True}


@pytest.fixture
def live_server(app):
    """The app served on a free loopback port for the length of a test."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextmanager
def watched_tab(browser, js):
    """A fresh tab in its own context (its own cookies), with JavaScript on or
    off; at the end, the console must hold no error (a CSP refusal would show
    there)."""
    context = browser.new_context(java_script_enabled=js)
    tab = context.new_page()
    tab.js = js
    tab.set_default_timeout(10_000)
    errors = []

    def on_console(message):
        # Network outcomes (a 422 for a form with mistakes, an aborted request)
        # are the app and browser working; script errors and CSP refusals are not.
        network = message.text.startswith("Failed to load resource")
        if message.type == "error" and not network:
            errors.append(message.text)

    tab.on("console", on_console)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    # Nothing the Content-Security-Policy refused, no script error on any page.
    assert errors == []


@pytest.fixture(params=[True, False], ids=["js", "no-js"])
def page(request, browser, live_server):  # the tab closes before the server stops
    """A fresh browser tab, once with JavaScript on and once with it off."""
    with watched_tab(browser, request.param) as tab:
        yield tab


def open_report_form(page, kind="story"):
    """Open a page's "Report" control: with JavaScript the form loads into it;
    without, its link leads to the form's own page."""
    page.get_by_text(f"Report this {kind}").click()
    if not page.js:
        page.get_by_role("link", name="Tell a moderator what is wrong").click()
