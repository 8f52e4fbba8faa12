"""Shared fixtures: a minimal valid catalogue to break, and the shipped catalogue, loaded once."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from indicators.catalogue import load_catalogue
from indicators.settings import data_dir

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def minimal_catalogue(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/minimal that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", target)
    return target


@pytest.fixture(scope="session")
def shipped():
    return load_catalogue(data_dir())


def pytest_setup_options():
    """Chrome options for dash_duo: headless and offline (see shared notes/browser-tests.md)."""
    from selenium.webdriver.chrome.options import Options

    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1280,900", "--no-first-run", "--disable-quic", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
                 "--disable-extensions", "--lang=en-US",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"):
        options.add_argument(flag)
    return options
