"""The export table: every figure with Chinese and English names beside each id.

The command line and the dashboard's download buttons both call `export_table`, so a file
exported from either has the same columns in the same order.
"""
from __future__ import annotations

from typing import Iterable

import pandas as pd

from ..catalogue import Catalogue

EXPORT_COLUMNS = [
    "id", "region", "region_zh", "region_en", "indicator", "indicator_zh", "indicator_en", "concept",
    "category", "category_zh", "category_en", "measure", "direction", "figure_kind", "year", "period_start",
    "as_of", "comparator", "qualifier", "value", "unit", "unit_en", "value_base", "base_unit", "source",
    "source_title_zh", "source_title_en", "source_url", "source_grade", "quote", "quote_is_summary",
    "note_zh", "note_en",
]


def export_table(catalogue: Catalogue, figures: pd.DataFrame | None = None,
                 regions: Iterable[str] | None = None) -> pd.DataFrame:
    """Figures (all, or the given subset) with names joined in, in `EXPORT_COLUMNS` order."""
    frame = catalogue.figures if figures is None else figures
    if regions:
        frame = frame[frame["region"].isin(list(regions))]
    table = pd.DataFrame({column: frame[column].astype(object) for column in frame.columns
                          if column in EXPORT_COLUMNS})
    table["value"] = frame["value"]
    table["value_base"] = frame["value_base"]
    table["year"] = frame["year"]
    table["period_start"] = frame["period_start"]

    def names(ids: pd.Series, lookup: pd.DataFrame, column: str) -> pd.Series:
        return ids.map(lookup.set_index("id")[column]).astype(object)

    table["region_zh"] = names(table["region"], catalogue.regions, "name_zh")
    table["region_en"] = names(table["region"], catalogue.regions, "name_en")
    table["indicator_zh"] = names(table["indicator"], catalogue.indicators, "name_zh")
    table["indicator_en"] = names(table["indicator"], catalogue.indicators, "name_en")
    table["category_zh"] = names(table["category"], catalogue.categories, "name_zh")
    table["category_en"] = names(table["category"], catalogue.categories, "name_en")
    table["unit_en"] = names(table["unit"], catalogue.units.drop_duplicates("id"), "name_en")
    table["source_title_zh"] = names(table["source"], catalogue.sources, "title_zh")
    table["source_title_en"] = names(table["source"], catalogue.sources, "title_en")
    table["source_url"] = names(table["source"], catalogue.sources, "url")
    table["source_grade"] = names(table["source"], catalogue.sources, "grade")
    table = table.reindex(columns=EXPORT_COLUMNS)
    return table.sort_values(["region", "indicator", "year", "figure_kind", "id"], kind="stable").reset_index(drop=True)


def sources_table(catalogue: Catalogue, source_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """The source documents cited by an export, for its 'sources' sheet."""
    sources = catalogue.sources
    if source_ids is not None:
        sources = sources[sources["id"].isin(set(source_ids))]
    columns = ["id", "title_zh", "title_en", "issuer_zh", "issuer_en", "date", "document_number", "kind",
               "seed_file", "url", "grade", "note_zh", "note_en"]
    return sources.reindex(columns=columns).astype(object).where(sources.reindex(columns=columns).notna(), None)
