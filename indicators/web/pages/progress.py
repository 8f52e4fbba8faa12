"""Indicator progress: one region and one indicator, with status, reason, quotes and sources."""
from __future__ import annotations

from datetime import date

import pandas as pd
from dash import Input, Output, State, dcc, html, no_update
from dash.exceptions import PreventUpdate

from ...charts import choose_scale, progress_figure
from ...records import records
from ...i18n import FIGURE_KIND_LABELS, MEASURE_LABELS
from ...numbers import format_number
from ...progress import symbol
from ..components import clean_name, data_table, empty_state, graph, image_format_switch, status_badge
from ..context import AppData
from ..inputs import as_text
from ..text import t
from ..urls import build_search, parse_path, parse_query

QUERY = {"region": False, "indicator": False, "img": False}


def resolve(data: AppData, state: dict) -> tuple[str | None, str | None, str]:
    """Region and concept from the address, falling back to sensible defaults; never an error."""
    regions = data.region_order
    region = state.get("region") if state.get("region") in regions else (regions[0] if regions else None)
    concepts = data.indicators_by_region.get(region, [])
    concept = state.get("indicator") if state.get("indicator") in concepts else (concepts[0] if concepts else None)
    image = state.get("img") if state.get("img") in ("png", "svg") else "png"
    return region, concept, image


def region_options(data: AppData, lang: str) -> list[dict]:
    return [{"label": data.names.region(r, lang), "value": r} for r in data.region_order]


def indicator_options(data: AppData, region: str | None, lang: str) -> list[dict]:
    options = []
    for concept in data.indicators_by_region.get(region, []):
        has_goal = (region, concept) in data.goal_concepts
        name = data.names.indicator(concept, lang)
        label = f"{name} · {t('has_goal', lang)}" if has_goal else name
        options.append({"label": label, "value": concept, "search": f"{name} {data.names.indicator(concept, 'en')} {concept}"})
    return options


def layout(data: AppData, lang: str, search: str, today: date | None = None) -> html.Div:
    region, concept, image = resolve(data, parse_query(search, QUERY))
    return html.Div(className="page page-progress", children=[
        dcc.Location(id="progress-url", refresh="callback-nav"),
        html.H1(t("progress_title", lang)),
        html.Div(className="controls", children=[
            html.Div(className="control", children=[
                html.Label(t("choose_region", lang), htmlFor="progress-region", className="control-label"),
                dcc.Dropdown(id="progress-region", options=region_options(data, lang), value=region,
                             clearable=False, searchable=True),
            ]),
            html.Div(className="control control-wide", children=[
                html.Label(t("choose_indicator", lang), htmlFor="progress-indicator", className="control-label"),
                dcc.Dropdown(id="progress-indicator", options=indicator_options(data, region, lang), value=concept,
                             clearable=False, searchable=True, optionHeight=44),
            ]),
            image_format_switch("progress-image-format", lang, image),
        ]),
        html.Div(id="progress-body", children=body(data, lang, region, concept, image, today)),
    ])


def body(data: AppData, lang: str, region: str | None, concept: str | None, image: str,
         today: date | None = None) -> list:
    if region is None:
        return [empty_state(t("empty_region", lang))]
    if concept is None:
        return [empty_state(t("empty_indicator", lang))]
    names = data.names
    series = data.series(region, concept)
    goals = data.goals(region, concept, today)
    written = list(dict.fromkeys(series["unit"].astype(str)))
    base_unit = str(series["base_unit"].iloc[0]) if len(series) else ""
    scale = choose_scale(series["value_base"].dropna().tolist(), base_unit, data.catalogue.units, written, lang)
    title = f"{names.region(region, lang)} · {names.indicator(concept, lang)}"
    figure = progress_figure(series, goals, names, lang, scale, title)
    measure = str(series["measure"].iloc[0]) if len(series) else ""
    return [
        html.Div(className="progress-grid", children=[
            html.Section(className="card chart-card", children=[
                graph("progress-chart", figure, clean_name(region, concept, "progress"), image),
                data_table(_chart_table(series, scale, lang, names), title, lang, "progress-data-table"),
            ]),
            html.Aside(className="card status-card", children=_status_panel(goals, scale, lang, measure, names),
                       **{"aria-live": "polite"}),
        ]),
        html.Section(className="card", children=_sources_panel(data, series, lang)),
    ]


def _goal_text(row: dict, scale, lang: str, names) -> str:
    kind = FIGURE_KIND_LABELS[row["figure_kind"]][lang]
    if row["measure"] == "binary":
        return f"{row['target_year']} {kind}"
    value = format_number(row["target_base"] / scale.factor) if pd.notna(row["target_base"]) else "—"
    period = f"{int(row['period_start'])}–" if pd.notna(row.get("period_start")) and row["period_start"] != row["target_year"] else ""
    return f"{period}{row['target_year']} {kind}: {symbol(row['comparator'])} {value} {names.unit(scale.unit, lang)}".replace(":  ", ": ")


def _status_panel(goals: pd.DataFrame, scale, lang: str, measure: str, names) -> list:
    header = [html.H2(t("status", lang)), html.P(f"{t('measure', lang)}: {MEASURE_LABELS.get(measure, {}).get(lang, measure)}",
                                                 className="muted")]
    if goals.empty:
        return header + [html.P(t("no_goal", lang), className="muted")]
    items = []
    for row in records(goals.sort_values("target_year")):
        items.append(html.Li(className="goal", children=[
            html.Div([status_badge(row["status"], lang), html.Span(_goal_text(row, scale, lang, names), className="goal-text")]),
            html.P(row[f"reason_{lang}"], className="reason"),
        ]))
    return header + [html.Ul(items, className="goals")]


def _chart_table(series: pd.DataFrame, scale, lang: str, names) -> pd.DataFrame:
    rows = []
    for row in records(series.sort_values(["year", "figure_kind"])):
        value = "—" if pd.isna(row["value_base"]) else format_number(row["value_base"] / scale.factor)
        comparator = "" if row["comparator"] == "=" else symbol(row["comparator"]) + " "
        rows.append({t("figure_kind", lang): FIGURE_KIND_LABELS[row["figure_kind"]][lang],
                     t("year", lang): row["as_of"] or row["year"],
                     t("value", lang): comparator + value,
                     t("unit", lang): names.unit(scale.unit, lang)})
    return pd.DataFrame(rows)


def _sources_panel(data: AppData, series: pd.DataFrame, lang: str) -> list:
    names = data.names
    items = []
    for row in records(series.sort_values(["year", "figure_kind"])):
        conflicts = data.contradictions_by_figure.get(row["id"], [])
        value = "—" if pd.isna(row["value"]) else format_number(row["value"])
        comparator = "" if row["comparator"] == "=" else symbol(row["comparator"]) + " "
        note = row.get(f"note_{lang}") or row.get("note_en") or row.get("note_zh")
        items.append(html.Li(className="source-item" + (" has-conflict" if conflicts else ""), children=[
            html.Div(className="source-head", children=[
                html.Strong(f"{FIGURE_KIND_LABELS[row['figure_kind']][lang]} {row['as_of'] or row['year']}: "),
                html.Span(f"{comparator}{value} {names.unit(row['unit'], lang)}"),
                html.Code(row["id"], className="figure-id"),
            ]),
            html.Blockquote(row["quote"] + (t("summary_not_quote", lang) if row["quote_is_summary"] else ""),
                            lang="zh" if not row["quote_is_summary"] else None),
            html.P(f"{t('source', lang)}: {names.source(row['source'], lang)}", className="muted"),
            html.P(f"{t('note', lang)}: {note}", className="note") if note else None,
            *[html.P([html.Strong("⚠ " + t("contradiction", lang) + ": "), c[f"description_{lang}"]],
                     className="conflict", role="note") for c in conflicts],
        ]))
    return [html.H2(t("sources_panel", lang)), html.Ul(items, className="sources-list")]


def register(app, data: AppData) -> None:
    @app.callback(
        Output("progress-url", "search"),
        Output("progress-region", "value"),
        Output("progress-indicator", "options"),
        Output("progress-indicator", "value"),
        Output("progress-image-format", "value"),
        Output("progress-body", "children"),
        Input("progress-url", "search"),
        Input("progress-region", "value"),
        Input("progress-indicator", "value"),
        Input("progress-image-format", "value"),
        State("progress-url", "pathname"),
        prevent_initial_call=True,
    )
    def _sync(search, region, concept, image, pathname):
        from dash import ctx

        lang, page = parse_path(as_text(pathname))
        if page != "progress":
            raise PreventUpdate
        search, region, concept, image = as_text(search), as_text(region), as_text(concept), as_text(image)
        if ctx.triggered_id == "progress-url":
            state = parse_query(search, QUERY)
        else:
            state = {"region": region, "indicator": concept, "img": image}
            if ctx.triggered_id == "progress-region":
                state["indicator"] = concept if concept in data.indicators_by_region.get(region, []) else None
        region, concept, image = resolve(data, state)
        new_search = build_search({"region": region, "indicator": concept,
                                   "img": image if image != "png" else None})
        # Options only change with the region: other changes do not resend them.
        options = indicator_options(data, region, lang) if ctx.triggered_id != "progress-indicator" \
            and ctx.triggered_id != "progress-image-format" else no_update
        return (new_search if new_search != search else no_update, region, options, concept, image,
                body(data, lang, region, concept, image))
