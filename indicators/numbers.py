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


#: English words for base units (counts need none: "110,000").
EN_BASE_WORDS = {"yuan": "yuan", "count": "", "percent": "%", "percentage_point": "percentage points",
                 "square_metre": "m²", "kilometre": "km", "mu": "mu", "rank": "", "index": "", "ratio": "×",
                 "binary": "", "day": "days", "tonne": "tonnes", "megabit_per_second": "Mbit/s"}
EN_SCALES = {"yuan": [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")],
             "count": [(1e9, "billion"), (1e8, "million")], "square_metre": [(1e6, "million")],
             "tonne": [(1e6, "million")]}


def english_scale(value_base: float, base_unit: str) -> tuple[float, str]:
    """(factor, word) that reads naturally in English: 4,859.9 billion yuan; 110,000 (a count)."""
    magnitude = abs(value_base) if value_base is not None else 0
    for threshold, word in EN_SCALES.get(base_unit, []):
        if magnitude >= threshold:
            return {"trillion": 1e12, "billion": 1e9, "million": 1e6}[word], word
    return 1.0, ""


def format_quantity(value_base, lang: str, unit: str | None = None, factor: float = 1.0,
                    base_unit: str | None = None) -> str:
    """A value for a sentence: in Chinese in its written unit (11万个); in English in base units with
    English scale words (110,000; 1.9 trillion yuan; 12.5 %)."""
    if value_base is None or (isinstance(value_base, float) and math.isnan(value_base)):
        return "—"
    if lang == "zh":
        shown = "" if unit in (None, "是否") else unit
        return f"{format_number(value_base / (factor or 1.0))}{shown}"
    base = base_unit or "count"
    scale, word = english_scale(value_base, base)
    unit_word = EN_BASE_WORDS.get(base, base)
    if unit_word == "%":
        return f"{format_number(value_base)} %"
    text = format_number(value_base / scale)
    return " ".join(part for part in (text, word, unit_word) if part)
