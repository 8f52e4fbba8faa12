"""The overview: per region, how many targets are met, on track, at risk, missed or without data."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..i18n import GROUP_LABELS
from ..naming import Names
from ..progress import GROUPS
from .theme import GROUP_COLOURS, base_layout, empty_figure

TEXT = {"targets": {"zh": "目标数（含阶段目标）", "en": "Targets (incl. milestones)"},
        "none": {"zh": "目录中没有目标", "en": "The catalogue holds no targets"}}


def status_bars_figure(summary: pd.DataFrame, names: Names, lang: str, title: str) -> go.Figure:
    """Stacked bars of status groups, one bar per region (summary from `progress.summarise`)."""
    if summary.empty:
        return empty_figure(TEXT["none"][lang])
    labels = [names.region(r, lang) for r in summary["region"]]
    figure = go.Figure(_validate=False, layout=base_layout(
        title, height=max(260, 100 + 44 * len(summary)), barmode="stack",
        legend={"traceorder": "normal"},
        xaxis={"title": {"text": TEXT["targets"][lang]}, "dtick": 5}, yaxis={"autorange": "reversed", "showgrid": False}))
    for group in GROUPS:
        counts = summary[group]
        figure.add_trace(go.Bar(
            _validate=False, x=counts, y=labels, orientation="h", name=GROUP_LABELS[group][lang],
            marker={"color": GROUP_COLOURS[group], "line": {"color": "white", "width": 1}},
            text=[str(c) if c else "" for c in counts], textposition="inside", insidetextanchor="middle",
            hovertemplate="%{y}: %{x} " + GROUP_LABELS[group][lang] + "<extra></extra>"))
    return figure
