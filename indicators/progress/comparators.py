"""What "met" means for each comparator as written in a plan.

">=" and ">" differ at the boundary. "~" (左右, about) is met within a tolerance of the target,
and beyond it in the good direction: a plan that aims for "about 15 % growth" has not failed when
growth reaches 19 %. "=" on a numeric target is read as "reach": at least the target when higher
is better, at most when lower is better.
"""
from __future__ import annotations

#: "~" targets are met within this fraction of the target value (5 %), documented in docs/methodology.md.
APPROX_TOLERANCE = 0.05

SYMBOLS = {"=": "", ">=": "≥", ">": ">", "<=": "≤", "<": "<", "~": "≈"}


def meets(value: float, target: float, comparator: str, direction: str,
          tolerance: float = APPROX_TOLERANCE) -> bool:
    """Whether `value` satisfies `comparator target` for an indicator where `direction` is better."""
    if comparator == ">=":
        return value >= target
    if comparator == ">":
        return value > target
    if comparator == "<=":
        return value <= target
    if comparator == "<":
        return value < target
    if comparator == "~":
        slack = tolerance * abs(target)
        return value >= target - slack if direction == "higher" else value <= target + slack
    if comparator == "=":
        return value >= target if direction == "higher" else value <= target
    raise ValueError(f"unknown comparator {comparator!r}")


def symbol(comparator: str) -> str:
    """The comparator as a reader expects it on a chart: "≥ 100", "≈ 15"; nothing for a plain "100"."""
    return SYMBOLS.get(comparator, comparator)
