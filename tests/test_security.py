"""Forged requests, production defaults, safe exports, and escaped catalogue text."""
from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone

import pytest

from indicators.catalogue import load_catalogue
from indicators.exports import export_filename, export_table, write_export
from indicators.exports.safety import neutralise_cell
from indicators.web.server import preferred_language

XSS = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">"


@pytest.fixture(scope="module")
def client():
    import app

    return app.server.test_client()


def callback(client, output: str, inputs: list, state: list | None = None):
    names = output.split("..")
    outputs = [{"id": o.split(".")[0], "property": o.split(".")[1]} for o in names]
    dash_output = "..." .join(names).join(["..", ".."]) if len(names) > 1 else output
    body = {"output": dash_output, "outputs": outputs if len(outputs) > 1 else outputs[0], "inputs": inputs,
            "state": state or [], "changedPropIds": [f"{inputs[0]['id']}.{inputs[0]['property']}"] if inputs else []}
    return client.post("/_dash-update-component", json=body)


def test_security_headers_and_no_debug(client):
    response = client.get("/en/overview")
    assert response.status_code == 200
    policy = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy and "script-src 'self' 'sha256-" in policy
    assert "unsafe-eval" not in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    import app

    assert not app.server.debug and not app.app._dev_tools.ui


def test_root_redirects_by_browser_language(client):
    assert client.get("/", headers={"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"}).headers["Location"] == "/zh/overview"
    assert client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}).headers["Location"] == "/en/overview"
    assert preferred_language(None) == "zh" and preferred_language("fr-FR,en;q=0.5") == "en"
    assert preferred_language("en;q=0.3,zh;q=0.8") == "zh" and preferred_language("x;q=bad") == "zh"


ROUTE = "page.children"
FORGED = [
    (ROUTE, [{"id": "url", "property": "pathname", "value": "/zh/overview/../../etc/passwd"}],
     [{"id": "url", "property": "search", "value": "?x=" + "A" * 100000}]),
    (ROUTE, [{"id": "url", "property": "pathname", "value": ["not", "a", "string"]}],
     [{"id": "url", "property": "search", "value": {"a": 1}}]),
    (ROUTE, [{"id": "url", "property": "pathname", "value": "/en/progress"}],
     [{"id": "url", "property": "search", "value": "?region=" + XSS + "&indicator=" + "x" * 5000}]),
    ("nowhere.children", [{"id": "nowhere", "property": "value", "value": 1}], []),
    ("progress-url.search..progress-region.value..progress-indicator.options..progress-indicator.value.."
     "progress-image-format.value..progress-body.children",
     [{"id": "progress-url", "property": "search", "value": 12345},
      {"id": "progress-region", "property": "value", "value": [XSS] * 10000},
      {"id": "progress-indicator", "property": "value", "value": {"$gt": ""}},
      {"id": "progress-image-format", "property": "value", "value": "../../x"}],
     [{"id": "progress-url", "property": "pathname", "value": "/en/progress"}]),
    ("table-url.search..table-region.value..table-kind.value..table-category.value..table-search.value.."
     "table-columns.value..targets-grid.rowData..targets-grid.columnDefs..targets-grid.dashGridOptions.."
     "table-count.children",
     [{"id": "table-url", "property": "search", "value": None},
      {"id": "table-region", "property": "value", "value": list(range(100000))},
      {"id": "table-kind", "property": "value", "value": "target"},
      {"id": "table-category", "property": "value", "value": [None, {"a": 1}]},
      {"id": "table-search", "property": "value", "value": XSS * 1000},
      {"id": "table-columns", "property": "value", "value": ["__class__", "quote"]},
      {"id": "targets-grid", "property": "filterModel", "value": {"quote": {"filterType": "text", "type": "eval",
                                                                              "filter": "__import__('os')"}}}],
     [{"id": "table-url", "property": "pathname", "value": "/en/table"},
      {"id": "targets-grid", "property": "dashGridOptions", "value": "not a dict"}]),
    ("table-download.data", [{"id": "download-csv", "property": "n_clicks", "value": 1},
                             {"id": "download-xlsx", "property": "n_clicks", "value": "x" * 1000},
                             {"id": "download-json", "property": "n_clicks", "value": None}],
     [{"id": "table-url", "property": "search", "value": "?filter=%7B%22value%22%3A%5B1%2C2%5D%7D&region=../../etc"},
      {"id": "table-url", "property": "pathname", "value": "/en/table"}]),
]


@pytest.mark.parametrize("output, inputs, state", FORGED)
def test_forged_callback_requests_never_500_with_traceback(client, output, inputs, state):
    response = callback(client, output, inputs, state)
    assert response.status_code in (200, 204, 400), response.data[:500]
    if not output.startswith("nowhere"):
        assert response.status_code in (200, 204), response.data[:500]  # handled, not just rejected
    body = response.get_data(as_text=True)
    assert "Traceback" not in body and "File \"" not in body


def test_callback_requests_of_the_wrong_shape_get_a_plain_400(client):
    response = callback(client, "table-download.data", [{"id": "download-csv", "property": "n_clicks", "value": 1}])
    assert response.status_code == 400 and response.get_json() == {"error": "bad callback request"}


def test_malformed_callback_bodies_are_rejected_cleanly(client):
    for body in (b"not json", b"{}", b'{"output": 5}', b"[]", json.dumps({"output": "x.y", "inputs": "zz"}).encode()):
        response = client.post("/_dash-update-component", data=body, content_type="application/json")
        assert response.status_code in (400, 415, 500) and "Traceback" not in response.get_data(as_text=True)
        assert response.status_code != 500 or response.get_data(as_text=True) == "Internal error"


def test_export_file_names_never_come_from_the_request():
    when = datetime(2026, 11, 21, tzinfo=timezone.utc)
    assert export_filename("csv", "../../etc/passwd", when) == "digital-economy-targets_etc-passwd_2026-11-21.csv"
    assert export_filename("xlsx", "<script>", when) == "digital-economy-targets_script_2026-11-21.xlsx"
    assert export_filename("json", "", when) == "digital-economy-targets_all_2026-11-21.json"


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])
def test_formula_injection_is_neutralised(text):
    assert neutralise_cell(text) == "'" + text
    assert neutralise_cell("基站100个") == "基站100个" and neutralise_cell(-5.0) == -5.0
    assert neutralise_cell("=") == "="  # the comparator: a lone "=" runs nothing


def test_exports_neutralise_formulas_but_keep_numbers(minimal_catalogue):
    plan = minimal_catalogue / "figures" / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace('quote: "2020年基站100个"',
                                                            'quote: "=cmd|\' /C calc\'!A0 2020年基站100个"'),
                    encoding="utf-8")
    catalogue = load_catalogue(minimal_catalogue)
    table = export_table(catalogue)
    rows = list(csv.DictReader(io.StringIO(write_export(table, "csv", catalogue).decode("utf-8-sig"))))
    quote = next(r["quote"] for r in rows if r["id"] == "a-1")
    assert quote.startswith("'=cmd")
    assert {r["value"] for r in rows} == {"100.0", "2.0", "12.0"}
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(write_export(table, "xlsx", catalogue)))
    sheet = book["figures"]
    header = [c.value for c in sheet[1]]
    cells = {row[header.index("id")].value: row for row in sheet.iter_rows(min_row=2)}
    assert cells["a-1"][header.index("quote")].value.startswith("'=cmd")
    assert cells["a-1"][header.index("quote")].data_type == "s"
    assert cells["a-2"][header.index("value_base")].value == 20000
    assert cells["a-2"][header.index("year")].value == 2025 and cells["a-1"][header.index("comparator")].value == "="
    assert book["figures"].freeze_panes == "A2" and book["figures"].auto_filter.ref == f"A1:AG{len(table) + 1}"


def test_catalogue_text_is_never_markup_in_charts(minimal_catalogue):
    from indicators.charts import choose_scale, progress_figure
    from indicators.naming import Names
    from indicators.progress import assess

    plan = minimal_catalogue / "figures" / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace('quote: "2020年基站100个"', f"quote: '{XSS} 100'"),
                    encoding="utf-8")
    catalogue = load_catalogue(minimal_catalogue)
    series = catalogue.figures[catalogue.figures["concept"] == "stations"]
    figure = progress_figure(series, assess(series, datetime(2023, 1, 1).date()), Names.from_catalogue(catalogue),
                             "en", choose_scale(series["value_base"], "count", catalogue.units, lang="en"), "t")
    hovers = " ".join(" ".join(t.hovertext or []) for t in figure.data if t.hovertext is not None)
    assert "<script>" not in hovers and "&lt;script&gt;" in hovers
