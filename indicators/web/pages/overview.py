"""Overview: for each region, how many targets are met, on track, at risk, missed or without data."""
from __future__ import annotations

from datetime import date

import pandas as pd
from dash import Input, Output, html

from ...charts import status_bars_figure
from ...i18n import GROUP_LABELS
from ...progress import GROUPS, STATUS_GROUP
from ..components import clean_name, data_table, graph, graph_config, image_format_switch
from ..context import AppData
from ..text import t
from ..urls import href


#: Regions shown as cards, bars and matrix rows at most (those with most targets first); at national
#: scale the rest are counted and reachable through the table, never silently dropped.
MAX_CARDS, MAX_MATRIX_ROWS = 24, 60


def _more(count: int, lang: str) -> html.P | None:
    if count <= 0:
        return None
    return html.P(f"另有{count}个地区未在此列出，请在“目标数据表”中按地区筛选。" if lang == "zh" else
                  f"{count} more regions are not listed here; filter the targets table by region.", className="muted")


def layout(data: AppData, lang: str, search: str, today: date | None = None) -> html.Div:
    today = today or date.today()
    catalogue = data.catalogue
    assessments = data.assessments(today)
    summary = data.summary(today)
    order = {r: i for i, r in enumerate(data.region_order)}
    summary = summary.sort_values("region", key=lambda s: s.map(order).fillna(99)).reset_index(drop=True)
    stats = [
        (t("figures_count", lang), len(catalogue.figures)),
        (t("targets_count", lang), len(assessments)),
        (t("sources_count", lang), len(catalogue.sources)),
        (t("contradictions_count", lang), len(catalogue.contradictions)),
        (t("as_of", lang), today.isoformat()),
        (t("newest_figure", lang), data.newest_observation or "—"),
    ]
    shown = summary.head(MAX_CARDS)
    figure = status_bars_figure(shown, data.names, lang, t("status_by_region", lang))
    table = shown.assign(region=[data.names.region(r, lang) for r in shown["region"]])
    table = table.rename(columns={"region": t("region", lang), "total": t("total", lang),
                                  **{g: GROUP_LABELS[g][lang] for g in GROUPS}})
    return html.Div(className="page page-overview", children=[
        html.H1(t("overview_title", lang)),
        html.P(t("overview_intro", lang), className="lead"),
        html.Dl(className="stats", children=[html.Div(className="stat", children=[html.Dt(k), html.Dd(str(v))])
                                             for k, v in stats]),
        html.Div(className="region-cards", children=[_region_card(data, row, lang)
                                                     for row in shown.to_dict("records")]),
        _more(len(summary) - MAX_CARDS, lang),
        html.Section(className="card", children=[
            image_format_switch("overview-image-format", lang),
            graph("overview-status-chart", figure, clean_name("target-status-by-region", today.isoformat())),
            data_table(table, t("status_by_region", lang), lang),
            _more(len(summary) - MAX_CARDS, lang),
        ]),
        html.Section(className="card", children=[
            html.H2(t("matrix_title", lang)), html.P(t("matrix_note", lang), className="muted"),
            _matrix(data, assessments, lang),
        ]),
    ])


def _chips(counts: dict, lang: str) -> list:
    return [html.Span(f"{GROUP_LABELS[g][lang]} {counts[g]}", className=f"chip group-{g}")
            for g in GROUPS if counts.get(g)]


def _region_card(data: AppData, row: dict, lang: str) -> html.A:
    return html.A(href=href(lang, "progress", {"region": row["region"]}), className="region-card", children=[
        html.H3(data.names.region(row["region"], lang)),
        html.P(f"{row['total']} · {t('targets_count', lang)}", className="muted"),
        html.Div(_chips(row, lang), className="chips"),
    ])


def _matrix(data: AppData, assessments: pd.DataFrame, lang: str) -> html.Div:
    if assessments.empty:
        return html.P(t("no_targets", lang))
    grouped = assessments.assign(group=assessments["status"].map(STATUS_GROUP))
    counts = grouped.groupby(["region", "category", "group"], observed=True).size().to_dict()
    categories = [c for c in data.catalogue.categories["id"] if c in set(grouped["category"])]
    present = set(grouped["region"])
    regions = [r for r in data.region_order if r in present][:MAX_MATRIX_ROWS]
    header = html.Thead(html.Tr([html.Th(t("region", lang), scope="col")] +
                                [html.Th(data.names.category(c, lang), scope="col") for c in categories]))
    rows = []
    for region in regions:
        cells = [html.Th(data.names.region(region, lang), scope="row")]
        for category in categories:
            cell = {g: counts.get((region, category, g), 0) for g in GROUPS}
            link = href(lang, "table", {"region": [region], "category": [category]})
            cells.append(html.Td(html.A(_chips(cell, lang), href=link, className="chips") if any(cell.values())
                                 else html.Span("—", className="muted", title=t("no_targets", lang))))
        rows.append(html.Tr(cells))
    return html.Div(className="table-scroll", children=[
        html.Table([header, html.Tbody(rows)], className="matrix", id="status-matrix"),
        _more(len(present) - len(regions), lang)])


def register(app, data: AppData) -> None:
    @app.callback(Output("overview-status-chart", "config"), Input("overview-image-format", "value"),
                  prevent_initial_call=True)
    def _image_format(image_format):
        return graph_config(clean_name("target-status-by-region", date.today().isoformat()),
                            image_format if image_format in ("png", "svg") else "png")  # anything else: PNG
