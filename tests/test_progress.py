"""Worked examples of the progress method, computed by hand, for each kind of target and status."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.progress import assess, classify_ratio, meets
from indicators.progress.method import PROGRESS_RANK, cagr, pace_ratio

TODAY = date(2026, 11, 21)
BEFORE = date(2023, 6, 1)


def fig(id, kind, year, value, measure="level", direction="higher", comparator="=", unit="个", factor=1.0,
        period_start=None, as_of=None, concept="c", region="r"):
    return {"id": id, "region": region, "indicator": concept, "concept": concept, "category": "x",
            "measure": measure, "direction": direction, "figure_kind": kind, "year": year,
            "period_start": period_start, "as_of": as_of, "value": value,
            "value_base": None if value is None else value * factor, "unit": unit, "comparator": comparator,
            "base_unit": {"%": "percent", "是否": "binary"}.get(unit, "count"),
            "quote": "q"}


def one(figures, today=BEFORE) -> dict:
    result = assess(pd.DataFrame(figures), today)
    assert len(result) == 1
    return result.iloc[0].to_dict()


# --- the ratio and its thresholds -------------------------------------------------------------

@pytest.mark.parametrize("ratio, status", [(0.95, "on_track"), (1.7, "on_track"), (0.9499, "moderate"),
                                           (0.60, "moderate"), (0.5999, "limited"), (0.0, "limited"),
                                           (-0.01, "moving_away")])
def test_thresholds_follow_open_sdg(ratio, status):
    assert classify_ratio(ratio) == status


def test_cagr_by_hand():
    # 100 -> 121 in two years is 10 % a year.
    assert cagr(100, 121, 2) == pytest.approx(0.10)
    assert cagr(0, 121, 2) is None and cagr(100, 121, 0) is None and cagr(-5, 10, 2) is None


# --- levels -------------------------------------------------------------------------------------

def test_level_on_track_by_hand():
    # Baseline 100 (2020), target >= 200 (2025): needs 2^(1/5)-1 = 14.87 %/yr.
    # Observed 130 in 2022: 1.3^(1/2)-1 = 14.02 %/yr; ratio 0.943 -> moderate.
    row = one([fig("b", "baseline", 2020, 100), fig("t", "target", 2025, 200, comparator=">="),
               fig("o", "observation", 2022, 130)])
    assert row["required_rate"] == pytest.approx(2 ** 0.2 - 1)
    assert row["observed_rate"] == pytest.approx(1.3 ** 0.5 - 1)
    assert row["ratio"] == pytest.approx((1.3 ** 0.5 - 1) / (2 ** 0.2 - 1))
    assert row["status"] == "moderate"
    assert row["progress"] == pytest.approx(0.30)
    assert "needs 14.9 %/yr, observed 14.0 %/yr since 2020" in row["reason_en"]
    assert row["reason_zh"].endswith("进展一般")
    # At 135 the pace is 16.2 %/yr: on track; projected 135 * 1.162^3.
    row = one([fig("b", "baseline", 2020, 100), fig("t", "target", 2025, 200, comparator=">="),
               fig("o", "observation", 2022, 135)])
    assert row["status"] == "on_track"
    assert row["projected_base"] == pytest.approx(135 * (1.35 ** 0.5) ** 3)


@pytest.mark.parametrize("latest, status", [(112, "limited"), (100, "limited"), (95, "moving_away")])
def test_level_limited_and_moving_away(latest, status):
    row = one([fig("b", "baseline", 2020, 100), fig("t", "target", 2025, 200, comparator=">="),
               fig("o", "observation", 2022, latest)])
    assert row["status"] == status


def test_lower_is_better_reverses_the_sign():
    # Energy use per unit: baseline 100, target <= 80 by 2025; observed 90 in 2022 -> on track.
    base = [fig("b", "baseline", 2020, 100, direction="lower"),
            fig("t", "target", 2025, 80, direction="lower", comparator="<=")]
    assert one(base + [fig("o", "observation", 2022, 90, direction="lower")])["status"] == "on_track"
    assert one(base + [fig("o", "observation", 2022, 105, direction="lower")])["status"] == "moving_away"
    assert one(base + [fig("o", "observation", 2022, 79, direction="lower")])["status"] == "met"


def test_comparator_boundary_strict_and_inclusive():
    assert meets(100, 100, ">=", "higher") and not meets(100, 100, ">", "higher")
    assert meets(100, 100, "<=", "lower") and not meets(100, 100, "<", "lower")
    base = [fig("b", "baseline", 2020, 50), fig("o", "observation", 2022, 100)]
    assert one(base + [fig("t", "target", 2025, 100, comparator=">=")])["status"] == "met"
    assert one(base + [fig("t", "target", 2025, 100, comparator=">")])["status"] != "met"


def test_approximate_target_is_met_within_tolerance_and_beyond():
    assert meets(14.3, 15, "~", "higher")          # within 5 % of 15
    assert not meets(14.2, 15, "~", "higher")      # 0.8 short of 15: beyond 0.75
    assert meets(19.2, 15, "~", "higher")          # exceeding an "about" target is not failing it


def test_target_already_met_at_baseline():
    row = one([fig("b", "baseline", 2020, 300), fig("t", "target", 2025, 100, comparator=">="),
               fig("o", "observation", 2022, 310)])
    assert row["status"] == "met"


def test_identical_baseline_and_target_means_holding_the_level():
    held = one([fig("b", "baseline", 2020, 100), fig("t", "target", 2025, 100, comparator=">="),
                fig("o", "observation", 2022, 100)])
    assert held["status"] == "met"
    lost = one([fig("b", "baseline", 2020, 100), fig("t", "target", 2025, 100, comparator=">="),
                fig("o", "observation", 2022, 90)])
    assert lost["status"] == "moving_away"


def test_zero_baseline_uses_linear_pace_not_a_fudge():
    # 0 -> 1000 by 2025 needs 200 a year; 300 by 2022 is 150 a year: ratio 0.75, moderate.
    row = one([fig("b", "baseline", 2020, 0), fig("t", "target", 2025, 1000, comparator=">="),
               fig("o", "observation", 2022, 300)])
    assert row["method"] == "linear"
    assert row["ratio"] == pytest.approx(0.75)
    assert row["status"] == "moderate"
    assert "needs 200 a year, observed 150 a year since 2020" in row["reason_en"]
    assert "需每年增加200个，2020年以来实际每年150个" in row["reason_zh"]


def test_negative_baseline_uses_linear_pace():
    ratio, method, _ = pace_ratio(-10, 2020, 0, 2022, 10, 2025, "higher")
    assert method == "linear" and ratio == pytest.approx((10 / 2) / (20 / 5))


def test_missing_baseline_earliest_observation_stands_in_and_says_so():
    row = one([fig("t", "target", 2025, 200, comparator=">="), fig("o1", "observation", 2020, 100),
               fig("o2", "observation", 2022, 150)])
    assert row["baseline_from"] == "observation" and row["baseline_year"] == 2020
    assert row["status"] == "on_track"
    assert "no baseline: the 2020 observation stands in" in row["reason_en"]


def test_only_a_baseline_is_not_enough_data():
    row = one([fig("b", "baseline", 2020, 100), fig("t", "target", 2025, 200, comparator=">=")])
    assert row["status"] == "not_enough_data"
    assert "only the 2020 baseline" in row["reason_en"]


def test_nothing_at_all_is_not_enough_data():
    row = one([fig("t", "target", 2025, 200, comparator=">=")])
    assert row["status"] == "not_enough_data"


# --- deadlines ------------------------------------------------------------------------------------

def test_after_deadline_met_missed_or_unknown():
    base = [fig("b", "baseline", 2020, 100), fig("t", "target", 2021, 150, comparator=">=")]
    assert one(base + [fig("o", "observation", 2021, 150)], TODAY)["status"] == "met"
    assert one(base + [fig("o", "observation", 2021, 149)], TODAY)["status"] == "missed"
    unknown = one(base + [fig("o", "observation", 2020, 160)], TODAY)
    assert unknown["status"] == "unknown"
    assert "no figure for 2021" in unknown["reason_en"]


def test_target_year_passed_with_no_figure_at_all():
    row = one([fig("t", "target", 2021, 150, comparator=">=")], TODAY)
    assert row["status"] == "unknown"


def test_a_partial_year_lower_bound_never_decides_a_deadline():
    # Target 12万 by end of 2022; only "more than 110,000 as of November 2022" is known: unknown.
    figures = [fig("t", "target", 2022, 12, unit="万个", factor=1e4, comparator=">="),
               fig("o", "observation", 2022, 110000, as_of="2022-11", comparator=">")]
    row = one(figures, TODAY)
    assert row["status"] == "unknown" and "the last was 110,000 in 2022-11" in row["reason_en"]
    assert "最近为2022-11年的11万个" not in row["reason_zh"] and "11万个" in row["reason_zh"]
    # A full-year bound that falls short is not a miss either.
    bound = one([figures[0], fig("o", "observation", 2022, 110000, comparator=">")], TODAY)
    assert bound["status"] == "unknown" and "lower bound" in bound["reason_en"]
    exact = one([figures[0], fig("o", "observation", 2022, 110000)], TODAY)
    assert exact["status"] == "missed"


def test_units_are_compared_in_base_units():
    # Baseline 1.88 万个, target 25 万个, observation 110,000 个 (as_of Nov 2022).
    row = one([fig("b", "baseline", 2020, 1.88, unit="万个", factor=1e4),
               fig("t", "target", 2025, 25, unit="万个", factor=1e4, comparator=">="),
               fig("o", "observation", 2022, 110000, as_of="2022-11")], date(2023, 1, 1))
    assert row["latest_base"] == 110000
    assert row["status"] in ("on_track", "moderate")


# --- increments, growth rates, binary --------------------------------------------------------------

def test_increment_against_the_same_period():
    base = [fig("t", "target", 2021, 2.5, measure="increment", unit="万个", factor=1e4, comparator=">=",
                period_start=2021)]
    met = one(base + [fig("o", "observation", 2021, 26000, measure="increment", period_start=2021)], TODAY)
    assert met["status"] == "met"
    missed = one(base + [fig("o", "observation", 2021, 24000, measure="increment", period_start=2021)], TODAY)
    assert missed["status"] == "missed"
    assert one(base, TODAY)["status"] == "unknown"


def test_increment_pace_within_a_longer_period():
    # 100 new firms needed in 2021-2025 (20 a year); 30 by 2022 is 15 a year: ratio 0.75.
    row = one([fig("t", "target", 2025, 100, measure="increment", comparator=">=", period_start=2021),
               fig("o", "observation", 2022, 30, measure="increment", period_start=2021)])
    assert row["ratio"] == pytest.approx(0.75) and row["status"] == "moderate"


def test_growth_rate_target():
    target = fig("t", "target", 2021, 15, measure="growth_rate", unit="%", comparator="~", period_start=2021)
    met = one([target, fig("o", "observation", 2021, 19.2, measure="growth_rate", unit="%",
                           period_start=2021)], TODAY)
    assert met["status"] == "met"
    assert "target growth ≈ 15 %, observed 19.2 % in 2021: met" == met["reason_en"]
    missed = one([target, fig("o", "observation", 2021, 10, measure="growth_rate", unit="%",
                              period_start=2021)], TODAY)
    assert missed["status"] == "missed"


def test_growth_rate_before_deadline_ratio():
    target = fig("t", "target", 2025, 12, measure="growth_rate", unit="%", comparator=">=", period_start=2021)
    obs = fig("o", "observation", 2022, 9, measure="growth_rate", unit="%", period_start=2022)
    row = one([target, obs])
    assert row["ratio"] == pytest.approx(0.75) and row["status"] == "moderate"


def test_binary_goal():
    target = fig("t", "target", 2021, 1, measure="binary", unit="是否")
    assert one([target, fig("o", "observation", 2021, 1, measure="binary", unit="是否")], TODAY)["status"] == "met"
    assert one([target], TODAY)["status"] == "unknown"
    assert one([target], date(2021, 3, 1))["status"] == "not_enough_data"


def test_missing_target_value_is_never_guessed():
    row = one([fig("t", "target", 2025, None)])
    assert row["status"] == "not_enough_data" and "no number" in row["reason_en"]


def test_today_is_an_argument():
    figures = [fig("b", "baseline", 2020, 100), fig("t", "target", 2023, 150, comparator=">="),
               fig("o", "observation", 2022, 140)]
    assert one(figures, date(2023, 12, 31))["status"] in ("on_track", "moderate")
    assert one(figures, date(2024, 1, 1))["status"] == "unknown"


# --- properties ------------------------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(base=st.floats(0, 1e6), target=st.floats(0.1, 1e6), a=st.floats(0, 2e6), b=st.floats(0, 2e6),
       comparator=st.sampled_from([">=", ">", "~", "="]))
def test_a_better_latest_value_never_gives_a_worse_status(base, target, a, b, comparator):
    low, high = sorted((a, b))

    def status(latest):
        return one([fig("b", "baseline", 2020, base), fig("t", "target", 2025, target, comparator=comparator),
                    fig("o", "observation", 2022, latest)])["status"]

    s_low, s_high = status(low), status(high)
    if s_low in PROGRESS_RANK and s_high in PROGRESS_RANK:
        assert PROGRESS_RANK[s_high] >= PROGRESS_RANK[s_low]
    assert s_low != "met" or s_high == "met"


@settings(max_examples=200, deadline=None)
@given(values=st.lists(st.one_of(st.none(), st.floats(-1e9, 1e9)), min_size=1, max_size=6),
       kinds=st.lists(st.sampled_from(["baseline", "target", "milestone", "observation"]), min_size=1, max_size=6),
       measure=st.sampled_from(["level", "share", "increment", "growth_rate", "binary"]),
       year=st.integers(2015, 2030), today=st.dates(date(2015, 1, 1), date(2035, 1, 1)))
def test_assessment_never_crashes(values, kinds, measure, year, today):
    figures = [fig(f"f{i}", kinds[i % len(kinds)], year + (i % 3), v, measure=measure,
                   comparator=">=") for i, v in enumerate(values)]
    result = assess(pd.DataFrame(figures), today)
    assert set(result["status"]) <= {"met", "on_track", "moderate", "limited", "moving_away", "missed",
                                     "unknown", "not_enough_data"}
    assert result["reason_en"].map(bool).all()
