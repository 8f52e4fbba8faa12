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


def compare_all(figures: pd.DataFrame, assessments: pd.DataFrame) -> pd.DataFrame:
    """One row per (concept, region): baseline, final goal, latest observation, progress, status.

    Vectorised over the whole catalogue (a few sorts, no loop over regions), so a national
    catalogue is compared once a day in about a second and every comparison view is a slice.
    Each region's goal is its final target (the latest target; a milestone only when it has no
    target); its latest observation is the one latest in time.
    """
    keys = ["concept", "region"]
    subset = figures[["concept", "region", "indicator", "measure", "figure_kind", "year", "as_of", "value_base", "id"]]
    subset = subset.astype({"concept": object, "region": object})
    frame = subset.drop_duplicates(keys)[["concept", "region", "indicator", "measure"]]
    goals = assessments[["concept", "region", "target_id", "figure_kind", "target_year", "comparator", "target_base",
                         "progress", "status", "reason_zh", "reason_en", "baseline_year", "baseline_base",
                         "baseline_from"]].astype({"concept": object, "region": object})
    if not goals.empty:
        goals = goals.assign(rank=(goals["figure_kind"] == "target").astype(int))
        goals = goals.sort_values([*keys, "rank", "target_year"]).drop_duplicates(keys, keep="last")
        frame = frame.merge(goals.drop(columns="rank"), on=keys, how="left")
    else:
        frame = frame.reindex(columns=[*frame.columns, "baseline_year", "baseline_base", "baseline_from"])
    baselines = subset[(subset["figure_kind"] == "baseline") & subset["value_base"].notna()]
    baselines = baselines.sort_values("year").drop_duplicates(keys)[[*keys, "year", "value_base"]]
    frame = frame.merge(baselines.rename(columns={"year": "first_baseline_year", "value_base": "first_baseline_base"}),
                        on=keys, how="left")
    frame["baseline_from"] = frame["baseline_from"].astype(object)
    missing_base = frame["baseline_base"].isna() & frame["first_baseline_base"].notna()
    frame.loc[missing_base, "baseline_year"] = frame.loc[missing_base, "first_baseline_year"]
    frame.loc[missing_base, "baseline_base"] = frame.loc[missing_base, "first_baseline_base"]
    frame.loc[missing_base, "baseline_from"] = "baseline"
    observed = subset[(subset["figure_kind"] == "observation") & subset["value_base"].notna()]
    if not observed.empty:
        months = pd.to_numeric(observed["as_of"].str[5:7], errors="coerce")
        time = observed["year"] - months.notna().astype(int) + months.fillna(0) / 12
        observed = observed.assign(time=time).sort_values(["time", "id"]).drop_duplicates(keys, keep="last")
        frame = frame.merge(observed[[*keys, "year", "as_of", "value_base"]].rename(
            columns={"year": "latest_year", "as_of": "latest_as_of", "value_base": "latest_base"}), on=keys, how="left")
    return frame.reindex(columns=["concept", *COMPARE_COLUMNS]).reset_index(drop=True)


def compare_concept(figures: pd.DataFrame, assessments: pd.DataFrame, concept: str,
                    all_regions: list[str]) -> tuple[pd.DataFrame, list[str]]:
    """One row per region that has the concept, in `all_regions` order; and the regions without it."""
    rows = compare_all(figures[figures["concept"] == concept], assessments[assessments["concept"] == concept])
    order = {region: i for i, region in enumerate(all_regions)}
    frame = rows[COMPARE_COLUMNS].sort_values("region", key=lambda s: s.map(order)).reset_index(drop=True)
    present = set(frame["region"])
    return frame, [region for region in all_regions if region not in present]


def concepts_with_regions(figures: pd.DataFrame) -> pd.DataFrame:
    """Each concept with how many regions have figures for it and whether any has a goal."""
    grouped = figures.groupby("concept", observed=True)
    table = pd.DataFrame({
        "regions": grouped["region"].nunique(),
        "goals": grouped["figure_kind"].agg(lambda s: int(s.isin(["target", "milestone"]).sum())),
        "measure": grouped["measure"].first(),
    })
    return table.reset_index().sort_values(["regions", "goals"], ascending=False)
