"""Regions side by side on one concept: baseline, goal, latest observation and progress.

A concept has one measure (stock, flow, rate, share or yes/no), so a comparison never puts a
stock and a flow on one axis; values are in base units so every region shares one scale.
Regions that have no figure for the concept are returned by name, not silently left out.
"""
from __future__ import annotations

import pandas as pd


COMPARE_COLUMNS = ["region", "indicator", "measure", "baseline_year", "baseline_base", "baseline_from",
                   "target_id", "figure_kind", "target_year", "comparator", "target_base", "latest_year",
                   "latest_as_of", "latest_base", "progress", "status", "reason_zh", "reason_en"]


def compare_concept(figures: pd.DataFrame, assessments: pd.DataFrame, concept: str,
                    all_regions: list[str]) -> tuple[pd.DataFrame, list[str]]:
    """One row per region that has the concept; and the regions that do not.

    Vectorised (no loop over regions) so that a concept held by 3,000 regions compares in
    milliseconds. Each region's goal is its final target (the latest target; a milestone only
    when it has no target); its latest observation is the one latest in time.
    """
    # Narrow every frame to the columns used before sorting: the sorts then move 6 columns, not 30.
    subset = figures.loc[figures["concept"] == concept,
                         ["region", "indicator", "measure", "figure_kind", "year", "as_of", "value_base", "id"]]
    if subset.empty:
        return pd.DataFrame(columns=COMPARE_COLUMNS), list(all_regions)
    first = subset.drop_duplicates("region")[["region", "indicator", "measure"]].astype(object)
    goals = assessments.loc[assessments["concept"] == concept,
                            ["region", "target_id", "figure_kind", "target_year", "comparator", "target_base",
                             "progress", "status", "reason_zh", "reason_en", "baseline_year", "baseline_base",
                             "baseline_from"]]
    if not goals.empty:
        goals = goals.assign(rank=(goals["figure_kind"] == "target").astype(int))
        goals = goals.sort_values(["region", "rank", "target_year"]).drop_duplicates("region", keep="last")
        goals = goals.drop(columns="rank")
        frame = first.merge(goals.astype({"region": object}), on="region", how="left")
    else:
        frame = first
    baselines = subset[(subset["figure_kind"] == "baseline") & subset["value_base"].notna()]
    baselines = baselines.sort_values("year").drop_duplicates("region")[["region", "year", "value_base"]]
    baselines = baselines.astype({"region": object}).rename(columns={"year": "first_baseline_year",
                                                                     "value_base": "first_baseline_base"})
    frame = frame.merge(baselines, on="region", how="left")
    if "baseline_base" not in frame:
        frame["baseline_base"], frame["baseline_year"], frame["baseline_from"] = None, None, None
    missing_base = frame["baseline_base"].isna() & frame["first_baseline_base"].notna()
    frame.loc[missing_base, "baseline_year"] = frame.loc[missing_base, "first_baseline_year"]
    frame.loc[missing_base, "baseline_base"] = frame.loc[missing_base, "first_baseline_base"]
    frame.loc[missing_base, "baseline_from"] = "baseline"
    observed = subset[(subset["figure_kind"] == "observation") & subset["value_base"].notna()]
    if not observed.empty:
        months = pd.to_numeric(observed["as_of"].str[5:7], errors="coerce")
        time = observed["year"] - months.notna().astype(int) + months.fillna(0) / 12
        observed = observed.assign(time=time).sort_values(["time", "id"]).drop_duplicates("region", keep="last")
        latest = observed[["region", "year", "as_of", "value_base"]].astype({"region": object}).rename(
            columns={"year": "latest_year", "as_of": "latest_as_of", "value_base": "latest_base"})
        frame = frame.merge(latest, on="region", how="left")
    frame = frame.reindex(columns=COMPARE_COLUMNS)
    order = {region: i for i, region in enumerate(all_regions)}
    frame = frame.sort_values("region", key=lambda s: s.map(order)).reset_index(drop=True)
    present = set(frame["region"])
    missing = [region for region in all_regions if region not in present]
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
