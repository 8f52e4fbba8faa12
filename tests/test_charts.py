"""The pure layers that feed the views: comparisons, display scales and figure builders."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from indicators.catalogue import load_catalogue
from indicators.charts import (choose_scale, dumbbell_figure, progress_bars_figure, progress_figure,
                               status_bars_figure)
from indicators.naming import Names
from indicators.numbers import format_quantity
from indicators.progress import assess, summarise
from indicators.progress.compare import compare_concept

TODAY = date(2023, 6, 1)


def valid(figure):
    """Figures are built unvalidated for speed; here every one is rebuilt with full validation."""
    import plotly.graph_objects as go

    go.Figure(figure.to_dict())
    return figure


@pytest.fixture
def catalogue(minimal_catalogue):
    extra = minimal_catalogue / "figures" / "extra.yaml"
    extra.write_text("""source: plan
figures:
  - {id: a-3, region: alpha, indicator: stations, figure_kind: observation, year: 2022, value: 0.6, unit: 万个,
     comparator: "=", quote: "0.6万个"}
  - {id: a-4, region: alpha, indicator: stations, figure_kind: milestone, year: 2023, value: 5000, unit: 个,
     comparator: ">=", quote: "5000个"}
""", encoding="utf-8")
    return load_catalogue(minimal_catalogue)


def test_compare_names_regions_without_the_concept(catalogue):
    frame, missing = compare_concept(catalogue.figures, assess(catalogue.figures, TODAY), "stations",
                                     ["alpha", "beta"])
    assert missing == ["beta"]
    [row] = frame.to_dict("records")
    assert row["target_id"] == "a-2"  # the final target, not the milestone
    assert row["baseline_base"] == 100 and row["latest_base"] == 6000 and row["target_base"] == 20000
    assert row["progress"] == pytest.approx((6000 - 100) / (20000 - 100))


def test_scales_follow_the_reader(shipped):
    units = shipped.units
    assert choose_scale([100, 6000, 20000], "count", units, ["万个", "个"]).unit == "个"
    assert choose_scale([60000, 250000], "count", units, ["万个"]).unit == "万"
    english = choose_scale([4.8e12, 6.0e12], "yuan", units, lang="en")
    assert (english.unit, english.factor) == ("trillion yuan", 1e12)
    assert format_quantity(110000, "en", "个", 1, "count") == "110,000"
    assert format_quantity(1.9e12, "en", "万亿元", 1e12, "yuan") == "1.9 trillion yuan"
    assert format_quantity(1.9e12, "zh", "万亿元", 1e12, "yuan") == "1.9万亿元"


def test_progress_figure_has_every_kind_of_point_and_the_required_path(catalogue):
    names = Names.from_catalogue(catalogue)
    series = catalogue.figures[catalogue.figures["concept"] == "stations"]
    goals = assess(series, TODAY)
    figure = valid(progress_figure(series, goals, names, "zh", choose_scale(series["value_base"], "count", catalogue.units,
                                                                       ["个"]), "甲区 · 基站"))
    names_of_traces = [t.name for t in figure.data]
    for expected in ("目标要求的路径", "基期值", "观测值", "阶段目标", "目标"):
        assert expected in names_of_traces
    target = next(t for t in figure.data if t.name == "目标")
    assert list(target.text) == ["≥ 20,000"]
    assert "“到2025年基站达到2万个以上”" in target.hovertext[0].replace("<br>", "")


def test_overview_and_comparison_figures(catalogue):
    names = Names.from_catalogue(catalogue)
    summary = summarise(assess(catalogue.figures, TODAY))
    bars = valid(status_bars_figure(summary, names, "en", "Status"))
    assert [t.name for t in bars.data] == ["Met", "On track", "At risk", "Missed", "No data"]
    assert sum(sum(t.x) for t in bars.data) == len(assess(catalogue.figures, TODAY))
    frame, _ = compare_concept(catalogue.figures, assess(catalogue.figures, TODAY), "stations", ["alpha", "beta"])
    scale = choose_scale([100, 20000], "count", catalogue.units, ["个"])
    dumbbell = valid(dumbbell_figure(frame, names, "en", scale, "Stations"))
    assert {t.name for t in dumbbell.data if t.name} == {"Baseline", "Goal", "Latest observation"}
    progress = valid(progress_bars_figure(frame, names, "zh", "基站"))
    assert progress.data[0].x[0] == pytest.approx(100 * (6000 - 100) / (20000 - 100))


def test_empty_selections_say_why(catalogue):
    names = Names.from_catalogue(catalogue)
    empty = progress_figure(catalogue.figures.iloc[0:0], pd.DataFrame(), names, "en",
                            choose_scale([], "count", catalogue.units), "t")
    assert "no figures" in empty.layout.annotations[0].text
    assert "No region" in dumbbell_figure(pd.DataFrame(), names, "en", None, "t").layout.annotations[0].text


def test_every_chart_of_the_shipped_catalogue_is_valid_plotly(shipped):
    """Every progress and comparison chart the app can show, rebuilt with full validation."""
    from indicators.web.context import AppData

    data = AppData(shipped)
    names = data.names
    for region, concepts in data.indicators_by_region.items():
        for concept in concepts:
            series = data.series(region, concept)
            scale = choose_scale(series["value_base"].dropna().tolist(), str(series["base_unit"].iloc[0]),
                                 shipped.units, list(series["unit"].astype(str)), "en")
            valid(progress_figure(series, data.goals(region, concept, TODAY), names, "en", scale, "t"))
    for concept in data.comparable_concepts["concept"]:
        frame, _ = compare_concept(shipped.figures, data.assessments(TODAY), concept, data.region_order)
        subset = shipped.figures[shipped.figures["concept"] == concept]
        scale = choose_scale(subset["value_base"].dropna().tolist(), str(subset["base_unit"].iloc[0]), shipped.units)
        valid(dumbbell_figure(frame, names, "zh", scale, "t"))
        valid(progress_bars_figure(frame, names, "zh", "t"))
