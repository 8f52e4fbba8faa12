"""Exports: the one export table, and its CSV, XLSX and JSON writers (shared by CLI and app)."""
from .table import EXPORT_COLUMNS, export_table
from .writers import FORMATS, export_filename, write_export

__all__ = ["EXPORT_COLUMNS", "FORMATS", "export_filename", "export_table", "write_export"]
