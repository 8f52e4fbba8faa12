"""The progress measure: growth ratios and their thresholds (Eurostat's SDG method, as Open SDG
implements it), with the edge cases made explicit instead of patched.

Ratio R = d * CAGR_observed / |CAGR_required|, d = +1 when higher is better, -1 when lower is.
R >= 0.95 on track; 0.60 <= R < 0.95 moderate; 0 <= R < 0.60 limited; R < 0 moving away.
Where a compound rate is undefined (a baseline or target at or below zero) the same ratio is taken
of linear paces (change per year) instead; Open SDG replaces zeros by 0.001, which we do not.
"""
from __future__ import annotations

import math
from typing import Optional

ON_TRACK = 0.95
MODERATE = 0.60

#: Status codes, worst to best for the years before a deadline, then the deadline outcomes.
STATUSES = ("moving_away", "limited", "moderate", "on_track", "met", "missed", "unknown", "not_enough_data")

#: How the overview groups statuses.
STATUS_GROUP = {
    "met": "met", "on_track": "on_track", "moderate": "at_risk", "limited": "at_risk",
    "moving_away": "at_risk", "missed": "missed", "unknown": "no_data", "not_enough_data": "no_data",
}
GROUPS = ("met", "on_track", "at_risk", "missed", "no_data")

#: Ordering used by property tests and sorting: a better value never gives a lower rank.
PROGRESS_RANK = {"moving_away": 0, "limited": 1, "moderate": 2, "on_track": 3, "met": 4}


def classify_ratio(ratio: float) -> str:
    if ratio >= ON_TRACK:
        return "on_track"
    if ratio >= MODERATE:
        return "moderate"
    if ratio >= 0:
        return "limited"
    return "moving_away"


def cagr(start: float, end: float, years: float) -> Optional[float]:
    """Compound annual growth rate, or None where it is undefined (non-positive values, no time)."""
    if years <= 0 or start <= 0 or end <= 0:
        return None
    try:
        rate = (end / start) ** (1.0 / years) - 1.0
    except OverflowError:  # absurd ratios of hand-typed values: say "not computable", never crash
        return None
    return rate if math.isfinite(rate) else None


def pace_ratio(base: float, base_time: float, latest: float, latest_time: float,
               target: float, target_time: float, direction: str) -> tuple[Optional[float], str, dict]:
    """Ratio of the observed pace to the pace the target requires.

    Returns (ratio, method, details). `method` is "cagr" or "linear"; details hold the rates so
    the reason sentence can quote them. The ratio is None when nothing can be computed.
    """
    sign = 1.0 if direction == "higher" else -1.0
    elapsed, horizon = latest_time - base_time, target_time - base_time
    if elapsed <= 0 or horizon <= 0:
        return None, "none", {}
    observed, required = cagr(base, latest, elapsed), cagr(base, target, horizon)
    if observed is not None and required is not None and required != 0:
        return sign * observed / abs(required), "cagr", {"observed_rate": observed, "required_rate": required}
    observed_slope, required_slope = (latest - base) / elapsed, (target - base) / horizon
    if required_slope == 0:
        return None, "none", {}
    return (sign * observed_slope / abs(required_slope), "linear",
            {"observed_slope": observed_slope, "required_slope": required_slope})


def project(latest: float, latest_time: float, target_time: float, method: str, details: dict) -> Optional[float]:
    """Where the present pace leads by the target year (the UN progress chart's expected value)."""
    horizon = target_time - latest_time
    if horizon < 0:
        return None
    if method == "cagr":
        try:
            return latest * (1.0 + details["observed_rate"]) ** horizon
        except OverflowError:
            return None
    if method == "linear":
        return latest + details["observed_slope"] * horizon
    return None


def finite(value) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))
