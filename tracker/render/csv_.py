"""The monthly progress table as CSV: UTF-8 with BOM (Excel reads it right), formula-safe cells."""

from __future__ import annotations

import csv
import io

from tracker.core.rows import MonthlyTable, monthly_cells
from tracker.textfile import visible

# What spreadsheets take as the start of a formula (OWASP's list, with tab and carriage return).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe(text: str) -> str:
    """A cell a spreadsheet will show as text: control and invisible characters shown (textfile.visible),
    and a leading `=`, `+`, `-` or `@` gets a `'` before it."""
    text = visible(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def monthly_csv(table: MonthlyTable) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe(h) for h in table.headers])
    for row in table.rows:
        writer.writerow([safe(c) for c in monthly_cells(table, row)])
    return out.getvalue().encode("utf-8-sig")
