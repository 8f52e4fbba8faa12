"""A small, fast XLSX writer for the export table: inline strings, typed numbers, one bold header.

xlsxwriter spends ~10 µs per cell on bookkeeping this table never needs, which put a 100,000-figure
export at ~14 s. This writer streams each sheet's XML straight into the zip, ~4x faster, and
writes only what Excel needs: typed numbers, inline strings, a frozen bold header row, column
widths and an autofilter. Tests read every file back with openpyxl.
"""
from __future__ import annotations

import io
import math
import re
import zipfile
from typing import Iterable, Sequence

from .safety import neutralise_cell

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: str) -> str:
    value = _CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", value) if _CONTROL.search(value) else value
    return value.translate(_ESCAPES)


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
{sheets}
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFE8EEF4"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""


def _is_missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or type(value).__name__ == "NAType"


def _sheet_xml(header: Sequence[str], columns: Sequence[tuple[bool, list]], widths: Sequence[float],
               rows: int) -> Iterable[str]:
    letters = [column_letter(i) for i in range(len(header))]
    yield ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
           f'<dimension ref="A1:{letters[-1]}{rows + 1}"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
           'state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>')
    yield "".join(f'<col min="{i + 1}" max="{i + 1}" width="{w}" customWidth="1"/>' for i, w in enumerate(widths))
    yield '</cols><sheetData><row r="1">'
    yield "".join(f'<c r="{letters[i]}1" s="1" t="inlineStr"><is><t>{_text(str(h))}</t></is></c>'
                  for i, h in enumerate(header))
    yield "</row>"
    for row in range(rows):
        number = str(row + 2)
        cells = []
        for i, (numeric, values) in enumerate(columns):
            value = values[row]
            if _is_missing(value):
                continue
            if numeric or (isinstance(value, (int, float)) and not isinstance(value, bool)):
                cells.append(f'<c r="{letters[i]}{number}"><v>{value!r}</v></c>' if isinstance(value, float)
                             else f'<c r="{letters[i]}{number}"><v>{value}</v></c>')
            elif isinstance(value, bool):
                cells.append(f'<c r="{letters[i]}{number}" t="b"><v>{int(value)}</v></c>')
            else:
                cells.append(f'<c r="{letters[i]}{number}" t="inlineStr"><is><t xml:space="preserve">'
                             f'{_text(neutralise_cell(str(value)))}</t></is></c>')
        yield f'<row r="{number}">{"".join(cells)}</row>'
    yield "</sheetData>"
    if rows:
        yield f'<autoFilter ref="A1:{letters[-1]}{rows + 1}"/>'
    yield "</worksheet>"


def write_xlsx(sheets: Sequence[tuple[str, Sequence[str], Sequence[tuple[bool, list]], Sequence[float], int]]) -> bytes:
    """sheets: (name, header, columns as (is_numeric, values), widths, row count) for each sheet."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        overrides = "\n".join(
            f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" '
            f'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(len(sheets)))
        archive.writestr("[Content_Types].xml", CONTENT_TYPES.format(sheets=overrides))
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/styles.xml", STYLES)
        archive.writestr("xl/workbook.xml",
                         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                         '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                         + "".join(f'<sheet name="{_text(name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
                                   for i, (name, *_rest) in enumerate(sheets))
                         + "</sheets><definedNames>"
                         + "".join(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
                                   f"'{_text(name)}'!$A$1:${column_letter(len(header) - 1)}${rows + 1}</definedName>"
                                   for i, (name, header, _c, _w, rows) in enumerate(sheets) if rows)
                         + "</definedNames></workbook>")
        archive.writestr("xl/_rels/workbook.xml.rels",
                         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         + "".join(f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/'
                                   f'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
                                   for i in range(len(sheets)))
                         + f'<Relationship Id="rId{len(sheets) + 1}" Type="http://schemas.openxmlformats.org/'
                           f'officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
        for i, (_name, header, columns, widths, rows) in enumerate(sheets):
            with archive.open(f"xl/worksheets/sheet{i + 1}.xml", "w") as handle:
                chunk = []
                for part in _sheet_xml(header, columns, widths, rows):
                    chunk.append(part)
                    if len(chunk) >= 2000:
                        handle.write("".join(chunk).encode("utf-8"))
                        chunk = []
                handle.write("".join(chunk).encode("utf-8"))
    return buffer.getvalue()
