"""A real browser for pages: Debian's Chromium driven by Playwright.

``.ci/run`` installs Chromium when it is missing; elsewhere the browser tests skip with the
reason when there is no Chromium, except under CI=true, where they must run.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        reason = "no Chromium on this machine (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; CI=true: the browser tests must run")
        pytest.skip(reason)
    return path


@dataclass
class PageVisit:
    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    page: Any = None


@contextmanager
def open_page(
    path: Path, screenshot: Path, width: int = 360, color_scheme: str = "light"
) -> Iterator[PageVisit]:
    """Open a local file at a phone's width, record console output, errors and dialogs."""
    from playwright.sync_api import sync_playwright

    visit = PageVisit()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(
                viewport={"width": width, "height": 900}, color_scheme=color_scheme
            )
            page.on("console", lambda m: visit.console.append((m.type, m.text)))
            page.on("pageerror", lambda e: visit.errors.append(str(e)))

            def on_dialog(dialog: Any) -> None:
                visit.dialogs.append(dialog.message)
                dialog.dismiss()

            page.on("dialog", on_dialog)
            page.goto(path.resolve().as_uri())
            page.wait_for_load_state("load")
            page.screenshot(path=str(screenshot), full_page=True)
            visit.page = page
            yield visit
        finally:
            browser.close()
