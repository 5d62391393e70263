"""Read what analysts have: CSV or Excel made on Windows, in any of the encodings they save in.

The result is a UTF-8 CSV that DuckDB can read, where record n after the header is line
header_line + n of the file as the analyst sees it in Excel. A well-formed UTF-8 file is read
where it is; anything else (UTF-16, Windows-1258, NFD text, blank lines, ragged rows, .xlsx) is
rewritten once, record for record.
"""
from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

import numpy as np

from .kinds import Kind, detect

DELIMITERS = (",", ";", "\t")
HEADER_SEARCH_ROWS = 15
SUPPORTED_ENCODINGS = "UTF-8, UTF-8 BOM, UTF-16 (Excel “Unicode Text”), Windows-1258"
# What Vietnamese text in Windows-1258 decodes to; anything else means another encoding.
_VIETNAMESE = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư\u0300\u0301\u0303\u0309\u0323"
                  "–—‘’“”…•°±×÷€«»·")


class FileProblem(Exception):
    """The file as a whole cannot be read; code names the reason (see report.MESSAGES)."""

    def __init__(self, code: str, hint: str = "", rows: list[dict] | None = None):
        super().__init__(code)
        self.code, self.hint, self.rows = code, hint, rows   # rows: line, column, value of each place


@dataclass
class Table:
    """A file made ready for DuckDB."""

    path: Path                 # a UTF-8 CSV
    delimiter: str
    skip: int                  # lines before the first data record
    header_line: int           # the header's line (Excel row), 1-based
    headers: list[str]         # the header cells, NFC
    kind: Kind
    columns: dict[int, str]    # position -> canonical name
    file_type: str             # csv | xlsx
    encoding: str
    rewritten: bool = False
    ignored: list[str] = field(default_factory=list)   # headers of columns that are left out
    number_column: str | None = None                    # set when read_csv parses the numbers itself

    @property
    def width(self) -> int:
        """How many columns DuckDB reads."""
        return len(self.headers)

    def duckdb_columns(self) -> dict[str, str]:
        """read_csv's columns: canonical names where known, placeholders elsewhere."""
        out = {}
        for i in range(self.width):
            name = self.columns.get(i, f"unused_{i}")
            if self.number_column == f"{name}_number":
                out[self.number_column] = "double"
            else:
                out[name] = "varchar"
        return out


def sniff_type(data: bytes) -> str:
    """csv, xlsx or xls (the old binary Excel), by content, never by the file name."""
    if data[:4] == b"PK\x03\x04":
        return "xlsx"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "xls"
    return "csv"


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) for the supported encodings; never a Latin-1 guess."""
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding = data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = data.decode("utf-16"), "utf-16"
    elif b"\x00" in data[:4096]:
        sample = data[:4096]
        if sample[1::2].count(0) > len(sample) // 4:
            text, encoding = data.decode("utf-16-le"), "utf-16-le"
        elif sample[0::2].count(0) > len(sample) // 4:
            text, encoding = data.decode("utf-16-be"), "utf-16-be"
        else:
            raise FileProblem("encoding", SUPPORTED_ENCODINGS)
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1258")
            except UnicodeDecodeError:
                raise FileProblem("encoding", SUPPORTED_ENCODINGS) from None
            strange = {ch for ch in text if ord(ch) > 127 and ch not in _VIETNAMESE}
            if strange:
                raise FileProblem("encoding", SUPPORTED_ENCODINGS) from None
            encoding = "windows-1258"
    return text, encoding


def nfc_text(text: str) -> tuple[str, bool]:
    """(text in NFC, whether it already was)."""
    if unicodedata.is_normalized("NFC", text):
        return text, True
    return unicodedata.normalize("NFC", text), False


def _trim(row: list[str]) -> list[str]:
    while row and not str(row[-1]).strip():
        row = row[:-1]
    return row


def find_header(rows: list[list[str]], kind: Kind | None) -> tuple[int, Kind] | None:
    """(index of the header row, its kind) among the first rows, or None."""
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        cells = [unicodedata.normalize("NFC", str(c)).strip() for c in row]
        found = kind if kind and kind.matches(cells) else (None if kind else detect(cells))
        if found:
            return i, found
    return None


def _sniff(text: str, kind: Kind | None) -> tuple[str, int, Kind, list[str]]:
    """The delimiter, header row index, kind and header cells of a text table."""
    head = text[:65536]
    best = None
    for delimiter in DELIMITERS:
        rows = list(csv.reader(io.StringIO(head), delimiter=delimiter))
        found = find_header(rows, kind)
        if found:
            i, k = found
            headers = _trim([unicodedata.normalize("NFC", c).strip() for c in rows[i]])
            score = (len(k.header_map(headers)), len(headers))
            if best is None or score > best[0]:
                best = (score, delimiter, i, k, headers)
    if best is None:
        raise FileProblem("no_header")
    return best[1], best[2], best[3], best[4]




def _columns(kind: Kind, headers: list[str]) -> dict[int, str]:
    """The kind's columns among the headers; a column named twice is refused (which one holds the data?)."""
    twice = kind.repeated(headers)
    if twice:
        raise FileProblem("duplicate_column", twice)
    return kind.header_map(headers)


def read_text(data: bytes, workdir: Path, kind: Kind | None = None, force_rewrite: bool = False,
              source: Path | None = None) -> Table:
    """A CSV/TSV file in any supported encoding, ready for DuckDB (rewritten when it must be).
    source: where data already lies on disk, so that a plain file is read in place."""
    head_text, encoding = decode(data[:65536]) if _utf8_prefix_ok(data) else decode(data)
    head_text, _ = nfc_text(head_text)
    delimiter, header_index, found, headers = _sniff(head_text, kind)
    columns = _columns(found, headers)
    table = Table(path=workdir / "source.csv", delimiter=delimiter, skip=header_index + 1,
                  header_line=header_index + 1, headers=headers, kind=found, columns=columns, file_type="csv",
                  encoding=encoding, ignored=[h for i, h in enumerate(headers) if i not in columns and h])
    if not force_rewrite and encoding in ("utf-8", "utf-8-sig") and _plain_utf8(data, head_text, header_index):
        if source:
            table.path = source
        else:
            table.path.write_bytes(data)
        return table
    text, encoding = decode(data)
    text, _ = nfc_text(text)
    table.encoding = encoding
    return rewrite(table, _records(text, delimiter), skip_records=header_index + 1)


def _records(text: str, delimiter: str):
    """The records of a text table; a quote that is never closed (or stray inside a cell) is refused
    with its line, instead of swallowing the rows after it into one cell."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    start = 1
    try:
        for record in reader:
            yield record
            start = reader.line_num + 1
    except csv.Error:
        raise FileProblem("bad_quote", rows=[{"line": start, "column": "", "value": ""}]) from None


def _utf8_prefix_ok(data: bytes) -> bool:
    """Whether the first 64 KB are UTF-8 (so that the header can be read before the whole file)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4096]:
        return False
    try:
        data[:65536].decode("utf-8")
        return True
    except UnicodeDecodeError as exc:  # a character cut at the 64 KB boundary is fine
        return exc.start > 65536 - 4


def _plain_utf8(data: bytes, head_text: str, header_index: int) -> bool:
    """Whether DuckDB can read the bytes as they are: NFC UTF-8, and no quoted line break before
    the header. (Blank lines, which DuckDB skips, are caught by counting records after the load.)"""
    header_lines = head_text.split("\n", header_index + 1)[:header_index + 1]
    if '"' in "".join(header_lines):
        return False
    end = header_end(data, header_index)
    body = np.frombuffer(data, np.uint8, offset=min(end, len(data)))
    if body.size == 0 or body.max() < 128:   # ASCII after the header (read with the head already)
        return True
    try:
        return unicodedata.is_normalized("NFC", data[end:].decode("utf-8"))
    except UnicodeDecodeError:
        return False


def header_end(data: bytes, header_index: int) -> int:
    """The byte offset just after the header line."""
    end = -1
    for _ in range(header_index + 1):
        end = data.find(b"\n", end + 1)
        if end < 0:
            return len(data)
    return end + 1


def expected_records(data: bytes, header_index: int) -> int:
    """How many records DuckDB should find after the header if no line is blank or broken by quotes."""
    body = len(data) - header_end(data, header_index)
    return data.count(b"\n", header_end(data, header_index)) + (1 if body and not data.endswith(b"\n") else 0)


def rewrite(table: Table, records, skip_records: int) -> Table:
    """Write the records after the header as a plain UTF-8 CSV, one record per line of the original.

    Blank lines stay as empty records (so that numbering holds); short rows are padded. A row with
    something in cells past the header's width is refused (FileProblem 'extra_cells', with the lines):
    in a comma-separated file that is most often an unquoted decimal comma, and dropping it would
    lose a digit.
    """
    rows = []
    for n, record in enumerate(records):
        if n < skip_records:
            continue
        rows.append(record)
    while rows and not any(str(c).strip() for c in rows[-1]):
        rows.pop()
    width = table.width
    extra = [{"line": table.header_line + 1 + n, "column": _column_letter(width + 1),
              "value": table.delimiter.join(str(c) for c in record[width:])}
             for n, record in enumerate(rows) if any(str(c).strip() for c in record[width:])]
    if extra:
        raise FileProblem("extra_cells", rows=extra)
    with open(table.path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\n")
        for record in rows:
            cells = [str(c).replace("\r\n", "\n").replace("\r", "\n") for c in record][:width]  # Alt+Enter in a cell
            writer.writerow(cells + [""] * (width - len(cells)))
    table.delimiter, table.skip, table.rewritten = ";", 0, True
    return table


def _column_letter(number: int) -> str:
    """Excel's name of a column: 1 -> A, 27 -> AA."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _excel_text(value, number_format: str) -> str:
    """An Excel cell as the text an analyst would type: numbers with a decimal comma, dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        if "%" in (number_format or ""):
            return f"{value * 100:.12g}".replace(".", ",") + "%"
        return f"{value:.15g}".replace(".", ",")
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return unicodedata.normalize("NFC", str(value))


def read_xlsx(data: bytes, workdir: Path, kind: Kind | None = None) -> Table:
    """The first sheet of an .xlsx workbook with a known header and data under it, ready for DuckDB."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise FileProblem("bad_xlsx") from None
    try:
        candidates = []
        for sheet in book.worksheets:
            rows = [[_excel_text(c.value, getattr(c, "number_format", "")) for c in row]
                    for row in sheet.iter_rows()]
            found = find_header(rows, kind)
            if found:
                has_data = any(any(str(v).strip() for v in row) for row in rows[found[0] + 1:])
                candidates.append((not has_data, len(candidates), rows, found))
    finally:
        book.close()
    if not candidates:
        raise FileProblem("no_header")
    _, _, rows, (i, k) = min(candidates, key=lambda c: (c[0], c[1]))  # the first sheet that holds data
    headers = _trim([c.strip() for c in rows[i]])
    columns = _columns(k, headers)
    table = Table(path=workdir / "source.csv", delimiter=",", skip=0, header_line=i + 1, headers=headers,
                  kind=k, columns=columns, file_type="xlsx", encoding="xlsx",
                  ignored=[h for j, h in enumerate(headers) if j not in columns and h])
    return rewrite(table, rows, skip_records=i + 1)


def read_table(data: bytes, workdir: Path, kind: Kind | None = None, force_rewrite: bool = False,
               source: Path | None = None) -> Table:
    """Any supported file, ready for DuckDB; raises FileProblem for what cannot be read."""
    if not data.strip():
        raise FileProblem("empty")
    file_type = sniff_type(data)
    if file_type == "xls":
        raise FileProblem("xls_legacy")
    if file_type == "xlsx":
        return read_xlsx(data, workdir, kind)
    return read_text(data, workdir, kind, force_rewrite, source)
