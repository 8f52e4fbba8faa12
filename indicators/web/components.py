"""Small building blocks shared by the pages: graphs with sensible download names, accessible
data tables behind every chart, status badges."""
from __future__ import annotations

import re

import pandas as pd
from dash import dcc, html

from ..i18n import STATUS_LABELS
from .text import t


def clean_name(*parts: str) -> str:
    """A file name for a chart image: ids and years only, nothing from free text."""
    joined = "_".join(str(p) for p in parts if p)
    return re.sub(r"[^A-Za-z0-9_-]+", "-", joined).strip("-")[:80] or "chart"


def graph_config(filename: str, image_format: str = "png") -> dict:
    return {"displaylogo": False, "responsive": True,
            "toImageButtonOptions": {"format": image_format, "filename": filename, "scale": 2},
            "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"]}


def graph(graph_id: str, figure, filename: str, image_format: str = "png") -> dcc.Graph:
    height = getattr(getattr(figure, "layout", None), "height", None) or 420
    return dcc.Graph(id=graph_id, figure=figure, className="chart", config=graph_config(filename, image_format),
                     style={"height": f"{height}px"})


def image_format_switch(switch_id: str, lang: str, value: str = "png") -> html.Div:
    return html.Div(className="image-format", children=[
        html.Span(t("chart_image_format", lang), id=f"{switch_id}-label", className="control-label"),
        dcc.RadioItems(id=switch_id, options=[{"label": "PNG", "value": "png"}, {"label": "SVG", "value": "svg"}],
                       value=value, inline=True, className="radio-inline"),
    ])


def data_table(frame: pd.DataFrame, caption: str, lang: str, table_id: str | None = None) -> html.Details:
    """A chart's numbers as a real table, for screen readers and for anyone who wants the digits."""
    header = html.Thead(html.Tr([html.Th(str(c), scope="col") for c in frame.columns]))
    body = html.Tbody([html.Tr([html.Td("" if pd.isna(v) else str(v)) for v in row])
                       for row in frame.itertuples(index=False)])
    return html.Details(className="chart-data", children=[
        html.Summary(t("data_table", lang)),
        html.Table([html.Caption(caption), header, body], className="data-table",
                   **({"id": table_id} if table_id else {})),
    ])


def status_badge(status: str, lang: str) -> html.Span:
    return html.Span(STATUS_LABELS[status][lang], className=f"badge status-{status}")


def empty_state(message: str) -> html.Div:
    return html.Div(message, className="empty-state", role="status")
