"""A status for every target and milestone of the catalogue, with the numbers behind it.

`assess(figures, today)` returns one row per target or milestone. Targets are matched with the
baseline and observations of the same region and concept. Values are compared in base units, so
a baseline in 万个 and a target in 个 agree. Today's date is an argument: the same catalogue and
the same date always give the same verdicts.

The method, its thresholds and every edge case are written up in docs/methodology.md.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Iterable, Optional

import pandas as pd

from ..records import records
from .comparators import meets
from .method import classify_ratio, pace_ratio, project
from .reasons import explain

ASSESSMENT_COLUMNS = [
    "target_id", "region", "indicator", "concept", "category", "measure", "direction", "figure_kind",
    "target_year", "period_start", "comparator", "target_value", "unit", "base_unit", "factor", "target_base",
    "baseline_id", "baseline_year", "baseline_base", "baseline_from", "latest_id", "latest_year",
    "latest_time", "latest_label", "latest_base", "bound_only", "progress", "ratio", "method", "observed_rate", "required_rate",
    "projected_base", "status", "deadline_passed", "reason_zh", "reason_en",
]
_FIELDS = ["id", "region", "indicator", "concept", "category", "measure", "direction", "figure_kind", "year",
           "period_start", "as_of", "value", "value_base", "unit", "base_unit", "comparator", "quote"]


def figure_time(year: int, as_of: Optional[str]) -> float:
    """Time of a figure in years: a year's figure stands at the end of that year (t = year); one
    dated YYYY-MM stands at that month's end (2020-07 -> 2019 + 7/12)."""
    if as_of:
        return year - 1 + int(as_of[5:7]) / 12.0
    return float(year)


def assess(figures: pd.DataFrame, today: date) -> pd.DataFrame:
    """Assess every target and milestone in `figures` as of `today`."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    present = [c for c in _FIELDS if c in figures.columns]
    for record in records(figures[present]):
        record["time"] = figure_time(record["year"], record.get("as_of"))
        groups[(record["region"], record["concept"])].append(record)
    rows = []
    for members in groups.values():
        goals = [r for r in members if r["figure_kind"] in ("target", "milestone")]
        if not goals:
            continue
        baselines = sorted((r for r in members if r["figure_kind"] == "baseline" and r["value_base"] is not None),
                           key=lambda r: r["time"])
        observations = sorted((r for r in members if r["figure_kind"] == "observation"
                               and r["value_base"] is not None), key=lambda r: (r["time"], r["id"]))
        for goal in goals:
            rows.append(assess_goal(goal, baselines, observations, today))
    result = pd.DataFrame(rows, columns=ASSESSMENT_COLUMNS)
    return result.sort_values(["region", "concept", "target_year", "target_id"], kind="stable").reset_index(drop=True)


def assess_goal(goal: dict, baselines: list[dict], observations: list[dict], today: date) -> dict:
    """One target or milestone against the baseline and observations of its region and concept."""
    factor = goal["value_base"] / goal["value"] if goal["value"] not in (None, 0) and goal["value_base"] else 1.0
    row = {
        "target_id": goal["id"], "region": goal["region"], "indicator": goal["indicator"],
        "concept": goal["concept"], "category": goal.get("category"), "measure": goal["measure"],
        "direction": goal["direction"], "figure_kind": goal["figure_kind"], "target_year": goal["year"],
        "period_start": goal.get("period_start"), "comparator": goal["comparator"],
        "target_value": goal["value"], "unit": goal["unit"], "base_unit": goal.get("base_unit"), "factor": factor, "target_base": goal["value_base"],
        "deadline_passed": today.year > goal["year"],
    }
    measure = goal["measure"]
    if goal["value_base"] is None:
        row["status"] = "unknown" if row["deadline_passed"] else "not_enough_data"
        row["method"] = "no_target_value"
    elif measure == "binary":
        _binary(row, observations)
    elif measure in ("level", "share"):
        _level(row, goal, baselines, observations)
    elif measure == "increment":
        _increment(row, goal, observations)
    elif measure == "growth_rate":
        _growth(row, goal, observations)
    row["reason_zh"], row["reason_en"] = explain(row)
    return {column: row.get(column) for column in ASSESSMENT_COLUMNS}


def _take_latest(row: dict, latest: dict) -> None:
    row.update(latest_id=latest["id"], latest_year=latest["year"], latest_time=latest["time"],
               latest_base=latest["value_base"], latest_label=latest.get("as_of") or latest["year"])


def _binary(row: dict, observations: list[dict]) -> None:
    row["method"] = "binary"
    relevant = [o for o in observations if o["year"] <= row["target_year"]] or observations
    achieved = [o for o in relevant if o["value_base"] == 1]
    if achieved:
        _take_latest(row, achieved[0])
        row["status"] = "met"
    elif relevant:
        _take_latest(row, relevant[-1])
        row["status"] = "missed" if row["deadline_passed"] else "not_enough_data"
    else:
        row["status"] = "unknown" if row["deadline_passed"] else "not_enough_data"


def _level(row: dict, goal: dict, baselines: list[dict], observations: list[dict]) -> None:
    """Levels and shares: progress toward the goal and the growth ratio since the baseline."""
    target, direction, comparator = goal["value_base"], goal["direction"], goal["comparator"]
    target_time = float(goal["year"])
    usable_base = [b for b in baselines if b["time"] <= target_time]
    if usable_base:
        base, row["baseline_from"] = usable_base[-1], "baseline"
    else:
        earlier = [o for o in observations if o["time"] < target_time]
        base, row["baseline_from"] = (earlier[0], "observation") if earlier else (None, None)
    if base is not None:
        row.update(baseline_id=base["id"], baseline_year=base["year"], baseline_base=base["value_base"])
    after = [o for o in observations if base is None or (o["time"] > base["time"] and o["id"] != base["id"])]
    row["method"] = "level"
    if row["deadline_passed"]:
        # Only a figure for the end of the target year decides; a figure for part of the year, or a
        # bound ("more than 110,000") that falls short, cannot say "missed".
        at_deadline = [o for o in observations if o["time"] == target_time]
        if at_deadline:
            latest = at_deadline[-1]
            _take_latest(row, latest)
            reached = meets(latest["value_base"], target, comparator, direction)
            row["status"] = "met" if reached else ("unknown" if _is_bound(latest, direction) else "missed")
            if row["status"] == "unknown":
                row["bound_only"] = True
            _progress(row, base, latest, target)
        else:
            if observations:
                last = observations[-1]
                _take_latest(row, last)
                if base is not None and last["id"] != base["id"]:
                    _progress(row, base, last, target)
            row["status"] = "unknown"
        return
    if not after:
        row["status"] = "not_enough_data"
        return
    latest = after[-1]
    _take_latest(row, latest)
    _progress(row, base, latest, target)
    if meets(latest["value_base"], target, comparator, direction):
        row["status"] = "met"
        return
    if base is None:
        row["status"] = "not_enough_data"
        return
    ratio, method, details = pace_ratio(base["value_base"], base["time"], latest["value_base"], latest["time"],
                                        target, target_time, direction)
    row["method"] = method
    row.update(details)
    if ratio is None:
        # Baseline equal to the target: the goal is to hold the level; it is no longer held.
        row["status"] = "moving_away" if base["value_base"] == target else "not_enough_data"
        return
    row["ratio"] = ratio
    row["projected_base"] = project(latest["value_base"], latest["time"], target_time, method, details)
    row["status"] = classify_ratio(ratio)


def _is_bound(observation: dict, direction: str) -> bool:
    """An observation written "more than X" (or "less than X" where lower is better) is a bound."""
    return observation.get("comparator") in ((">", ">=") if direction == "higher" else ("<", "<="))


def _progress(row: dict, base: Optional[dict], latest: dict, target: float) -> None:
    if base is not None and target != base["value_base"]:
        row["progress"] = (latest["value_base"] - base["value_base"]) / (target - base["value_base"])


def _in_period(observation: dict, start: int, end: int) -> bool:
    first = observation.get("period_start") or observation["year"]
    return start <= first and observation["year"] <= end


def _increment(row: dict, goal: dict, observations: list[dict]) -> None:
    """Flows within a period: the observed increment against the target increment."""
    row["method"] = "increment"
    start, end = goal.get("period_start") or goal["year"], goal["year"]
    full_year = [o for o in observations if not o.get("as_of")]
    same_period = [o for o in full_year if (o.get("period_start") or o["year"]) == start and o["year"] == end]
    target, direction, comparator = goal["value_base"], goal["direction"], goal["comparator"]
    if same_period:
        latest = same_period[-1]
        _take_latest(row, latest)
        row["progress"] = latest["value_base"] / target if target else None
        row["status"] = "met" if meets(latest["value_base"], target, comparator, direction) else (
            "missed" if row["deadline_passed"] else "not_enough_data")
        return
    if row["deadline_passed"]:
        row["status"] = "unknown"
        return
    within = [o for o in full_year if _in_period(o, start, end) and (o.get("period_start") or o["year"]) == start]
    if not within or end == start:
        row["status"] = "not_enough_data"
        return
    latest = within[-1]
    _take_latest(row, latest)
    elapsed, horizon = latest["year"] - start + 1, end - start + 1
    row["progress"] = latest["value_base"] / target if target else None
    if meets(latest["value_base"], target, comparator, direction):
        row["status"] = "met"
        return
    observed_pace, required_pace = latest["value_base"] / elapsed, target / horizon
    if required_pace <= 0:
        row["status"] = "not_enough_data"
        return
    row.update(observed_rate=observed_pace, required_rate=required_pace, method="increment_pace")
    row["ratio"] = (1 if direction == "higher" else -1) * observed_pace / required_pace
    row["projected_base"] = observed_pace * horizon
    row["status"] = classify_ratio(row["ratio"])


def _growth(row: dict, goal: dict, observations: list[dict]) -> None:
    """Growth-rate targets: the observed rate against the target rate."""
    row["method"] = "growth_rate"
    start, end = goal.get("period_start") or goal["year"], goal["year"]
    full_year = [o for o in observations if not o.get("as_of")]
    target, direction, comparator = goal["value_base"], goal["direction"], goal["comparator"]
    row["required_rate"] = target / 100.0
    exact = [o for o in full_year if (o.get("period_start") or o["year"]) == start and o["year"] == end]
    if exact:
        latest = exact[-1]
        _take_latest(row, latest)
        row["observed_rate"] = latest["value_base"] / 100.0
        row["status"] = "met" if meets(latest["value_base"], target, comparator, direction) else "missed"
        return
    if row["deadline_passed"]:
        row["status"] = "unknown"
        return
    within = [o for o in full_year if _in_period(o, start, end)]
    if not within:
        row["status"] = "not_enough_data"
        return
    latest = within[-1]
    _take_latest(row, latest)
    row["observed_rate"] = latest["value_base"] / 100.0
    if target <= 0:
        row["status"] = "on_track" if meets(latest["value_base"], target, comparator, direction) else "moving_away"
        return
    row["ratio"] = (1 if direction == "higher" else -1) * latest["value_base"] / target
    if meets(latest["value_base"], target, comparator, direction):
        row["status"] = "on_track"
    else:
        row["status"] = classify_ratio(row["ratio"])


def summarise(assessments: pd.DataFrame, by: Iterable[str] = ("region",)) -> pd.DataFrame:
    """Counts of targets per status group (met, on track, at risk, missed, no data)."""
    from .method import GROUPS, STATUS_GROUP

    by = list(by)
    grouped = assessments.assign(group=assessments["status"].map(STATUS_GROUP))
    table = grouped.groupby([*by, "group"], observed=True).size().unstack("group", fill_value=0)
    table = table.reindex(columns=list(GROUPS), fill_value=0)
    table["total"] = table.sum(axis=1)
    return table.reset_index()
