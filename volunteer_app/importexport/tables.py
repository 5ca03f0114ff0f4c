"""Reading and writing simple tables: .xlsx through openpyxl, .csv in UTF-8 or GBK."""

from __future__ import annotations

import csv
import io
import re
import stat
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..errors import ImportFailed, RowProblem
from ..validation import FORMULA_START

SUPPORTED = (".xlsx", ".csv")
MAX_CELL = 10_000
# Numbers from 10^15 on cannot have come through an Excel number cell whole.
EXCEL_EXACT_LIMIT = 1e15


def cell_text(value: object) -> str:
    """A cell as text: numbers typed into Excel as 13800138000 or 1.38e10 come back whole."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        if abs(value) >= EXCEL_EXACT_LIMIT:
            # Excel keeps 15 significant digits of a number: an ID-card number typed into a
            # number cell lost its last digits. Shown as Excel shows it (5.40102199001011E+17)
            # so that the check says so instead of "wrong check digit" (validation).
            return f"{value:.15G}"
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    # Undo our own export's neutralisation of formula-like text (see safe_cell).
    if text[:1] == "'" and text.lstrip("'")[:1] in FORMULA_START and text.lstrip("'"):
        text = text[1:]
    return text


def safe_cell(value: object) -> object:
    """Neutralise spreadsheet formula injection: text starting with = + - @ gets a quote,
    and so does text that already starts with quotes before one of them, so that
    :func:`cell_text` gives back exactly what was exported ('=x stays '=x)."""
    if isinstance(value, str) and value and value.lstrip("'")[:1] in FORMULA_START and value.lstrip("'"):
        return "'" + value
    return value


# Import limits (docs/import-limits.md): a register of a community is a few thousand rows;
# these leave room for a whole street office and refuse, before parsing, files built to
# exhaust memory or time (a 335 KB workbook can unzip to 8 million shared strings).
MAX_ROWS = 150_000  # rows of the sheet, the header included
MAX_CELLS = 3_000_000  # cells as the file lays them out (rows x columns)
MAX_FILE_MB = 100  # the file as stored (.csv or .xlsx)
MAX_EXPANDED_MB = 200  # an .xlsx's parts once unzipped, together
MAX_RATIO = 100  # how many times one part of an .xlsx may expand (real ones: 5-25)
MAX_PARTS = 5_000  # files inside an .xlsx
_RATIO_FLOOR = 1 << 20  # parts smaller than this may expand as they like
_MB = 1 << 20
_CHUNK = 1 << 20
_UTF8_BOM = b"\xef\xbb\xbf"
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_SHOWN = 60  # characters of a badly encoded line a problem quotes
_ACCENTED = re.compile("[A-Za-z][\u0080-\u07ff]|[\u0080-\u07ff][A-Za-z]")
# Entity declarations (billion laughs, external entities) live in a DTD; no part of a
# workbook has one. Searched as bytes in the encodings an XML part may use.
_DTD_MARKS = tuple(mark.encode(enc) for mark in ("<!DOCTYPE", "<!ENTITY")
                   for enc in ("ascii", "utf-16-le", "utf-16-be"))
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s[^>]*?ref=[\"']([A-Za-z0-9:$]+)[\"']")
# The root element: the first tag after the declaration, comments and processing instructions.
_ROOT = re.compile(rb"<([A-Za-z_][\w.:-]*)")
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?ref=[\"']([A-Za-z0-9:$]+)[\"']")


# Excel writes a character XML cannot hold (a control character) as _xHHHH_, and a literal
# "_x0041_" as "_x005F_x0041_"; openpyxl leaves both as they are.
_XML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape(text: str) -> str:
    """A workbook's text as Excel shows it (the checks then see its control characters)."""
    if "_x" not in text:
        return text
    return _XML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def _escape(value: object) -> object:
    """Text written to a workbook so that Excel (and :func:`_unescape`) read it unchanged."""
    if isinstance(value, str) and "_x" in value:
        return _XML_ESCAPE.sub(lambda m: "_x005F" + m.group(0), value)
    return value


def _refuse(source: str, code: str, value: object = None, row: int = 0, column: str = "") -> ImportFailed:
    return ImportFailed(source, [RowProblem(row, column, code, value)])


@dataclass(frozen=True)
class MergedRange:
    """A merged range of an .xlsx sheet: its name as Excel shows it and its bounds."""

    ref: str
    min_col: int
    min_row: int
    max_col: int
    max_row: int


@dataclass
class Table:
    """A table file opened for reading: the rows (lazily) and a workbook's merged ranges.

    Every check of the file as a whole (size, limits, XML entities, the encoding of every
    row of a CSV file) has run when :func:`open_table` returns.
    """

    path: Path
    rows: Iterator[tuple[int, list[str]]]
    merged: list[MergedRange] = field(default_factory=list)
    size_hint: int = 0  # rows the sheet seems to have (for a progress bar); 0 unknown


# -- CSV: one encoding per file, every row checked against it --------------------------


def decode_csv(data: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030 (a superset of the GBK Excel writes)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def _utf8(line: bytes) -> str:
    """The line's UTF-8 text, or "" when it is not UTF-8."""
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return ""


def _decodes(line: bytes, encoding: str) -> bool:
    try:
        line.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _decode_csv_checked(source: str, data: bytes) -> str:
    """The text of a CSV file in the one encoding it is written in, or ImportFailed naming
    every row (and cell) written in another encoding or in none.

    The file is UTF-8 when it has a BOM or all of it decodes as UTF-8; otherwise the
    encoding most of its non-ASCII lines decode in (UTF-8 or GB18030, the superset of
    GBK). A line that is valid UTF-8 in a GBK file would decode to other characters
    (张三 as 寮犱笁) without any error, so it is refused as well.
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(data) >= 4 and data.count(b"\x00") * 4 > len(data)):
        raise _refuse(source, "encoding")  # UTF-16 ("Unicode text"), not a CSV of ours
    bom = data.startswith(_UTF8_BOM)
    body = data[3:] if bom else data
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Safe in both encodings: no byte of a GB18030 character is 0x0A or 0x0D.
    lines = _LINE_BREAK.split(body)
    # Per line: None plain ASCII (fine in either); else its UTF-8 text, "" if not UTF-8.
    utf8: list[str | None] = [None if line.isascii() else _utf8(line) for line in lines]
    # GBK text is valid UTF-8 by chance now and then (2 % of rows holding just a name), but
    # then only as stray Latin, Greek or Cyrillic letters: a UTF-8 row of Chinese (U+0800
    # and up) is told apart from GBK reliably (none in 100,000 random GBK names), and so is
    # a Latin name with accents (Zoë, José: an accented letter beside an ASCII one, which
    # Chinese text in GBK never makes).
    chinese = [u is not None and u != "" and (max(u) >= "\u0800" or _ACCENTED.search(u) is not None)
               for u in utf8]
    if bom:
        encoding = "utf-8"
    else:
        votes = sum(chinese), sum(1 for u in utf8 if u == "")
        encoding = "utf-8" if votes[0] > votes[1] else "gb18030"
    texts: list[str] = []
    bad: dict[int, bool] = {}  # line index -> in the other encoding (else in none)
    for i, (line, u) in enumerate(zip(lines, utf8, strict=True)):
        if u is None:
            texts.append(line.decode("ascii"))
        elif encoding == "utf-8":
            if u and not chinese[i] and _decodes(line, "gb18030"):
                # Valid UTF-8, but no Chinese in it and GBK too, in a file holding GBK:
                # most likely one more GBK row (郑 alone reads as U+05A3 in UTF-8).
                bad[i] = True
                texts.append(line.decode("gb18030"))
            elif u:
                texts.append(u)
            else:
                gbk = _decodes(line, "gb18030")
                bad[i] = gbk
                texts.append(line.decode("gb18030" if gbk else "utf-8", errors="replace"))
        elif chinese[i]:
            bad[i] = True
            texts.append(u)
        elif _decodes(line, "gb18030"):
            texts.append(line.decode("gb18030"))
        else:
            bad[i] = bool(u)
            texts.append(u or line.decode("gb18030", errors="replace"))
    if bad:
        raise ImportFailed(source, _encoding_problems(texts, bad))
    return "\n".join(texts)


def _encoding_problems(texts: list[str], bad: dict[int, bool]) -> list[RowProblem]:
    """One problem for each row holding a badly encoded line, numbered as Excel shows the
    row (a quoted cell may span lines: one row, several lines)."""
    problems: list[RowProblem] = []
    lines = iter([t + "\n" for t in texts[:-1]] + texts[-1:])
    reader = csv.reader(lines)
    header: list[str] = []
    first_line = 0
    try:
        for n, row in enumerate(reader, start=1):
            if n == 1:
                header = row
            mixed = [bad[i] for i in range(first_line, reader.line_num) if i in bad]
            first_line = reader.line_num
            if not mixed:
                continue
            # The whole row is read wrongly; its first cell with non-ASCII text shows how.
            i, cell = next(((i, c) for i, c in enumerate(row) if not c.isascii()), (0, ""))
            column = header[i] if n > 1 and i < len(header) else _column_letter(i)
            problems.append(RowProblem(n, column, "mixed_encoding" if all(mixed) else "undecodable_text",
                                       cell[:_SHOWN]))
    except csv.Error:  # the lines around a bad one do not even parse: name the lines
        problems = [RowProblem(i + 1, "", "mixed_encoding" if other else "undecodable_text",
                               texts[i][:_SHOWN]) for i, other in sorted(bad.items())]
    return problems


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _read_file(source: str, path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(MAX_FILE_MB * _MB + 1)
    except OSError as exc:
        raise _refuse(source, "unreadable_file", exc.strerror or type(exc).__name__) from None


def _csv_rows(source: str, text: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    cells = 0
    try:
        for n, row in enumerate(reader, start=1):
            cells += len(row)
            if n > MAX_ROWS:
                raise _refuse(source, "too_many_rows", MAX_ROWS)
            if cells > MAX_CELLS:
                raise _refuse(source, "too_many_cells", MAX_CELLS)
            yield n, [cell_text(c) for c in row]
    except csv.Error as exc:
        raise ImportFailed(source, [RowProblem(reader.line_num, "", "csv_syntax", str(exc))]) from None


# -- XLSX: the zip and its XML inspected before openpyxl parses anything ----------------


@dataclass
class _PartScan:
    rows: int = 0
    cells: int = 0
    strings: int = 0
    dimension: str | None = None
    merged: list[str] = field(default_factory=list)
    worksheet: bool = False  # its root element is a worksheet


def _scan_part(source: str, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> _PartScan:
    """Stream one part: refuse a DTD; count rows, cells and shared strings (tags, also
    with a namespace prefix); note the dimension and the merged ranges.

    What is counted follows the part's root element (a sheet's rows and cells, the
    shared strings' entries); a part whose root is not found early is counted for all.
    """
    scan = _PartScan()
    tail = b""
    first = True
    sheet = strings = True
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(_CHUNK)
            if not chunk:
                break
            data = tail + chunk
            # "<!" opens a DTD (also "<\0!" in UTF-16); comments and CDATA are rare.
            if (b"<!" in data or b"<\x00!" in data) and any(mark in data for mark in _DTD_MARKS):
                raise _refuse(source, "xml_entities", info.filename)
            if first:
                head = data[:4096]
                m = _DIMENSION.search(head)
                scan.dimension = m.group(1).decode("ascii") if m else None
                root = _ROOT.search(head)
                if root is not None:
                    name = root.group(1).rpartition(b":")[2]
                    sheet, strings = name == b"worksheet", name == b"sst"
                    scan.worksheet = sheet
                first = False
            # Counted on the new bytes only (tags are short; the overlap keeps them whole).
            if sheet:
                scan.rows += chunk.count(b"<row") + chunk.count(b":row")
                scan.cells += (chunk.count(b"<c ") + chunk.count(b"<c>") + chunk.count(b":c ")
                               + chunk.count(b":c>"))
                if b"mergeCell" in data:
                    scan.merged.extend(m.group(1).decode("ascii") for m in _MERGE.finditer(data)
                                       if m.end() > len(tail))
            if strings:
                scan.strings += chunk.count(b"<si") + chunk.count(b":si")
            tail = data[-256:]
    return scan


def _first_sheet(zf: zipfile.ZipFile) -> str | None:
    """The part of the workbook's first worksheet (openpyxl's ``worksheets[0]``)."""
    import posixpath
    from xml.etree import ElementTree

    rel_ns = "{http://schemas.openxmlformats.org/package/2006/relationships}"
    doc_ns = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

    def rels(part: str) -> dict[str, tuple[str, str]]:
        folder, name = posixpath.split(part)
        root = ElementTree.fromstring(zf.read(posixpath.join(folder, "_rels", name + ".rels")))
        out = {}
        for r in root.iter(f"{rel_ns}Relationship"):
            target = r.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out[r.get("Id", "")] = (r.get("Type", ""), target)
        return out

    try:
        workbook = next(t for kind, t in rels("").values() if kind.endswith("/officeDocument"))
        sheets = rels(workbook)
        root = ElementTree.fromstring(zf.read(workbook))
        for sheet in root.iter():
            if sheet.tag.endswith("}sheet"):
                kind, target = sheets.get(sheet.get(f"{doc_ns}id", ""), ("", ""))
                if kind.endswith("/worksheet"):
                    return target
    except (KeyError, StopIteration, ElementTree.ParseError, ValueError):
        return None
    return None


def _bounds(ref: str) -> tuple[int, int, int, int] | None:
    from openpyxl.utils.cell import range_boundaries

    try:
        min_col, min_row, max_col, max_row = range_boundaries(ref.replace("$", "").upper())
    except (ValueError, TypeError):
        return None
    if min_col is None or min_row is None:
        return None
    return min_col, min_row, max_col or min_col, max_row or min_row


def _inspect_xlsx(source: str, path: Path) -> tuple[list[MergedRange], int]:
    """Refuse a workbook over the limits or with XML entities before openpyxl reads it;
    return the merged ranges of its first sheet and the rows it seems to have."""
    try:
        zf = zipfile.ZipFile(path)
    except OSError as exc:
        raise _refuse(source, "unreadable_file", exc.strerror or type(exc).__name__) from None
    except Exception as exc:  # BadZipFile and what a damaged directory makes zipfile raise
        raise _refuse(source, "not_a_workbook", type(exc).__name__) from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_PARTS:  # a workbook has dozens; each is opened below
            raise _refuse(source, "not_a_workbook", f"{len(infos)} parts")
        if sum(i.file_size for i in infos) > MAX_EXPANDED_MB * _MB:
            raise _refuse(source, "too_large", MAX_EXPANDED_MB)
        for info in infos:
            if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise _refuse(source, "compression_ratio", MAX_RATIO)
        scans: dict[str, _PartScan] = {}
        try:
            for info in infos:
                if not info.is_dir():
                    scans[info.filename] = _scan_part(source, zf, info)
            sheet = _first_sheet(zf)
            if sheet not in scans:  # relationships not understood: the first worksheet part
                sheet = next((name for name, scan in scans.items() if scan.worksheet), None)
        except ImportFailed:
            raise
        except Exception as exc:  # a damaged member (CRC, unsupported compression)
            raise _refuse(source, "not_a_workbook", type(exc).__name__) from None
    if sum(s.strings for s in scans.values()) > MAX_CELLS:
        raise _refuse(source, "too_many_cells", MAX_CELLS)
    for name, scan in scans.items():  # every sheet: openpyxl may be asked for any
        if scan.rows > MAX_ROWS:
            raise _refuse(source, "too_many_rows", MAX_ROWS)
        if scan.cells > MAX_CELLS:
            raise _refuse(source, "too_many_cells", MAX_CELLS)
        bounds = _bounds(scan.dimension) if scan.dimension and name == sheet else None
        if bounds is not None:
            min_col, min_row, max_col, max_row = bounds
            if max_row > MAX_ROWS:
                raise _refuse(source, "too_many_rows", MAX_ROWS)
            if max_row * (max_col - min_col + 1) > MAX_CELLS:
                raise _refuse(source, "too_many_cells", MAX_CELLS)
    merged = []
    for ref in scans[sheet].merged if sheet in scans else []:
        bounds = _bounds(ref)
        if bounds is not None:
            merged.append(MergedRange(ref.replace("$", "").upper(), *bounds))
    return merged, scans[sheet].rows if sheet in scans else 0


def _xlsx_rows(source: str, path: Path) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise _refuse(source, "not_a_workbook", type(exc).__name__) from None
    try:
        if not wb.worksheets:
            raise _refuse(source, "not_a_workbook", "no worksheet")
        cells = 0
        for n, row in enumerate(wb.worksheets[0].iter_rows(values_only=True), start=1):
            cells += len(row)
            if n > MAX_ROWS:
                raise _refuse(source, "too_many_rows", MAX_ROWS)
            if cells > MAX_CELLS:
                raise _refuse(source, "too_many_cells", MAX_CELLS)
            yield n, [_unescape(cell_text(c)) for c in row]
    except ImportFailed:
        raise
    except Exception as exc:  # a sheet damaged past its first bytes
        raise _refuse(source, "not_a_workbook", type(exc).__name__) from None
    finally:
        wb.close()


def open_table(path: Path) -> Table:
    """Open a .csv or .xlsx file for reading after checking it as a whole.

    Raises ImportFailed, with the file's problem (row 0) or the rows at fault, when the
    file is missing, not a regular file, unreadable, over the import limits, a workbook
    with XML entity declarations, or a CSV file with rows in different encodings.
    """
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise _refuse(source, "unsupported_format", suffix)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise _refuse(source, "file_missing", source) from None
    except OSError as exc:
        raise _refuse(source, "unreadable_file", exc.strerror or type(exc).__name__) from None
    if not stat.S_ISREG(st.st_mode):  # a folder, a device, a pipe
        raise _refuse(source, "not_a_file", source)
    if st.st_size > MAX_FILE_MB * _MB:
        raise _refuse(source, "too_large", MAX_FILE_MB)
    if suffix == ".csv":
        data = _read_file(source, path)
        if len(data) > MAX_FILE_MB * _MB:  # grew since stat
            raise _refuse(source, "too_large", MAX_FILE_MB)
        return Table(path, _csv_rows(source, _decode_csv_checked(source, data)),
                     size_hint=data.count(b"\n"))
    merged, rows = _inspect_xlsx(source, path)
    return Table(path, _xlsx_rows(source, path), merged, rows)


def read_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Yield (spreadsheet row number, cells as text); row 1 is the header."""
    yield from open_table(path).rows


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
        ws.append([_escape(safe_cell(v)) for v in row])
    wb.save(path)
