"""The tables of a file an office sends (Word, Excel, CSV, a tab-separated paste), as rows of cells that know their place.

Each reader turns its format into Grids: every cell's text as it shows
(merged cells read as the value they show, numbers as their format shows
them) and its place, `FILE:SHEET!B5`, `FILE:table 2, row 3` or `FILE:LINE`,
for the messages that name it. Which rows are the progress table is
decided after, by their header (progress_table.py). python-docx and openpyxl
are imported only by their readers.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from tracker.errors import BadInput
from tracker.textfile import office_why


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    place: str          # FILE:SHEET!B5, FILE:table N, row M, or FILE:LINE


@dataclass(frozen=True, slots=True)
class Grid:
    """One table of a file: a sheet, a Word table, or the whole of a CSV or pasted text."""

    where: str                              # FILE, FILE:SHEET or FILE:table N
    rows: tuple[tuple[Cell, ...], ...]
    above: str = ""                         # a Word table's heading: the paragraphs just before it


def read_grids(path: str, data: bytes) -> list[Grid]:
    """Every table in the file, by its extension: .docx, .xlsx, .csv, or tab-separated .txt."""
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    if suffix == "docx":
        return docx_grids(path, data)
    if suffix in ("xlsx", "xlsm"):
        return xlsx_grids(path, data)
    if suffix == "csv":
        return [delimited_grid(path, text_of(path, data), ",")]
    return [delimited_grid(path, text_of(path, data), "\t")]


def text_of(path: str, data: bytes) -> str:
    """A text file's text: UTF-8 (± BOM), or GB18030 for a .csv or .txt that Excel, WPS or Notepad
    saved in a Chinese Windows' own encoding; a .md is UTF-8 (Markdown tools write nothing else)."""
    from tracker import textfile

    return textfile.decode(data, path, fallback=None if path.lower().endswith((".md", ".markdown")) else "gb18030")


# --- CSV and tab-separated text ---------------------------------------------------------


def delimited_grid(path: str, text: str, delimiter: str) -> Grid:
    """CSV, or cells separated by tabs as Word, WPS and Excel copy a table (a cell with line breaks quoted)."""
    import csv
    import io

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, line = [], 1
    try:
        for cells in reader:
            place = f"{path}:{line}"
            rows.append(tuple(Cell(c.strip(), place) for c in cells))
            line = reader.line_num + 1
    except csv.Error as e:
        raise BadInput("{path}:{line}: not a readable table ({why})", path=path, line=line, why=str(e)) from None
    return Grid(path, tuple(rows))


# --- Word -------------------------------------------------------------------------------


def docx_grids(path: str, data: bytes) -> list[Grid]:
    """Every table of the document (tables inside table cells too), in document order.

    python-docx gives a merged cell once per grid column it spans (gridSpan) and
    the top cell's text for each row a vertical merge (vMerge) covers.
    """
    import io
    import zipfile

    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise BadInput("{path}: not a Word document (.docx) that can be read ({why})", path=path,
                       why=office_why(data, e)) from None
    headings = _headings(document)
    out, n = [], 0
    for k, top in enumerate(document.tables):
        for table in _tables([top]):
            n += 1
            rows = []
            for m, row in enumerate(table.rows, 1):
                place = f"{path}:table {n}, row {m}"
                rows.append(tuple(Cell(_cell_text(c), place) for c in row.cells))
            heading = headings[k] if table is top and k < len(headings) else ""
            out.append(Grid(f"{path}:table {n}", tuple(rows), heading))
    return out


def _headings(document) -> list[str]:
    """Each top-level table's heading, in document order: the last two paragraphs with text before it."""
    from docx.oxml.ns import qn

    out, before = [], []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            text = "".join(t.text or "" for t in child.iter(qn("w:t"))).strip()
            if text:
                before = (before + [text])[-2:]
        elif child.tag == qn("w:tbl"):
            out.append("\n".join(before))
            before = []
    return out


def _tables(tables):
    for table in tables:
        yield table
        for row in table.rows:
            for cell in row.cells:
                yield from _tables(cell.tables)


def _cell_text(cell) -> str:
    return "\n".join(p.text for p in cell.paragraphs).strip()


# --- Excel ------------------------------------------------------------------------------


def xlsx_grids(path: str, data: bytes) -> list[Grid]:
    """Every visible sheet: merged ranges read as their top-left cell, numbers as their format shows them."""
    out = []
    for ws in visible_sheets(open_workbook(path, data)):
        merged = {}
        for rng in ws.merged_cells.ranges:
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    merged[(r, c)] = (rng.min_row, rng.min_col)
        rows = []
        for r, row in enumerate(ws.iter_rows(), 1):
            cells = []
            for c, cell in enumerate(row, 1):
                source = ws.cell(*merged[(r, c)]) if (r, c) in merged else cell
                cells.append(Cell(shown(source.value, source.number_format), f"{path}:{ws.title}!{cell.coordinate}"))
            rows.append(tuple(cells))
        out.append(Grid(f"{path}:{ws.title}", tuple(rows)))
    return out


def open_workbook(path: str, data: bytes, formulas: bool = False):
    """The workbook with each cell's value as last saved (`formulas`: with each formula's text instead)."""
    import io
    import zipfile

    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data), data_only=not formulas)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise BadInput("{path}: not an Excel workbook (.xlsx) that can be read ({why})", path=path,
                       why=office_why(data, e)) from None


def visible_sheets(wb):
    return [ws for ws in wb.worksheets if ws.sheet_state == "visible"]


_FIXED = re.compile(r"^[#,]*0(?:\.(0+))?(%?)$")


def shown(value, number_format: str = "General") -> str:
    """A cell's value as Excel shows it: 195 as `195` (not 195.0), 3.1 under the format `0.00` as `3.10`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        fixed = _FIXED.match((number_format or "").strip())
        if fixed:
            decimals = len(fixed[1] or "")
            return f"{value * 100 if fixed[2] else value:.{decimals}f}{fixed[2]}"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value).strip()
