"""Time from opening a page to its first visible chart, in headless Chromium on localhost.

    python bench/first_chart.py          # serves the shipped catalogue with gunicorn (2 workers)

Each page is opened 5 times in a fresh browser profile (cold browser cache for the first, warm
for the rest); the time runs from navigation start to the first rendered Plotly SVG.
"""
from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["/zh/overview", "/en/progress?region=sichuan&indicator=base_stations_5g", "/zh/compare"]


def main() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([str(Path(sys.executable).parent / "gunicorn"), "app:server", "-w", "2", "-b",
                               f"127.0.0.1:{port}", "--log-level", "warning"], cwd=ROOT, env=os.environ.copy())
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/en/overview", timeout=2)
                break
            except OSError:
                time.sleep(0.3)
        options = webdriver.ChromeOptions()
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,900", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", f"--user-data-dir={tempfile.mkdtemp()}"):
            options.add_argument(flag)
        driver = webdriver.Chrome(options=options)
        try:
            print("# first chart visible after opening the page (headless Chromium, gunicorn -w 2, localhost)")
            for page in PAGES:
                samples = []
                for _ in range(5):
                    driver.get("about:blank")
                    driver.get(f"http://127.0.0.1:{port}{page}")
                    WebDriverWait(driver, 30, poll_frequency=0.02).until(EC.presence_of_element_located(
                        (By.CSS_SELECTOR, "#page .js-plotly-plot .main-svg")))
                    elapsed = driver.execute_script("return performance.now()")
                    samples.append(elapsed / 1000)
                print(f"{page:60s} first load {samples[0]:.2f} s   later loads median "
                      f"{statistics.median(samples[1:]):.2f} s   (goal <= 1.5 s)")
        finally:
            driver.quit()
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
