"""The indicator progress chart: baseline, milestones, target, observations, required path, pace.

Pure: figure rows and assessment rows in, a Plotly figure out. Built with graph_objects (not
plotly.express) because a callback builds it on every selection.
"""
from __future__ import annotations

import html
import textwrap

import pandas as pd
import plotly.graph_objects as go

from ..i18n import FIGURE_KIND_LABELS, STATUS_LABELS
from ..naming import Names
from ..numbers import format_number
from ..progress import figure_time, symbol
from .scale import Scale
from ..records import records
from .theme import STATUS_COLOURS, base_layout, empty_figure, region_colour

TEXT = {
    "required": {"zh": "目标要求的路径", "en": "Path the target requires"},
    "pace": {"zh": "按当前速度推算", "en": "Where the present pace leads"},
    "year": {"zh": "年份", "en": "Year"},
    "source": {"zh": "来源", "en": "Source"},
    "no_figures": {"zh": "此地区没有该指标的数据", "en": "This region has no figures for this indicator"},
    "achieved": {"zh": "已达成", "en": "achieved"},
    "not_achieved": {"zh": "未达成", "en": "not achieved"},
    "goal": {"zh": "目标：达成", "en": "Goal: achieved"},
}


def _when(row) -> str:
    return row["as_of"] if row.get("as_of") else str(row["year"])


def _hover(row: dict, value_text: str, names: Names, lang: str) -> str:
    # Catalogue text is escaped before it enters Plotly's hover markup: a quote is never markup.
    quote = "<br>".join(html.escape(line) for line in textwrap.wrap(str(row["quote"]), 28 if lang == "zh" else 60))
    kind = FIGURE_KIND_LABELS[row["figure_kind"]][lang]
    period = f"{int(row['period_start'])}–" if row.get("period_start") not in (None, row["year"]) and \
        pd.notna(row.get("period_start")) else ""
    return (f"<b>{kind}</b> {period}{_when(row)}<br>{value_text}<br>“{quote}”<br>"
            f"<i>{TEXT['source'][lang]}: {html.escape(names.source(row['source'], lang))}</i>")


def _value_text(row: dict, scale: Scale, names: Names, lang: str) -> str:
    if row["value_base"] is None or pd.isna(row["value_base"]):
        return "—"
    comparator = symbol(row["comparator"]) + " " if row["comparator"] not in ("=",) else ""
    value = format_number(row["value_base"] / scale.factor)
    return f"{comparator}{value} {names.unit(scale.unit, lang)}".strip()


def progress_figure(series: pd.DataFrame, assessments: pd.DataFrame, names: Names, lang: str,
                    scale: Scale, title: str) -> go.Figure:
    """All figures of one region and concept on one time axis, in one display unit."""
    if series.empty:
        return empty_figure(TEXT["no_figures"][lang])
    rows = records(series)
    for row in rows:
        row["time"] = figure_time(int(row["year"]), row.get("as_of"))
    measure = rows[0]["measure"]
    colour = region_colour(rows[0]["region"])
    unit_label = names.unit(scale.unit, lang)
    years = [r["year"] for r in rows]
    if measure == "binary":
        figure = go.Figure(_validate=False, layout=base_layout(
            title, xaxis={"dtick": 1, "tickformat": "d", "range": [min(years) - 1, max(years) + 1],
                          "title": {"text": TEXT["year"][lang]}},
            yaxis={"range": [-0.5, 1.6], "tickvals": [0, 1], "rangemode": "normal",
                   "ticktext": [TEXT["not_achieved"][lang], TEXT["achieved"][lang]]}))
        return _binary_figure(figure, rows, names, lang, colour)
    suffix = "%/yr" if measure == "growth_rate" and lang == "en" else ""
    figure = go.Figure(_validate=False, layout=base_layout(
        title, xaxis={"title": {"text": TEXT["year"][lang]}, "dtick": 1, "tickformat": "d",
                      "range": [min(years) - 0.6, max(years) + 0.6]},
        yaxis={"title": {"text": f"{unit_label} {suffix}".strip()},
               "rangemode": "normal" if measure == "growth_rate" else "tozero"}))

    def points(kind: str):
        return sorted((r for r in rows if r["figure_kind"] == kind and r["value_base"] is not None),
                      key=lambda r: r["time"])

    observations, baselines = points("observation"), points("baseline")
    goals = sorted((r for r in rows if r["figure_kind"] in ("target", "milestone") and r["value_base"] is not None),
                   key=lambda r: r["time"])

    for assessment in records(assessments):
        _add_paths(figure, assessment, scale, lang, colour)

    def add(points_, name, symbol_, size, mode="markers", text=None):
        if not points_:
            return
        figure.add_trace(go.Scatter(
            _validate=False, x=[p["time"] for p in points_], y=scale.apply([p["value_base"] for p in points_]),
            mode=mode, name=name, text=text, textposition="top center",
            marker={"symbol": symbol_, "size": size, "color": colour, "line": {"color": colour, "width": 2}},
            line={"color": colour, "width": 2},
            hovertext=[_hover(p, _value_text(p, scale, names, lang), names, lang) for p in points_],
            hoverinfo="text"))

    add(baselines, FIGURE_KIND_LABELS["baseline"][lang], "circle-open", 12)
    add(observations, FIGURE_KIND_LABELS["observation"][lang], "circle", 10,
        mode="lines+markers" if measure in ("level", "share") else "markers")
    for kind, size in (("milestone", 13), ("target", 16)):
        chosen = [g for g in goals if g["figure_kind"] == kind]
        labels = [f"{symbol(g['comparator'])} {format_number(g['value_base'] / scale.factor)}".strip() for g in chosen]
        add(chosen, FIGURE_KIND_LABELS[kind][lang], "diamond" if kind == "target" else "diamond-open", size,
            mode="markers+text", text=labels)

    return figure


def _add_paths(figure: go.Figure, assessment: dict, scale: Scale, lang: str, colour: str) -> None:
    """The straight path the target requires from the baseline, and the present pace's projection."""
    if assessment["measure"] not in ("level", "share") or pd.isna(assessment.get("baseline_base")):
        return
    target_time = float(assessment["target_year"])
    figure.add_trace(go.Scatter(
        _validate=False, x=[float(assessment["baseline_year"]), target_time],
        y=scale.apply([assessment["baseline_base"], assessment["target_base"]]),
        mode="lines", name=TEXT["required"][lang], legendgroup="required",
        showlegend=not any(t.legendgroup == "required" for t in figure.data),
        line={"color": "#57606A", "dash": "dot", "width": 1.5}, hoverinfo="skip"))
    projected = assessment.get("projected_base")
    if projected is not None and pd.notna(projected) and pd.notna(assessment.get("latest_time")):
        status = assessment["status"]
        figure.add_trace(go.Scatter(
            _validate=False, x=[float(assessment["latest_time"]), target_time],
            y=scale.apply([assessment["latest_base"], projected]),
            mode="lines+markers", name=TEXT["pace"][lang], legendgroup="pace",
            showlegend=not any(t.legendgroup == "pace" for t in figure.data),
            marker={"symbol": ["circle", "x"], "size": [1, 10], "color": STATUS_COLOURS.get(status, colour)},
            line={"color": STATUS_COLOURS.get(status, colour), "dash": "dash", "width": 2},
            hovertext=["", f"{TEXT['pace'][lang]}: {format_number(projected / scale.factor)} "
                           f"({STATUS_LABELS[status][lang]})"],
            hoverinfo="text"))


def _binary_figure(figure: go.Figure, rows: list[dict], names: Names, lang: str, colour: str) -> go.Figure:
    """A yes/no goal on a timeline: the goal's deadline and every report of it."""
    goals = [r for r in rows if r["figure_kind"] in ("target", "milestone")]
    reports = [r for r in rows if r["figure_kind"] == "observation"]
    if goals:
        figure.add_trace(go.Scatter(
            _validate=False, x=[g["time"] for g in goals], y=[1] * len(goals), mode="markers+text",
            name=FIGURE_KIND_LABELS["target"][lang], text=[TEXT["goal"][lang]] * len(goals),
            textposition="top center", marker={"symbol": "diamond", "size": 16, "color": colour},
            hovertext=[_hover(g, TEXT["goal"][lang], names, lang) for g in goals], hoverinfo="text"))
    if reports:
        texts = [TEXT["achieved" if r["value_base"] == 1 else "not_achieved"][lang] for r in reports]
        figure.add_trace(go.Scatter(
            _validate=False, x=[r["time"] for r in reports], y=[r["value_base"] for r in reports], mode="markers+text",
            name=FIGURE_KIND_LABELS["observation"][lang], text=texts, textposition="bottom center",
            marker={"symbol": "circle", "size": 12, "color": colour},
            hovertext=[_hover(r, t, names, lang) for r, t in zip(reports, texts)], hoverinfo="text"))
    return figure
