"""Writing the export table as CSV (UTF-8 with BOM), XLSX (with sources and filter sheets) or JSON."""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from typing import Mapping

import pandas as pd

from .. import __version__
from ..catalogue import Catalogue
from .safety import neutralise_frame
from .table import sources_table
from .xlsx import write_xlsx

FORMATS = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
           "json": "application/json"}


def export_filename(fmt: str, label: str = "all", when: datetime | None = None) -> str:
    """A clean file name such as `digital-economy-targets_luojiang_2026-11-21.csv`.

    Only letters, digits, '-' and '_' survive from the label, so no request can steer a path.
    """
    when = when or datetime.now(timezone.utc)
    clean = re.sub(r"[^A-Za-z0-9_-]+", "-", label).strip("-")[:60] or "all"
    return f"digital-economy-targets_{clean}_{when:%Y-%m-%d}.{fmt}"


def write_export(table: pd.DataFrame, fmt: str, catalogue: Catalogue,
                 filters: Mapping[str, object] | None = None, when: datetime | None = None) -> bytes:
    """The export file's bytes. `filters` says what was selected; it goes in the file's metadata."""
    when = when or datetime.now(timezone.utc)
    filters = dict(filters or {})
    if fmt == "csv":
        return _csv(table)
    if fmt == "xlsx":
        return _xlsx(table, catalogue, filters, when)
    if fmt == "json":
        return _json(table, catalogue, filters, when)
    raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")


def _csv(table: pd.DataFrame) -> bytes:
    # The byte-order mark makes Excel read the file as UTF-8, so Chinese shows correctly.
    return neutralise_frame(table).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def _metadata_rows(table: pd.DataFrame, filters: Mapping[str, object], when: datetime) -> list[tuple[str, str]]:
    rows = [("exported_at", when.isoformat(timespec="seconds")),
            ("tool", f"indicators {__version__}"),
            ("figures", str(len(table)))]
    if not filters:
        rows.append(("filter", "none: every figure of the catalogue"))
    for key, value in filters.items():
        rows.append((f"filter: {key}", json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value))
    rows.append(("note", "Values are as written in the sources; value_base converts them to base units. "
                         "Every figure carries its verbatim quote and source."))
    return rows


def _xlsx(table: pd.DataFrame, catalogue: Catalogue, filters: Mapping[str, object], when: datetime) -> bytes:
    about = pd.DataFrame(_metadata_rows(table, filters, when), columns=["field", "value"])
    sheets = [_sheet("figures", table), _sheet("sources", sources_table(catalogue, table["source"].dropna().unique())),
              _sheet("about", about, {"field": 24, "value": 80})]
    return write_xlsx(sheets)


WIDTHS = {"quote": 60, "note_en": 40, "note_zh": 40, "source_title_zh": 40, "source_title_en": 40,
          "title_zh": 50, "title_en": 50}


def _sheet(name: str, frame: pd.DataFrame, widths: dict | None = None) -> tuple:
    """A sheet for `write_xlsx`: numeric columns as floats (NaN left empty), others as they are."""
    columns = []
    for column in frame.columns:
        series = frame[column]
        numeric = pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series.dtype)
        if pd.api.types.is_integer_dtype(series.dtype):
            values = [None if value is pd.NA else int(value) for value in series.tolist()]
        else:
            values = series.astype("float64").tolist() if numeric else series.tolist()
        columns.append((numeric, values))
    sizes = [(widths or WIDTHS).get(column, 16) for column in frame.columns]
    return name, list(frame.columns), columns, sizes, len(frame)


def _json(table: pd.DataFrame, catalogue: Catalogue, filters: Mapping[str, object], when: datetime) -> bytes:
    def clean(frame: pd.DataFrame) -> list[dict]:
        records = json.loads(frame.to_json(orient="records", force_ascii=False, date_format="iso"))
        return records

    document = {
        "metadata": dict(_metadata_rows(table, filters, when)),
        "columns": list(table.columns),
        "figures": clean(table),
        "sources": clean(sources_table(catalogue, table["source"].dropna().unique())),
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
