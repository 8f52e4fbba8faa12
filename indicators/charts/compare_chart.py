"""Regions side by side: a dumbbell from baseline to goal with the latest observation marked, or
progress toward each goal in percent."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..i18n import STATUS_LABELS
from ..naming import Names
from ..numbers import format_number
from ..records import records
from ..progress import symbol
from .scale import Scale
from .theme import STATUS_COLOURS, base_layout, empty_figure, region_colour

TEXT = {
    "baseline": {"zh": "基期值", "en": "Baseline"},
    "goal": {"zh": "目标", "en": "Goal"},
    "latest": {"zh": "最新观测值", "en": "Latest observation"},
    "progress": {"zh": "目标完成进度（%）", "en": "Progress toward the goal (%)"},
    "none": {"zh": "没有可比较的地区", "en": "No region to compare"},
    "no_goal_progress": {"zh": "没有同时具备基期值、目标和观测值的地区，无法计算进度",
                         "en": "No region has a baseline, a goal and an observation, so progress cannot be computed"},
}


def dumbbell_figure(frame: pd.DataFrame, names: Names, lang: str, scale: Scale, title: str) -> go.Figure:
    if frame.empty:
        return empty_figure(TEXT["none"][lang])
    unit = names.unit(scale.unit, lang)
    figure = go.Figure(_validate=False, layout=base_layout(
        title, height=max(260, 90 + 56 * len(frame)), xaxis={"title": {"text": unit}, "rangemode": "tozero"},
        yaxis={"autorange": "reversed", "rangemode": "normal", "showgrid": False}))
    labels = [names.region(r, lang) for r in frame["region"]]
    # One trace for every region's baseline-to-goal line (None separates them): fast at 3,000 regions.
    xs, ys = [], []
    for row, label in zip(records(frame), labels):
        if pd.notna(row.get("baseline_base")) and pd.notna(row.get("target_base")):
            xs += [row["baseline_base"] / scale.factor, row["target_base"] / scale.factor, None]
            ys += [label, label, None]
    if xs:
        figure.add_trace(go.Scatter(_validate=False, x=xs, y=ys, mode="lines", showlegend=False, hoverinfo="skip",
                                    line={"color": "#8C959F", "width": 4}, opacity=0.6))

    def markers(column: str, year_column: str, name: str, symbol_: str, size: int):
        shown = frame[frame[column].notna()]
        if shown.empty:
            return
        colours = [region_colour(r) for r in shown["region"]]
        hover = []
        for row in records(shown):
            prefix = symbol(row["comparator"]) + " " if column == "target_base" and row.get("comparator") not in (None, "=") else ""
            when = row.get("latest_as_of") if column == "latest_base" and isinstance(row.get("latest_as_of"), str) \
                else int(row[year_column])
            hover.append(f"<b>{names.region(row['region'], lang)}</b><br>{name} {when}: "
                         f"{prefix}{format_number(row[column] / scale.factor)} {unit}")
        figure.add_trace(go.Scatter(
            _validate=False, x=scale.apply(shown[column]), y=[names.region(r, lang) for r in shown["region"]], mode="markers",
            name=name, hovertext=hover, hoverinfo="text",
            marker={"symbol": symbol_, "size": size, "color": colours, "line": {"color": colours, "width": 2}}))

    markers("baseline_base", "baseline_year", TEXT["baseline"][lang], "circle-open", 12)
    markers("target_base", "target_year", TEXT["goal"][lang], "diamond", 15)
    markers("latest_base", "latest_year", TEXT["latest"][lang], "circle", 11)
    return figure


def progress_bars_figure(frame: pd.DataFrame, names: Names, lang: str, title: str) -> go.Figure:
    shown = frame[frame["progress"].notna()] if not frame.empty else frame
    if shown.empty:
        return empty_figure(TEXT["no_goal_progress"][lang])
    percent = shown["progress"].astype(float) * 100
    labels = [names.region(r, lang) for r in shown["region"]]
    figure = go.Figure(_validate=False, layout=base_layout(
        title, height=max(260, 90 + 56 * len(shown)), showlegend=False,
        xaxis={"title": {"text": TEXT["progress"][lang]}, "ticksuffix": "%"},
        yaxis={"autorange": "reversed", "showgrid": False},
        shapes=[{"type": "line", "x0": 100, "x1": 100, "xref": "x", "y0": 0, "y1": 1, "yref": "paper",
                 "line": {"color": "#1F2328", "dash": "dot"}}]))
    figure.add_trace(go.Bar(
        _validate=False, x=percent, y=labels, orientation="h", name=TEXT["progress"][lang],
        marker={"color": [STATUS_COLOURS.get(s, "#8C959F") for s in shown["status"]]},
        text=[f"{format_number(p, 3)}% · {STATUS_LABELS.get(s, {}).get(lang, '')}" for p, s in zip(percent, shown["status"])],
        textposition="auto", hovertext=[r for r in shown[f"reason_{lang}"]], hoverinfo="text"))
    return figure
