"""Sources: each document with its metadata, the figures taken from it, and the contradictions."""
from __future__ import annotations

from datetime import date

import pandas as pd
from dash import html

from ...i18n import FIGURE_KIND_LABELS
from ...numbers import format_number
from ...progress import symbol
from ..context import AppData
from ..text import GRADES, SOURCE_KINDS, t
from ..urls import href


#: Figures listed per source at most; the rest are counted and reachable in the targets table.
MAX_LISTED = 300


def layout(data: AppData, lang: str, search: str, today: date | None = None) -> html.Div:
    catalogue = data.catalogue
    counts = catalogue.figures["source"].value_counts()
    sections = [_source(data, row, int(counts.get(row["id"], 0)), lang)
                for row in catalogue.sources.to_dict("records")]
    return html.Div(className="page page-sources", children=[
        html.H1(t("sources_title", lang)),
        html.Section(className="card", id="contradictions", children=[
            html.H2(t("contradictions_title", lang)),
            _contradictions(data, lang),
        ]),
        *sections,
    ])


def _value(v) -> str:
    return "—" if v is None or pd.isna(v) else format_number(v)


def _source(data: AppData, row: dict, count: int, lang: str) -> html.Section:
    names = data.names
    figures = data.catalogue.figures[data.catalogue.figures["source"] == row["id"]]
    title = row[f"title_{lang}"]
    meta = [
        (t("issuer", lang), row.get(f"issuer_{lang}")),
        (t("date", lang), str(row["date"]) if pd.notna(row.get("date")) else t("unknown_date", lang)),
        (t("kind", lang), SOURCE_KINDS.get(row["kind"], {}).get(lang, row["kind"])),
        (t("seed_file", lang), row.get("seed_file") if isinstance(row.get("seed_file"), str) else None),
        (t("grade", lang), GRADES.get(row.get("grade"), {}).get(lang) if isinstance(row.get("grade"), str) else None),
    ]
    note = row.get(f"note_{lang}")
    url = row.get("url") if isinstance(row.get("url"), str) else None
    items = []
    for figure in figures.sort_values(["region", "indicator", "year"]).head(MAX_LISTED).to_dict("records"):
        comparator = "" if figure["comparator"] == "=" else symbol(figure["comparator"]) + " "
        items.append(html.Tr([
            html.Td(names.region(figure["region"], lang)),
            html.Td(html.A(names.indicator(figure["indicator"], lang),
                           href=href(lang, "progress", {"region": figure["region"], "indicator": figure["concept"]}))),
            html.Td(FIGURE_KIND_LABELS[figure["figure_kind"]][lang]),
            html.Td(figure["as_of"] or figure["year"]),
            html.Td(f"{comparator}{_value(figure['value'])} {names.unit(figure['unit'], lang)}"),
            html.Td(html.Q(figure["quote"]), lang="zh"),
        ]))
    table = html.Table(className="data-table", children=[
        html.Thead(html.Tr([html.Th(t(k, lang), scope="col") for k in
                            ("region", "nav_progress", "figure_kind", "year", "value", "quote")])),
        html.Tbody(items)])
    return html.Section(className="card source", id=f"source-{row['id']}", children=[
        html.H2(title),
        html.P(row[f"title_{'en' if lang == 'zh' else 'zh'}"], className="muted", lang="en" if lang == "zh" else "zh"),
        html.Dl(className="meta", children=[html.Div([html.Dt(k), html.Dd(v)]) for k, v in meta if v]),
        html.P(note, className="note") if isinstance(note, str) else None,
        html.P([t("address", lang), ": ", html.A(url, href=url, rel="noopener noreferrer nofollow", target="_blank")])
        if url else None,
        html.Details(open=count <= 40, children=[
            html.Summary(f"{t('figures_from', lang)} ({count})"),
            html.Div(table, className="table-scroll"),
            html.P(html.A((f"另有{count - MAX_LISTED}条，见目标数据表" if lang == "zh"
                           else f"{count - MAX_LISTED} more: see the targets table"), href=href(lang, "table")),
                   className="muted") if count > MAX_LISTED else None]),
    ])


def _contradictions(data: AppData, lang: str):
    frame = data.catalogue.contradictions
    if frame.empty:
        return html.P(t("no_contradictions", lang))
    figures = data.catalogue.figures.set_index("id")
    items = []
    for row in frame.to_dict("records"):
        quotes = []
        for figure_id in row["figures"]:
            if figure_id in figures.index:
                figure = figures.loc[figure_id]
                quotes.append(html.Li([html.Code(figure_id), " ", html.Q(figure["quote"], lang="zh")]))
        items.append(html.Li(className="conflict-item", children=[
            html.P([html.Strong("⚠ "), row[f"description_{lang}"]]), html.Ul(quotes)]))
    return html.Ul(items, className="conflicts")


def register(app, data: AppData) -> None:
    """Static page: nothing to wire."""
