"""Reading and writing simple tables: .xlsx through openpyxl, .csv in UTF-8 or GBK."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path

from ..errors import ImportFailed, RowProblem
from ..validation import FORMULA_START

SUPPORTED = (".xlsx", ".csv")
MAX_CELL = 10_000


def cell_text(value: object) -> str:
    """A cell as text: numbers typed into Excel as 13800138000 or 1.38e10 come back whole."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    # Undo our own export's neutralisation of formula-like text (see safe_cell).
    if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_START:
        text = text[1:]
    return text


def safe_cell(value: object) -> object:
    """Neutralise spreadsheet formula injection: text starting with = + - @ gets a quote."""
    if isinstance(value, str) and value and value[0] in FORMULA_START:
        return "'" + value
    return value


def decode_csv(data: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030 (a superset of the GBK Excel writes)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def read_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Yield (spreadsheet row number, cells as text); row 1 is the header."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise ImportFailed(str(path), [RowProblem(0, "", "unsupported_format", suffix)])
    if not path.exists():
        raise ImportFailed(str(path), [RowProblem(0, "", "file_missing", str(path))])
    if suffix == ".csv":
        try:
            text = decode_csv(path.read_bytes())
        except UnicodeDecodeError:
            raise ImportFailed(str(path), [RowProblem(0, "", "encoding", None)]) from None
        text = text.replace("\x00", "")
        reader = csv.reader(io.StringIO(text, newline=""))
        try:
            for n, row in enumerate(reader, start=1):
                yield n, [cell_text(c) for c in row]
        except csv.Error as exc:
            raise ImportFailed(str(path), [RowProblem(reader.line_num, "", "csv_syntax", str(exc))]) from None
        return
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise ImportFailed(str(path), [RowProblem(0, "", "not_a_workbook", type(exc).__name__)]) from None
    try:
        ws = wb.worksheets[0]
        for n, row in enumerate(ws.iter_rows(values_only=True), start=1):
            yield n, [cell_text(c) for c in row]
    finally:
        wb.close()


def write_table(path: Path, header: Sequence[str], rows: Sequence[Sequence[object]],
                sheet_title: str = "Sheet1") -> None:
    """Write a header and rows to .xlsx or .csv (UTF-8 with BOM so Excel reads it)."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)
            for row in rows:
                writer.writerow([safe_cell(v) for v in row])
        return
    if suffix != ".xlsx":
        raise ValueError(suffix)
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet_title)
    bold = Font(bold=True)
    head_cells = []
    for h in header:
        c = WriteOnlyCell(ws, value=h)
        c.font = bold
        head_cells.append(c)
    ws.append(head_cells)
    for row in rows:
        ws.append([safe_cell(v) for v in row])
    wb.save(path)
