"""Formatting numbers for people: few significant digits, thousands separators, no float noise."""
from __future__ import annotations

import math


def format_number(value, digits: int = 4) -> str:
    """1234567 -> '1,234,567'; 0.68110000001 -> '0.6811'; 12.3456 -> '12.35'; None/NaN -> '—'."""
    if value is None or (isinstance(value, float) and (math.isnan(value) or math.isinf(value))):
        return "—"
    if value == 0:
        return "0"
    magnitude = math.floor(math.log10(abs(value)))
    if abs(value) >= 10 ** (digits - 1) or float(value).is_integer():
        return f"{round(value):,}"
    decimals = max(0, digits - 1 - magnitude)
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
