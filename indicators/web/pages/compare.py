"""Compare regions: every region that has a measure, side by side on one scale."""
from __future__ import annotations

from datetime import date

import pandas as pd
from dash import Input, Output, State, dcc, html, no_update
from dash.exceptions import PreventUpdate

from ...charts import choose_scale, dumbbell_figure, progress_bars_figure
from ...i18n import MEASURE_LABELS, STATUS_LABELS
from ...numbers import format_number
from ...progress import symbol
from ..components import clean_name, data_table, graph, image_format_switch
from ..context import AppData
from ..inputs import as_text, as_text_list
from ..text import t
from ..urls import build_search, parse_path, parse_query

QUERY = {"concept": False, "view": False, "img": False, "regions": True}
#: Regions compared by default; a reader adds or removes regions (all of them, if they wish).
DEFAULT_REGIONS = 12


def resolve(data: AppData, state: dict) -> tuple[str | None, str, str, list[str]]:
    concepts = list(data.comparable_concepts["concept"])
    concept = state.get("concept") if state.get("concept") in concepts else (concepts[0] if concepts else None)
    view = state.get("view") if state.get("view") in ("dumbbell", "progress") else "dumbbell"
    image = state.get("img") if state.get("img") in ("png", "svg") else "png"
    having = data.regions_with_concept.get(concept, [])
    chosen = [r for r in state.get("regions", []) if r in set(having)] if state.get("regions") else []
    return concept, view, image, chosen or having[:DEFAULT_REGIONS]


def concept_options(data: AppData, lang: str) -> list[dict]:
    options = []
    for row in data.comparable_concepts.to_dict("records"):
        name = data.names.indicator(row["concept"], lang)
        measure = MEASURE_LABELS.get(row["measure"], {}).get(lang, row["measure"])
        options.append({"label": f"{name} ({row['regions']} {t('regions_count', lang)}, {measure})",
                        "value": row["concept"],
                        "search": f"{name} {data.names.indicator(row['concept'], 'en')} {row['concept']}"})
    return options


def region_options(data: AppData, concept: str | None, lang: str) -> list[dict]:
    return [{"label": data.names.region(r, lang), "value": r} for r in data.regions_with_concept.get(concept, [])]


def layout(data: AppData, lang: str, search: str, today: date | None = None) -> html.Div:
    concept, view, image, regions = resolve(data, parse_query(search, QUERY))
    return html.Div(className="page page-compare", children=[
        dcc.Location(id="compare-url", refresh="callback-nav"),
        html.H1(t("compare_title", lang)),
        html.Div(className="controls", children=[
            html.Div(className="control control-wide", children=[
                html.Label(t("choose_concept", lang), htmlFor="compare-concept", className="control-label"),
                dcc.Dropdown(id="compare-concept", options=concept_options(data, lang), value=concept,
                             clearable=False, searchable=True, optionHeight=44),
            ]),
            html.Div(className="control", children=[
                html.Span(t("view", lang), className="control-label", id="compare-view-label"),
                dcc.RadioItems(id="compare-view", value=view, inline=True, className="radio-inline",
                               options=[{"label": t("view_dumbbell", lang), "value": "dumbbell"},
                                        {"label": t("view_progress", lang), "value": "progress"}]),
            ]),
            image_format_switch("compare-image-format", lang, image),
        ]),
        html.Div(className="control", children=[
            html.Label(t("compare_regions", lang), htmlFor="compare-regions", className="control-label"),
            dcc.Dropdown(id="compare-regions", options=region_options(data, concept, lang), value=regions, multi=True,
                         clearable=False, searchable=True),
        ]),
        html.Div(id="compare-body", children=body(data, lang, concept, view, image, regions, today)),
    ])


def body(data: AppData, lang: str, concept: str | None, view: str, image: str, regions: list[str],
         today: date | None = None) -> list:
    names = data.names
    if concept is None:
        return [html.P(t("no_targets", lang))]
    subset = data.concept_figures(concept)
    frame = data.comparison(concept, regions, today)
    having = set(data.regions_with_concept.get(concept, []))
    missing = [r for r in data.region_order if r not in having]
    values = pd.concat([frame[c] for c in ("baseline_base", "target_base", "latest_base")]).dropna().tolist()
    scale = choose_scale(values, str(subset["base_unit"].iloc[0]), data.catalogue.units,
                         list(dict.fromkeys(subset["unit"].astype(str))), lang)
    title = names.indicator(concept, lang)
    if view == "progress":
        figure = progress_bars_figure(frame, names, lang, title)
    else:
        figure = dumbbell_figure(frame, names, lang, scale, title)
    unit = names.unit(scale.unit, lang)
    missing_names = [names.region(r, lang) for r in missing[:200]]
    if len(missing) > 200:
        missing_names.append(f"… (+{len(missing) - 200})")
    return [
        html.Section(className="card", children=[
            graph("compare-chart", figure, clean_name(concept, view, "by-region"), image),
            html.P(f"{t('scale_note', lang)} {unit}.", className="muted"),
            data_table(_table(frame, scale, lang, names), title, lang, "compare-data-table"),
        ]),
        html.Section(className="card", children=[
            html.H2(t("regions_without", lang)),
            html.P("、".join(missing_names) if lang == "zh" else ", ".join(missing_names), id="compare-missing")
            if missing_names else html.P(t("all_have", lang)),
        ]),
    ]


def _table(frame: pd.DataFrame, scale, lang: str, names) -> pd.DataFrame:
    def value(v, comparator=None):
        if pd.isna(v):
            return "—"
        prefix = symbol(comparator) + " " if comparator and comparator != "=" else ""
        return prefix + format_number(v / scale.factor)

    rows = []
    for row in frame.to_dict("records"):
        rows.append({
            t("region", lang): names.region(row["region"], lang),
            "基期 / Baseline" if lang == "zh" else "Baseline": f"{value(row['baseline_base'])} ({row['baseline_year']:.0f})"
            if pd.notna(row["baseline_year"]) else "—",
            t("goal", lang): f"{value(row['target_base'], row['comparator'])} ({row['target_year']:.0f})"
            if pd.notna(row["target_year"]) else "—",
            ("最新" if lang == "zh" else "Latest"): f"{value(row['latest_base'])} ({row['latest_as_of'] or int(row['latest_year'])})"
            if pd.notna(row["latest_year"]) else "—",
            t("status", lang): STATUS_LABELS[row["status"]][lang] if isinstance(row["status"], str) else "—",
            t("reason", lang): row[f"reason_{lang}"] if isinstance(row[f"reason_{lang}"], str) else "",
        })
    return pd.DataFrame(rows)


def register(app, data: AppData) -> None:
    @app.callback(
        Output("compare-url", "search"),
        Output("compare-concept", "value"),
        Output("compare-view", "value"),
        Output("compare-image-format", "value"),
        Output("compare-regions", "options"),
        Output("compare-regions", "value"),
        Output("compare-body", "children"),
        Input("compare-url", "search"),
        Input("compare-concept", "value"),
        Input("compare-view", "value"),
        Input("compare-image-format", "value"),
        Input("compare-regions", "value"),
        State("compare-url", "pathname"),
        prevent_initial_call=True,
    )
    def _sync(search, concept, view, image, regions, pathname):
        from dash import ctx

        lang, page = parse_path(as_text(pathname))
        if page != "compare":
            raise PreventUpdate
        search, concept, view, image = as_text(search), as_text(concept), as_text(view), as_text(image)
        if ctx.triggered_id == "compare-url":
            state = parse_query(search, QUERY)
        else:
            state = {"concept": concept, "view": view, "img": image,
                     "regions": as_text_list(regions) if ctx.triggered_id != "compare-concept" else []}
        concept, view, image, regions = resolve(data, state)
        default = data.regions_with_concept.get(concept, [])[:DEFAULT_REGIONS]
        new_search = build_search({"concept": concept, "view": view if view != "dumbbell" else None,
                                   "img": image if image != "png" else None,
                                   "regions": regions if regions != default else None})
        return (new_search if new_search != search else no_update, concept, view, image,
                region_options(data, concept, lang), regions, body(data, lang, concept, view, image, regions))
