"""Spreadsheet formula injection: text that a spreadsheet would run as a formula is neutralised.

OWASP's advice: a cell that begins with = + - @, a tab or a carriage return is prefixed with a
single quote so that Excel and LibreOffice show it as text. Numbers are never touched: they are
written as numbers, and a number cannot hold a formula.
"""
from __future__ import annotations

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value):
    # A cell that is exactly "=" (the comparator "equals") cannot hold a formula: it stays readable.
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and value != "=":
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text columns are safe to open in a spreadsheet; numeric columns unchanged."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or isinstance(safe[column].dtype, pd.StringDtype):
            safe[column] = safe[column].map(neutralise_cell, na_action="ignore")
    return safe
