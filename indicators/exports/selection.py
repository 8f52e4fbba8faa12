"""The table view's selection applied to the export table: the same rows the reader sees.

The targets table filters in two places: the page's own controls (regions, kinds, categories,
quick search) and the grid's column filters (AG Grid's filter model). A download applies both
here, on the server, so the file holds exactly the filtered view without trusting rows sent back
by the browser. Unknown columns and filter types are ignored, never executed.
"""
from __future__ import annotations

import json
from typing import Iterable

import numpy as np
import pandas as pd

from .table import EXPORT_COLUMNS

MAX_FILTER_JSON = 20000
TEXT_TESTS = {
    "contains": lambda s, v: s.str.contains(v, regex=False),
    "notContains": lambda s, v: ~s.str.contains(v, regex=False),
    "equals": lambda s, v: s == v,
    "notEqual": lambda s, v: s != v,
    "startsWith": lambda s, v: s.str.startswith(v),
    "endsWith": lambda s, v: s.str.endswith(v),
}
NUMBER_TESTS = {
    "equals": lambda s, a, b: s == a, "notEqual": lambda s, a, b: s != a,
    "lessThan": lambda s, a, b: s < a, "lessThanOrEqual": lambda s, a, b: s <= a,
    "greaterThan": lambda s, a, b: s > a, "greaterThanOrEqual": lambda s, a, b: s >= a,
    "inRange": lambda s, a, b: (s >= a) & (s <= b),
}


def parse_filter_model(text: str | None) -> dict:
    """A filter model from the address bar; anything malformed gives no filter."""
    if not text or len(text) > MAX_FILTER_JSON:
        return {}
    try:
        model = json.loads(text)
    except (ValueError, RecursionError):
        return {}
    return model if isinstance(model, dict) else {}


def _condition(column: pd.Series, condition: dict) -> pd.Series:
    kind = condition.get("type")
    if kind == "blank":
        return column.isna() | (column.astype(str).str.strip() == "")
    if kind == "notBlank":
        return column.notna() & (column.astype(str).str.strip() != "")
    if condition.get("filterType") == "number":
        test = NUMBER_TESTS.get(kind)
        try:
            a = float(condition.get("filter"))
            b = float(condition.get("filterTo")) if condition.get("filterTo") is not None else a
        except (TypeError, ValueError):
            return pd.Series(True, index=column.index)
        numbers = pd.to_numeric(column, errors="coerce")
        return test(numbers, a, b).fillna(False) if test else pd.Series(True, index=column.index)
    test = TEXT_TESTS.get(kind)
    value = condition.get("filter")
    if test is None or not isinstance(value, (str, int, float)):
        return pd.Series(True, index=column.index)
    text = column.astype(object).where(column.notna(), "").astype(str).str.lower()
    return test(text, str(value).lower()).fillna(False)


def apply_filter_model(table: pd.DataFrame, model: dict) -> pd.DataFrame:
    """Rows of `table` that pass AG Grid's filter model (text and number filters, AND/OR pairs)."""
    mask = pd.Series(True, index=table.index)
    for column_name, spec in (model or {}).items():
        if column_name not in table.columns or not isinstance(spec, dict):
            continue
        column = table[column_name]
        conditions = spec.get("conditions")
        if isinstance(conditions, list) and conditions:
            parts = [_condition(column, {"filterType": spec.get("filterType"), **c})
                     for c in conditions[:10] if isinstance(c, dict)]
            if parts:
                combined = parts[0]
                for part in parts[1:]:
                    combined = (combined | part) if spec.get("operator") == "OR" else (combined & part)
                mask &= combined
        else:
            mask &= _condition(column, spec)
    return table[mask]


def quick_search(table: pd.DataFrame, text: str | None, columns: Iterable[str] = EXPORT_COLUMNS) -> pd.DataFrame:
    """Rows where every word of `text` appears somewhere in the row (as AG Grid's quick filter)."""
    words = [w.lower() for w in (text or "").split() if w][:20]
    if not words or table.empty:
        return table
    present = [c for c in columns if c in table.columns]
    haystack = table[present].astype(object).where(table[present].notna(), "").astype(str)
    joined = haystack.agg(" ".join, axis=1).str.lower()
    mask = np.ones(len(table), dtype=bool)
    for word in words:
        mask &= joined.str.contains(word, regex=False).to_numpy()
    return table[mask]


def select(table: pd.DataFrame, regions=None, kinds=None, categories=None, text: str | None = None,
           model: dict | None = None) -> pd.DataFrame:
    """The page's controls and the grid's filters, applied in one place."""
    if regions:
        table = table[table["region"].isin(regions)]
    if kinds:
        table = table[table["figure_kind"].isin(kinds)]
    if categories:
        table = table[table["category"].isin(categories)]
    table = quick_search(table, text)
    return apply_filter_model(table, model or {})
