"""Headless Chromium through selenium, and a local web server for an exported page.

The browser tests are marked `browser` and skipped, with the reason, when selenium, a
Chromium binary or its chromedriver is missing (on Linux, `scripts/browser-libs` installs
Chromium and chromedriver; selenium comes from PyPI). Selenium Manager is never used: it
would download a driver, so the driver's path is always given. Set FRAME_STUDIO_CHROMIUM
and FRAME_STUDIO_CHROMEDRIVER to use other binaries.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
INSTALL_HINT = "run scripts/browser-libs (Debian/Ubuntu: apt-get install chromium chromium-driver)"


def _which(env: str, names: tuple[str, ...]) -> str | None:
    given = os.environ.get(env)
    if given:
        return given if Path(given).is_file() else None
    return next((found for name in names if (found := shutil.which(name))), None)


@pytest.fixture(scope="session")
def chrome_paths() -> tuple[str, str]:
    """(browser, driver) paths, or the test is skipped with the reason."""
    pytest.importorskip("selenium", reason="needs selenium from PyPI (pip install selenium)")
    browser = _which("FRAME_STUDIO_CHROMIUM", BROWSERS)
    driver = _which("FRAME_STUDIO_CHROMEDRIVER", ("chromedriver",))
    if browser is None or driver is None:
        missing = " and ".join(n for n, p in (("Chromium", browser), ("chromedriver", driver)) if p is None)
        pytest.skip(f"needs {missing}: {INSTALL_HINT}")
    return browser, driver


@pytest.fixture(scope="module")
def driver(chrome_paths: tuple[str, str]) -> Iterator[Any]:
    """One headless Chromium per test module, logging its network requests."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--lang=vi"):
        options.add_argument(argument)
    options.binary_location = chrome_paths[0]
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    chrome = webdriver.Chrome(service=Service(chrome_paths[1]), options=options)
    chrome.set_script_timeout(60)
    try:
        yield chrome
    finally:
        chrome.quit()
