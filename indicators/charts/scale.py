"""One display scale per chart: values in base units shown in the unit that reads best.

Figures of one concept may be written in 个 and 万个, or 亿元 and 万亿元. A chart converts them all
to base units (the catalogue's `value_base`) and then to a single display unit taken from the
unit registry: the largest unit of that base in which the typical value is still at least 1.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..numbers import EN_BASE_WORDS, english_scale

#: Units a chart may choose as its display unit, per base unit (from the registry, as written).
PREFERRED = {
    "yuan": ["元", "万元", "亿元", "万亿元"],
    "count": ["个", "万", "亿"],
    "square_metre": ["平方米", "万平方米"],
    "mu": ["亩", "万亩"],
}


@dataclass(frozen=True)
class Scale:
    unit: str
    factor: float

    def apply(self, values_base):
        return np.asarray(values_base, dtype=float) / self.factor


def choose_scale(values_base, base_unit: str, units: pd.DataFrame, written_units=(), lang: str = "zh") -> Scale:
    """The display unit for these values. In Chinese: units of the registry as officials write them
    (counts keep 家, 个, 部 and switch to 万/亿 only when large). In English: base units with English
    scale words (billion yuan, million)."""
    if lang == "en":
        values = [abs(v) for v in values_base if v is not None and np.isfinite(v)]
        factor, word = english_scale(float(np.median(values)) if values else 0.0, base_unit)
        label = " ".join(part for part in (word, EN_BASE_WORDS.get(base_unit, base_unit)) if part)
        return Scale(label or "number", factor)
    candidates = PREFERRED.get(base_unit)
    factors = units.drop_duplicates("id").set_index("id")["factor"]
    values = np.abs(np.asarray([v for v in values_base if v is not None and np.isfinite(v)], dtype=float))
    if not candidates:
        unit = next(iter(written_units), None) or base_unit
        return Scale(unit, float(factors.get(unit, 1.0)))
    typical = float(np.median(values)) if values.size else 1.0
    chosen = candidates[0]
    for unit in candidates:
        if unit in factors and typical >= factors[unit]:
            chosen = unit
    if base_unit == "count" and chosen == "个":
        written = [u for u in written_units if u in factors and factors[u] == 1]
        chosen = written[0] if written else chosen
    return Scale(chosen, float(factors.get(chosen, 1.0)))
