"""Regions side by side on one concept: baseline, goal, latest observation and progress.

A concept has one measure (stock, flow, rate, share or yes/no), so a comparison never puts a
stock and a flow on one axis; values are in base units so every region shares one scale.
Regions that have no figure for the concept are returned by name, not silently left out.
"""
from __future__ import annotations

import pandas as pd

from .assess import figure_time

COMPARE_COLUMNS = ["region", "indicator", "measure", "baseline_year", "baseline_base", "baseline_from",
                   "target_id", "figure_kind", "target_year", "comparator", "target_base", "latest_year",
                   "latest_as_of", "latest_base", "progress", "status", "reason_zh", "reason_en"]


def compare_concept(figures: pd.DataFrame, assessments: pd.DataFrame, concept: str,
                    all_regions: list[str]) -> tuple[pd.DataFrame, list[str]]:
    """One row per region that has the concept; and the regions that do not."""
    subset = figures[figures["concept"] == concept]
    goals = assessments[assessments["concept"] == concept]
    rows = []
    for region, members in subset.groupby("region", observed=True, sort=False):
        row = {"region": region, "indicator": members["indicator"].iloc[0], "measure": members["measure"].iloc[0]}
        region_goals = goals[goals["region"] == region]
        if not region_goals.empty:
            finals = region_goals[region_goals["figure_kind"] == "target"]
            chosen = (finals if not finals.empty else region_goals).sort_values("target_year").iloc[-1]
            row.update(target_id=chosen["target_id"], figure_kind=chosen["figure_kind"],
                       target_year=chosen["target_year"], comparator=chosen["comparator"],
                       target_base=chosen["target_base"], progress=chosen["progress"], status=chosen["status"],
                       reason_zh=chosen["reason_zh"], reason_en=chosen["reason_en"],
                       baseline_year=chosen["baseline_year"], baseline_base=chosen["baseline_base"],
                       baseline_from=chosen["baseline_from"])
        if pd.isna(row.get("baseline_base")):
            baselines = members[(members["figure_kind"] == "baseline") & members["value_base"].notna()]
            if not baselines.empty:
                first = baselines.sort_values("year").iloc[0]
                row.update(baseline_year=first["year"], baseline_base=first["value_base"], baseline_from="baseline")
        observed = members[(members["figure_kind"] == "observation") & members["value_base"].notna()]
        if not observed.empty:
            times = [figure_time(int(y), a if isinstance(a, str) else None)
                     for y, a in zip(observed["year"], observed["as_of"])]
            latest = observed.iloc[max(range(len(times)), key=times.__getitem__)]
            row.update(latest_year=latest["year"], latest_as_of=latest["as_of"], latest_base=latest["value_base"])
        rows.append(row)
    frame = pd.DataFrame(rows, columns=COMPARE_COLUMNS)
    order = {region: i for i, region in enumerate(all_regions)}
    frame = frame.sort_values("region", key=lambda s: s.map(order)).reset_index(drop=True)
    missing = [region for region in all_regions if region not in set(frame["region"])]
    return frame, missing


def concepts_with_regions(figures: pd.DataFrame) -> pd.DataFrame:
    """Each concept with how many regions have figures for it and whether any has a goal."""
    grouped = figures.groupby("concept", observed=True)
    table = pd.DataFrame({
        "regions": grouped["region"].nunique(),
        "goals": grouped["figure_kind"].agg(lambda s: int(s.isin(["target", "milestone"]).sum())),
        "measure": grouped["measure"].first(),
    })
    return table.reset_index().sort_values(["regions", "goals"], ascending=False)
