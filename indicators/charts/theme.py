"""Colours and layout shared by every chart, so a region looks the same in every view.

Figures are built with `_validate=False`: plotly's per-property validation costs ~1.6 ms per
trace, which dominated callback time. The test suite rebuilds every figure with full validation
(`go.Figure(figure.to_dict())`), so an invalid property still fails there, never in a reader's browser.

Region colours are the Okabe-Ito palette, designed to stay distinct for colour-blind readers;
status colours pair hue with a marker shape and a text label so colour is never the only cue.
"""
from __future__ import annotations

import plotly.graph_objects as go

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

#: Fixed colours for the regions of the shipped catalogue; other regions take the palette in order.
REGION_COLOURS = {
    "sichuan": "#0072B2", "luzhou": "#E69F00", "yongchuan": "#009E73", "luojiang": "#CC79A7",
    "deyang": "#56B4E9", "chongqing": "#D55E00", "china": "#000000", "chengdu_chongqing": "#8C6D1F",
}

STATUS_COLOURS = {
    "met": "#1A7F37", "on_track": "#2DA44E", "moderate": "#BF8700", "limited": "#D4700B",
    "moving_away": "#CF222E", "missed": "#82071E", "unknown": "#6E7781", "not_enough_data": "#8C959F",
}
GROUP_COLOURS = {"met": "#1A7F37", "on_track": "#2DA44E", "at_risk": "#D4700B", "missed": "#82071E",
                 "no_data": "#8C959F"}

FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", ' \
       'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'


def region_colour(region: str, order: list[str] | None = None) -> str:
    if region in REGION_COLOURS:
        return REGION_COLOURS[region]
    index = (order or []).index(region) if order and region in order else abs(hash(region))
    return OKABE_ITO[index % len(OKABE_ITO)]


def base_layout(title: str, height: int = 420, xaxis: dict | None = None, yaxis: dict | None = None,
                **extra) -> go.Layout:
    """The shared layout; axis settings are passed in here because `update_xaxes` validates (slow)."""
    settings = {
        "title": {"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}},
        "font": {"family": FONT, "size": 13, "color": "#1F2328"},
        "height": height, "margin": {"l": 60, "r": 24, "t": 56, "b": 48},
        "paper_bgcolor": "white", "plot_bgcolor": "white",
        "hoverlabel": {"font": {"family": FONT}, "align": "left"},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "xanchor": "left"},
        "xaxis": {"gridcolor": "#EAEEF2", "zeroline": False, "linecolor": "#8C959F", **(xaxis or {})},
        "yaxis": {"gridcolor": "#EAEEF2", "zeroline": False, "linecolor": "#8C959F", "rangemode": "tozero",
                  **(yaxis or {})},
    }
    for key, value in extra.items():
        settings[key] = {**settings[key], **value} if isinstance(settings.get(key), dict) else value
    return go.Layout(_validate=False, **settings)


def empty_figure(message: str) -> go.Figure:
    """A figure that says why it is empty, never a blank canvas."""
    figure = go.Figure(_validate=False, layout=base_layout("", height=260, xaxis={"visible": False},
                                                           yaxis={"visible": False}))
    figure.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper",
                          font={"size": 15, "color": "#57606A"})
    return figure
