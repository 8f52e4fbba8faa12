"""Targets table: every figure in an interactive grid, downloadable as CSV, XLSX or JSON."""
from __future__ import annotations

import json
from datetime import date, datetime, timezone

import dash_ag_grid as dag
from dash import Input, Output, State, dcc, html, no_update
from dash.exceptions import PreventUpdate

from ...exports import EXPORT_COLUMNS, export_filename, write_export
from ...exports.selection import parse_filter_model, select
from ...i18n import FIGURE_KIND_LABELS
from ..context import AppData
from ..inputs import as_mapping, as_text, as_text_list
from ..text import t
from ..urls import build_search, parse_path, parse_query

QUERY = {"region": True, "kind": True, "category": True, "q": False, "cols": True, "filter": False}

HEADERS = {
    "id": ("编号", "ID"), "region": ("地区代码", "Region id"), "region_zh": ("地区", "Region (zh)"),
    "region_en": ("地区（英文）", "Region"), "indicator": ("指标代码", "Indicator id"),
    "indicator_zh": ("指标", "Indicator (zh)"), "indicator_en": ("指标（英文）", "Indicator"),
    "concept": ("可比概念", "Concept"), "category": ("领域代码", "Category id"), "category_zh": ("领域", "Category (zh)"),
    "category_en": ("领域（英文）", "Category"), "measure": ("指标类型", "Measure"), "direction": ("方向", "Direction"),
    "figure_kind": ("数值类型", "Figure kind"), "year": ("年份", "Year"), "period_start": ("起始年", "Period start"),
    "as_of": ("截至", "As of"), "comparator": ("比较符", "Comparator"), "qualifier": ("原文限定词", "Qualifier"),
    "value": ("数值", "Value"), "unit": ("单位", "Unit"), "unit_en": ("单位（英文）", "Unit (en)"),
    "value_base": ("基本单位数值", "Value in base unit"), "base_unit": ("基本单位", "Base unit"),
    "source": ("来源代码", "Source id"), "source_title_zh": ("来源", "Source (zh)"),
    "source_title_en": ("来源（英文）", "Source"), "source_url": ("网址", "Address"), "source_grade": ("等级", "Grade"),
    "quote": ("原文", "Quote"), "quote_is_summary": ("摘要而非原文", "Summary, not a quote"),
    "note_zh": ("说明", "Note (zh)"), "note_en": ("说明（英文）", "Note"),
}
DEFAULT_COLUMNS = {
    "zh": ["region_zh", "indicator_zh", "figure_kind", "year", "comparator", "value", "unit", "value_base",
           "base_unit", "quote", "source_title_zh"],
    "en": ["region_en", "indicator_en", "figure_kind", "year", "comparator", "value", "unit", "value_base",
           "base_unit", "quote", "source_title_en"],
}
NUMERIC = {"year", "period_start", "value", "value_base"}
#: Rows sent to the browser at most. A national catalogue has a million figures: the grid shows the
#: first rows of the filtered view and says so; downloads always hold the whole filtered view.
MAX_GRID_ROWS = 5000


def grid_rows(table) -> list[dict]:
    return table.head(MAX_GRID_ROWS).to_dict("records")


def count_text(shown: int, total: int, lang: str) -> str:
    if total > MAX_GRID_ROWS:
        return (f"表格显示前{MAX_GRID_ROWS:,}条，共{total:,}{t('rows_shown', lang)}；请缩小筛选范围，下载包含全部{total:,}条"
                if lang == "zh" else f"the grid shows the first {MAX_GRID_ROWS:,} of {total:,} {t('rows_shown', lang)}; "
                                     f"narrow the filters (downloads hold all {total:,})")
    return f"{shown} {t('rows_shown', lang)}"


def header(column: str, lang: str) -> str:
    zh, en = HEADERS.get(column, (column, column))
    return zh if lang == "zh" else en


def column_defs(columns: list[str], lang: str) -> list[dict]:
    visible = set(columns)
    defs = []
    for column in EXPORT_COLUMNS:
        spec = {"field": column, "headerName": header(column, lang), "hide": column not in visible,
                "filter": "agNumberColumnFilter" if column in NUMERIC else "agTextColumnFilter",
                "headerTooltip": column}
        if column == "quote":
            spec.update(flex=2, minWidth=280, wrapText=True, autoHeight=True, cellClass="quote-cell")
        elif column in NUMERIC:
            spec.update(type="numericColumn", width=120)
        defs.append(spec)
    return defs


def resolve(data: AppData, state: dict, lang: str) -> dict:
    regions = set(data.catalogue.regions["id"])
    categories = set(data.catalogue.categories["id"])
    return {
        "region": [r for r in state.get("region", []) if r in regions],
        "kind": [k for k in state.get("kind", []) if k in FIGURE_KIND_LABELS],
        "category": [c for c in state.get("category", []) if c in categories],
        "q": (state.get("q") or "")[:200],
        "cols": [c for c in state.get("cols", []) if c in EXPORT_COLUMNS] or DEFAULT_COLUMNS[lang],
        "filter": parse_filter_model(state.get("filter")),
    }


def rows(data: AppData, state: dict):
    return select(data.export_table, state["region"], state["kind"], state["category"])


def layout(data: AppData, lang: str, search: str, today: date | None = None) -> html.Div:
    state = resolve(data, parse_query(search, QUERY), lang)
    names = data.names
    table = rows(data, state)
    return html.Div(className="page page-table", children=[
        dcc.Location(id="table-url", refresh="callback-nav"),
        html.H1(t("table_title", lang)),
        html.Div(className="controls", children=[
            _multi("table-region", t("filter_region", lang), state["region"],
                   [{"label": names.region(r, lang), "value": r} for r in data.region_order], lang),
            _multi("table-kind", t("filter_kind", lang), state["kind"],
                   [{"label": v[lang], "value": k} for k, v in FIGURE_KIND_LABELS.items()], lang),
            _multi("table-category", t("filter_category", lang), state["category"],
                   [{"label": names.category(c, lang), "value": c} for c in data.catalogue.categories["id"]], lang),
            html.Div(className="control", children=[
                html.Label(t("quick_search", lang), htmlFor="table-search", className="control-label"),
                dcc.Input(id="table-search", type="search", value=state["q"], debounce=0.4, className="text-input",
                          placeholder="5G / 亿元 / 2025 …", maxLength=200),
            ]),
        ]),
        html.Details(className="column-chooser", children=[
            html.Summary(t("columns", lang)),
            dcc.Checklist(id="table-columns", value=state["cols"], inline=True, className="checklist",
                          options=[{"label": header(c, lang), "value": c} for c in EXPORT_COLUMNS]),
        ]),
        html.Div(className="download-bar", children=[
            html.Span(t("download", lang), className="control-label"),
            html.Button("CSV", id="download-csv", className="button", n_clicks=0),
            html.Button("XLSX", id="download-xlsx", className="button", n_clicks=0),
            html.Button("JSON", id="download-json", className="button", n_clicks=0),
            html.Span(count_text(len(select(table, text=state["q"], model=state["filter"])), len(table), lang),
                      id="table-count", className="muted", role="status"),
            dcc.Download(id="table-download"),
        ]),
        dag.AgGrid(
            id="targets-grid", rowData=grid_rows(table), columnDefs=column_defs(state["cols"], lang),
            defaultColDef={"sortable": True, "filter": True, "resizable": True, "floatingFilter": True,
                           "minWidth": 100},
            filterModel=state["filter"], getRowId="params.data.id",
            dashGridOptions={"quickFilterText": state["q"], "pagination": True, "paginationPageSize": 50,
                             "enableCellTextSelection": True, "ensureDomOrder": True,
                             "localeText": {"noRowsToShow": "没有符合筛选条件的数值" if lang == "zh"
                                            else "No figure matches the filters"}},
            className="ag-theme-quartz targets-grid", style={"height": "640px", "width": "100%"},
        ),
    ])


def _multi(component_id: str, label: str, value: list, options: list, lang: str) -> html.Div:
    return html.Div(className="control", children=[
        html.Label(label, htmlFor=component_id, className="control-label"),
        dcc.Dropdown(id=component_id, options=options, value=value, multi=True, placeholder=t("all", lang)),
    ])


def register(app, data: AppData) -> None:
    @app.callback(
        Output("table-url", "search"),
        Output("table-region", "value"), Output("table-kind", "value"), Output("table-category", "value"),
        Output("table-search", "value"), Output("table-columns", "value"),
        Output("targets-grid", "rowData"), Output("targets-grid", "columnDefs"),
        Output("targets-grid", "dashGridOptions"), Output("table-count", "children"),
        Input("table-url", "search"),
        Input("table-region", "value"), Input("table-kind", "value"), Input("table-category", "value"),
        Input("table-search", "value"), Input("table-columns", "value"), Input("targets-grid", "filterModel"),
        State("table-url", "pathname"), State("targets-grid", "dashGridOptions"),
        prevent_initial_call=True,
    )
    def _sync(search, regions, kinds, categories, text, columns, model, pathname, grid_options):
        grid_options = as_mapping(grid_options)
        from dash import ctx

        lang, page = parse_path(as_text(pathname))
        if page != "table":
            raise PreventUpdate
        search, model = as_text(search, 20000), as_mapping(model)
        if ctx.triggered_id == "table-url":
            state = resolve(data, parse_query(search, QUERY), lang)
        else:
            state = resolve(data, {"region": as_text_list(regions), "kind": as_text_list(kinds),
                                   "category": as_text_list(categories), "q": as_text(text) or "",
                                   "cols": as_text_list(columns),
                                   "filter": json.dumps(model, ensure_ascii=False) if model else None}, lang)
        new_search = build_search({
            "region": state["region"], "kind": state["kind"], "category": state["category"], "q": state["q"],
            "cols": state["cols"] if state["cols"] != DEFAULT_COLUMNS[lang] else None,
            "filter": json.dumps(state["filter"], ensure_ascii=False, separators=(",", ":")) if state["filter"] else None,
        })
        table = rows(data, state)
        options = {**(grid_options or {}), "quickFilterText": state["q"]}
        shown = len(select(table, text=state["q"], model=state["filter"]))
        return (new_search if new_search != search else no_update, state["region"], state["kind"],
                state["category"], state["q"], state["cols"], grid_rows(table),
                column_defs(state["cols"], lang), options, count_text(shown, len(table), lang))

    @app.callback(
        Output("table-download", "data"),
        Input("download-csv", "n_clicks"), Input("download-xlsx", "n_clicks"), Input("download-json", "n_clicks"),
        State("table-url", "search"), State("table-url", "pathname"),
        prevent_initial_call=True,
    )
    def _download(_csv, _xlsx, _json, search, pathname):
        from dash import ctx

        fmt = {"download-csv": "csv", "download-xlsx": "xlsx", "download-json": "json"}.get(ctx.triggered_id)
        if fmt is None or not ctx.triggered[0].get("value"):
            raise PreventUpdate
        lang, _ = parse_path(as_text(pathname))
        state = resolve(data, parse_query(as_text(search, 20000), QUERY), lang)
        table = select(data.export_table, state["region"], state["kind"], state["category"], state["q"],
                       state["filter"])
        filters = {key: state[key] for key in ("region", "kind", "category", "q", "filter") if state[key]}
        now = datetime.now(timezone.utc)
        payload = write_export(table, fmt, data.catalogue, filters, when=now)
        label = "-".join(state["region"]) if state["region"] else ("filtered" if filters else "all")
        return dcc.send_bytes(payload, export_filename(fmt, label, now))
