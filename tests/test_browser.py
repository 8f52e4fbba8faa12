"""The whole app in headless Chromium: every page in both languages, shared links, back and
forward, downloads, escaped catalogue text and a console free of errors."""
from __future__ import annotations

import json
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from dash.testing.application_runners import import_app
from selenium.webdriver.common.keys import Keys

pytestmark = pytest.mark.browser

HEADINGS = {
    "overview": ("各地区目标完成情况总览", "Where each region stands against its targets"),
    "progress": ("指标进展", "Indicator progress"),
    "compare": ("地区比较", "Compare regions"),
    "table": ("目标数据表", "Targets table"),
    "sources": ("资料来源", "Sources"),
}
SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


@pytest.fixture(scope="module")
def dash_app():
    return import_app("app")


def no_console_errors(dash_duo):
    logs = [entry for entry in dash_duo.get_logs() or [] if entry.get("level") == "SEVERE"]
    assert logs == [], logs


def visit(dash_duo, path: str):
    dash_duo.driver.get(dash_duo.server_url + path)
    dash_duo.wait_for_element("#page h1", timeout=20)


def choose_with_keyboard(dash_duo, selector: str, value: str, label: str) -> None:
    """Reach a dropdown with Tab, open it with Enter, then pick `value` with the keyboard only:
    typing into its search box when it has focus, otherwise moving with the arrow keys."""
    dash_duo.driver.execute_script("document.querySelector('#lang-switch').focus()")
    for _ in range(12):
        dash_duo.driver.switch_to.active_element.send_keys(Keys.TAB)
        if dash_duo.driver.switch_to.active_element.get_attribute("id") == selector.lstrip("#"):
            break
    else:
        raise AssertionError(f"{selector} cannot be reached with the Tab key")
    dash_duo.driver.switch_to.active_element.send_keys(Keys.ENTER)
    dash_duo.wait_for_element(".dash-dropdown-options", timeout=10)
    time.sleep(0.3)
    active = dash_duo.driver.switch_to.active_element
    if active.tag_name == "input" and active.get_attribute("type") in ("text", "search"):
        active.send_keys(label)
        time.sleep(0.3)
    for _ in range(60):
        active = dash_duo.driver.switch_to.active_element
        if active.get_attribute("value") == value:
            active.send_keys(Keys.ENTER)
            return
        active.send_keys(Keys.ARROW_DOWN)
        time.sleep(0.05)
    raise AssertionError(f"option {value} not reached with the keyboard")


def wait_for_query(dash_duo, key: str, value: str, timeout: float = 20) -> None:
    """Wait until the address bar's query holds key=value (callbacks update it asynchronously)."""
    deadline = time.time() + timeout
    while query(dash_duo).get(key) != value and time.time() < deadline:
        time.sleep(0.2)
    assert query(dash_duo).get(key) == value, dash_duo.driver.current_url


def query(dash_duo) -> dict:
    return {k: v[-1] for k, v in parse_qs(urlparse(dash_duo.driver.current_url).query).items()}


def test_every_page_in_both_languages(dash_duo, dash_app):
    dash_duo.start_server(dash_app)
    for page, (zh, en) in HEADINGS.items():
        for lang, heading in (("zh", zh), ("en", en)):
            visit(dash_duo, f"/{lang}/{page}")
            dash_duo.wait_for_text_to_equal("#page h1", heading, timeout=20)
            nav = dash_duo.find_element("#nav-overview").text
            assert nav == ("总览" if lang == "zh" else "Overview")
            if page in ("overview", "progress", "compare"):
                dash_duo.wait_for_element("#page .js-plotly-plot .main-svg", timeout=20)
            if page == "table":
                dash_duo.wait_for_element(".ag-row", timeout=20)
            assert dash_duo.driver.execute_script("return document.documentElement.lang") == \
                ("zh-CN" if lang == "zh" else "en")
    no_console_errors(dash_duo)


def test_root_follows_browser_language_and_switch_keeps_the_view(dash_duo, dash_app):
    dash_duo.start_server(dash_app)
    dash_duo.driver.get(dash_duo.server_url + "/")
    dash_duo.wait_for_element("#page h1", timeout=20)
    assert urlparse(dash_duo.driver.current_url).path == "/en/overview"  # the test browser speaks en-US
    visit(dash_duo, "/zh/progress?region=sichuan&indicator=digital_economy_growth")
    dash_duo.wait_for_contains_text("#progress-body .status-card", "状态", timeout=20)
    dash_duo.find_element("#lang-switch").click()
    dash_duo.wait_for_text_to_equal("#page h1", "Indicator progress", timeout=20)
    assert urlparse(dash_duo.driver.current_url).path == "/en/progress"
    assert query(dash_duo) == {"region": "sichuan", "indicator": "digital_economy_growth"}
    dash_duo.wait_for_contains_text("#progress-body .status-card", "Status", timeout=20)
    dash_duo.wait_for_contains_text("#progress-body .status-card", "observed 19.2 % in 2021", timeout=20)
    no_console_errors(dash_duo)


def test_shared_link_reproduces_the_view_and_back_forward_work(dash_duo, dash_app):
    dash_duo.start_server(dash_app)
    visit(dash_duo, "/en/progress?region=luojiang&indicator=base_stations_5g")
    dash_duo.wait_for_contains_text("#progress-region", "Luojiang", timeout=20)
    dash_duo.wait_for_contains_text("#progress-indicator", "5G base stations", timeout=20)
    dash_duo.wait_for_contains_text("#progress-body", "Contradiction in the sources", timeout=20)
    dash_duo.wait_for_element("#progress-chart .js-plotly-plot .scatterlayer .trace", timeout=20)
    first_url = dash_duo.driver.current_url
    # Choose another region from the keyboard only: Tab to the dropdown, open, arrow down, Enter.
    choose_with_keyboard(dash_duo, "#progress-region", "sichuan", "Sichuan")
    wait_for_query(dash_duo, "region", "sichuan")
    dash_duo.wait_for_contains_text("#progress-region", "Sichuan", timeout=20)
    dash_duo.driver.back()
    dash_duo.wait_for_contains_text("#progress-region", "Luojiang", timeout=20)
    assert dash_duo.driver.current_url == first_url
    dash_duo.driver.forward()
    dash_duo.wait_for_contains_text("#progress-region", "Sichuan", timeout=20)
    no_console_errors(dash_duo)


def test_compare_names_regions_without_the_measure(dash_duo, dash_app):
    dash_duo.start_server(dash_app)
    visit(dash_duo, "/zh/compare?concept=base_stations_5g")
    dash_duo.wait_for_contains_text("#compare-body", "没有此指标数据的地区", timeout=20)
    dash_duo.wait_for_contains_text("#compare-missing", "泸州市", timeout=20)
    dash_duo.wait_for_element("#compare-chart .js-plotly-plot .scatterlayer .trace", timeout=20)
    table = dash_duo.find_element("#compare-data-table").get_attribute("textContent")
    assert "四川省" in table and "罗江区" in table
    dash_duo.find_element("#compare-view input[value=progress]").click()
    wait_for_query(dash_duo, "view", "progress")
    no_console_errors(dash_duo)


def _downloaded(folder: Path, suffix: str, timeout: float = 20) -> Path:
    deadline = time.time() + timeout
    while time.time() < deadline:
        done = [p for p in folder.glob(f"*{suffix}") if not p.name.endswith(".crdownload")]
        if done:
            return done[0]
        time.sleep(0.2)
    raise AssertionError(f"no {suffix} file in {folder}: {list(folder.iterdir())}")


def test_table_filters_in_the_address_and_downloads_the_filtered_view(dash_duo, dash_app, shipped):
    dash_duo.start_server(dash_app)
    visit(dash_duo, "/en/table?region=luojiang&kind=target")
    dash_duo.wait_for_element(".ag-row", timeout=20)
    expected = shipped.figures[(shipped.figures["region"] == "luojiang") & (shipped.figures["figure_kind"] == "target")]
    dash_duo.wait_for_text_to_equal("#table-count", f"{len(expected)} figures", timeout=20)
    search = dash_duo.find_element("#table-search")
    search.send_keys("5G")
    wait_for_query(dash_duo, "q", "5G")
    folder = Path(dash_duo.download_path)
    dash_duo.find_element("#download-csv").click()
    csv_file = _downloaded(folder, ".csv")
    assert csv_file.name.startswith("digital-economy-targets_luojiang_")
    raw = csv_file.read_bytes()
    assert raw.startswith("\ufeff".encode())
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0])[:5] == ["id", "region", "region_zh", "region_en", "indicator"]
    assert 0 < len(rows) < len(expected)
    assert all(r["region"] == "luojiang" and r["figure_kind"] == "target" for r in rows)
    assert all("5g" in " ".join(r.values()).lower() for r in rows)
    dash_duo.find_element("#download-xlsx").click()
    xlsx_file = _downloaded(folder, ".xlsx")
    import openpyxl

    book = openpyxl.load_workbook(xlsx_file, read_only=True)
    assert book.sheetnames == ["figures", "sources", "about"]
    about = dict(book["about"].iter_rows(min_row=2, values_only=True))
    assert about["filter: q"] == "5G" and "exported_at" in about
    dash_duo.find_element("#download-json").click()
    document = json.loads(_downloaded(folder, ".json").read_text(encoding="utf-8"))
    assert document["figures"] and all(f["region"] == "luojiang" and f["figure_kind"] == "target"
                                       for f in document["figures"])
    no_console_errors(dash_duo)


def test_screenshots_for_the_readme(dash_duo, dash_app):
    """Takes the README's screenshots (and fails if a CJK font is missing: boxes are not Chinese)."""
    import subprocess

    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout
    assert fonts.strip(), "no Chinese font installed: install fonts-noto-cjk"
    dash_duo.start_server(dash_app)
    dash_duo.driver.set_window_size(1360, 1100)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, path in (("overview-zh", "/zh/overview"),
                       ("progress-en", "/en/progress?region=sichuan&indicator=base_stations_5g"),
                       ("compare-zh", "/zh/compare?concept=base_stations_5g")):
        visit(dash_duo, path)
        dash_duo.wait_for_element("#page .js-plotly-plot .main-svg", timeout=20)
        time.sleep(1.0)
        dash_duo.driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))
    no_console_errors(dash_duo)


def test_catalogue_text_with_script_never_runs(dash_duo, minimal_catalogue):
    from indicators.catalogue import load_catalogue
    from indicators.web.server import create_app

    payload = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"> 100"
    plan = minimal_catalogue / "figures" / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace('quote: "2020年基站100个"', f"quote: '{payload}'"),
                    encoding="utf-8")
    dash_duo.start_server(create_app(load_catalogue(minimal_catalogue)))
    for path, container in (("/en/sources", "#page"), ("/en/progress?region=alpha&indicator=stations", "#progress-body"),
                            ("/en/table", "#targets-grid")):
        visit(dash_duo, path)
        dash_duo.wait_for_contains_text(container, "<script>window.__pwned=1</script>", timeout=20)
        assert dash_duo.driver.execute_script("return window.__pwned === undefined")
    # Hover the baseline point: the quote shows as text in the tooltip and still runs nothing.
    visit(dash_duo, "/en/progress?region=alpha&indicator=stations")
    point = dash_duo.wait_for_element("#progress-chart .scatterlayer .trace .point", timeout=20)
    from selenium.webdriver import ActionChains

    ActionChains(dash_duo.driver).move_to_element(point).perform()
    time.sleep(0.5)
    assert dash_duo.driver.execute_script("return window.__pwned === undefined")
