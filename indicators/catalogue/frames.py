"""The catalogue as frames: one tidy long frame of figures and small frames of what they cite.

The figure frame is what every chart, status and export reads. It carries, beside each figure,
the looked-up facts that the layers above need again and again (concept, measure, direction,
category, value in base units), so that no caller joins them itself.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from .checks import figure_frame

if TYPE_CHECKING:
    from .loader import RawCatalogue

FIGURE_COLUMNS = [
    "id", "region", "indicator", "concept", "category", "measure", "direction", "figure_kind", "year",
    "period_start", "as_of", "value", "unit", "value_base", "base_unit", "comparator", "qualifier", "source",
    "quote", "quote_is_summary", "number_in_quote", "note_zh", "note_en", "file",
]
CATEGORICAL = ["region", "indicator", "concept", "category", "measure", "direction", "figure_kind", "unit",
               "base_unit", "comparator", "source", "file"]


@dataclass
class Catalogue:
    """Validated catalogue frames. Build one with `load_catalogue`, never by hand."""

    root: Path
    figures: pd.DataFrame
    regions: pd.DataFrame
    indicators: pd.DataFrame
    sources: pd.DataFrame
    units: pd.DataFrame
    base_units: pd.DataFrame
    categories: pd.DataFrame
    contradictions: pd.DataFrame


def _frame(records: list[dict], section: str) -> pd.DataFrame:
    from .schema import SECTION_COLUMNS

    frame = pd.DataFrame.from_records(records) if records else pd.DataFrame()
    return frame.reindex(columns=list(dict.fromkeys([*SECTION_COLUMNS[section], *frame.columns])))


def build_catalogue(raw: "RawCatalogue") -> Catalogue:
    indicators = _frame(raw.records["indicators"], "indicators")
    indicators["concept"] = indicators["concept"].fillna(indicators["id"])
    units = _frame(raw.records["units"], "units")
    figures = figure_frame(raw).copy()
    figures = figures.reindex(columns=list(dict.fromkeys([*FIGURE_COLUMNS, *figures.columns])))

    by_indicator = indicators.set_index("id")
    for column in ("concept", "category", "measure", "direction"):
        figures[column] = figures["indicator"].map(by_indicator[column])
    by_unit = units.set_index("id")
    figures["base_unit"] = figures["unit"].map(by_unit["base_unit"])
    figures["value"] = pd.to_numeric(figures["value"], errors="coerce").astype("float64")
    figures["value_base"] = figures["value"] * figures["unit"].map(by_unit["factor"]).astype("float64")
    figures["year"] = figures["year"].astype("int64")
    figures["period_start"] = pd.to_numeric(figures["period_start"], errors="coerce").astype("Int64")
    figures["quote_is_summary"] = figures["quote_is_summary"].fillna(False).astype(bool)
    origins = raw.origins["figures"]
    file_names = [raw.shown(i) for i in range(len(raw.files))]
    figures["file"] = [file_names[f] for f, _ in origins] if origins else []
    figures = figures[FIGURE_COLUMNS]
    for column in CATEGORICAL:
        figures[column] = figures[column].astype("category")
    for column in ("as_of", "qualifier", "number_in_quote", "note_zh", "note_en"):
        figures[column] = figures[column].astype(object).where(figures[column].notna(), None)

    contradictions = _frame(raw.records["contradictions"], "contradictions")
    return Catalogue(
        root=raw.root,
        figures=figures.reset_index(drop=True),
        regions=_frame(raw.records["regions"], "regions"),
        indicators=indicators,
        sources=_frame(raw.records["sources"], "sources"),
        units=units,
        base_units=_frame(raw.records["base_units"], "base_units"),
        categories=_frame(raw.records["categories"], "categories"),
        contradictions=contradictions,
    )
