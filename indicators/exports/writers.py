"""Writing the export table as CSV (UTF-8 with BOM), XLSX (with sources and filter sheets) or JSON."""
from __future__ import annotations

import io
import json
import math
import re
from datetime import datetime, timezone
from typing import Mapping

import pandas as pd

from .. import __version__
from ..catalogue import Catalogue
from .safety import neutralise_cell, neutralise_frame
from .table import sources_table

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
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"constant_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "strings_to_numbers": False,
                                        "in_memory": True})
    header = book.add_format({"bold": True, "bg_color": "#E8EEF4", "border": 1})
    _sheet(book, "figures", table, header)
    _sheet(book, "sources", sources_table(catalogue, table["source"].dropna().unique()), header)
    about = pd.DataFrame(_metadata_rows(table, filters, when), columns=["field", "value"])
    _sheet(book, "about", about, header)
    book.close()
    return buffer.getvalue()


def _sheet(book, name: str, frame: pd.DataFrame, header_format) -> None:
    sheet = book.add_worksheet(name)
    sheet.write_row(0, 0, list(frame.columns), header_format)
    sheet.freeze_panes(1, 0)
    for row_number, row in enumerate(frame.itertuples(index=False, name=None), start=1):
        for col_number, value in enumerate(row):
            if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
                continue
            if isinstance(value, str):
                sheet.write_string(row_number, col_number, neutralise_cell(value))
            elif isinstance(value, bool):
                sheet.write_boolean(row_number, col_number, value)
            elif isinstance(value, (int, float)):
                sheet.write_number(row_number, col_number, value)
            else:
                sheet.write_string(row_number, col_number, neutralise_cell(str(value)))
    widths = {"quote": 60, "note_en": 40, "note_zh": 40, "source_title_zh": 40, "source_title_en": 40,
              "title_zh": 50, "title_en": 50, "value": 40 if name == "about" else 12}
    for col_number, column in enumerate(frame.columns):
        sheet.set_column(col_number, col_number, widths.get(column, 16))
    if len(frame):
        sheet.autofilter(0, 0, len(frame), len(frame.columns) - 1)


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
