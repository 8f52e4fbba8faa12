"""Rows of a frame as plain dicts, with None for every kind of missing value.

Cheaper than `astype(object).where(...).to_dict("records")` by a factor of several, which
matters in callbacks and when assessing a million figures.
"""
from __future__ import annotations

import math

import pandas as pd


def records(frame: pd.DataFrame) -> list[dict]:
    columns = list(frame.columns)
    result = []
    for row in frame.itertuples(index=False, name=None):
        result.append({c: (None if (v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))) else v)
                       for c, v in zip(columns, row)})
    return result
