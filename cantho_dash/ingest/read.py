"""Read what analysts have: CSV made on Windows in any of the encodings they save in, Excel
(.xlsx, .xls), LibreOffice (.ods), and an HTML table saved as .xls.

Each kind of figures in the file becomes a Table: a UTF-8 CSV that DuckDB reads. A large plain
UTF-8 CSV in a template's layout is read where it is, record n after the header being line
header_line + n. Everything else goes through the sheets: the layout is found (book.py), the
rows become long records in the kind's column order, and each record keeps the sheet, line and
column it came from (Table.origins).
"""
from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from cantho_dash.ingest import workbook
from cantho_dash.ingest.book import Book, Origins, SheetTable, Vocabulary, read_sheets
from cantho_dash.ingest.kinds import Kind
from cantho_dash.ingest.layout import HEADER_SEARCH_ROWS, find, may_be_header
from cantho_dash.ingest.problems import FileProblem
from cantho_dash.ingest.records import classify
from cantho_dash.ingest.workbook import Sheet

DELIMITERS = (",", ";", "\t")
FAST_BYTES = 2_000_000       # a plain CSV larger than this is read by DuckDB where it lies
SUPPORTED_ENCODINGS = "UTF-8, UTF-8 BOM, UTF-16 (Excel “Unicode Text”), Windows-1258"
# What Vietnamese text in Windows-1258 decodes to; anything else means another encoding.
_VIETNAMESE = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư\u0300\u0301\u0303\u0309\u0323"
                  "–—‘’“”…•°±×÷€«»·")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
__all__ = ["FileProblem", "Table", "read_book", "decode", "sniff_type"]


@dataclass
class Table:
    """One kind's rows made ready for DuckDB."""

    path: Path                 # a UTF-8 CSV
    delimiter: str
    skip: int                  # lines before the first data record
    header_line: int           # the header's line (Excel row), 1-based
    headers: list[str]         # the header cells, NFC
    kind: Kind
    columns: dict[int, str]    # position -> canonical name
    file_type: str             # csv | xlsx | xls | ods | html
    encoding: str
    rewritten: bool = False
    ignored: list[str] = field(default_factory=list)   # headers of columns that are left out
    number_column: str | None = None                    # set when read_csv parses the numbers itself
    origins: Origins | None = None                      # where each record came from (None: line = header_line + n)

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
    """csv, xlsx, ods, xls, html, encrypted (a password-protected workbook) or xml2003, by content,
    never by the file name."""
    if data[:4] == b"PK\x03\x04":
        return "ods" if b"application/vnd.oasis.opendocument.spreadsheet" in data[:200] else "xlsx"
    if data[:8] == _OLE:
        return "encrypted" if "EncryptedPackage".encode("utf-16-le") in data[:1 << 20] else "xls"
    head = data[:65536].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in head:
        return "xml2003"
    if head.startswith(b"<") and b"<table" in head:
        return "html"
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


def _decode(data: bytes) -> tuple[str, str]:
    try:
        return decode(data)
    except UnicodeDecodeError:
        raise FileProblem("encoding", SUPPORTED_ENCODINGS) from None


def nfc_text(text: str) -> tuple[str, bool]:
    """(text in NFC, whether it already was)."""
    if unicodedata.is_normalized("NFC", text):
        return text, True
    return unicodedata.normalize("NFC", text), False


def _records(text: str, delimiter: str):
    """The records of a text table; a quote that is never closed (or stray inside a cell) is refused
    with its line, instead of swallowing the rows after it into one cell."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    try:
        for record in reader:
            yield [workbook.cell_text(c) for c in record]
            start = reader.line_num + 1
    except csv.Error:
        raise FileProblem("bad_quote", rows=[{"line": start, "column": "", "value": ""}]) from None


def _head_rows(text: str, delimiter: str) -> list[list[str]]:
    try:
        return [[unicodedata.normalize("NFC", c) for c in r] for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error:
        return []


def _delimiter(head: str, vocabulary: Vocabulary, kind: Kind | None):
    """The delimiter whose rows show the best-understood header, and that header's layout."""
    best = None
    for delimiter in DELIMITERS:
        rows = _head_rows(head, delimiter)
        if not any(may_be_header(row) for row in rows[:HEADER_SEARCH_ROWS]):
            continue
        found = find(rows, vocabulary.indicator_of, lambda r: None, kind)
        score = getattr(found, "score", -1)
        if found is not None and (best is None or score > best[0]):
            best = (score, delimiter, found)
    return (best[1], best[2]) if best else (";", None)


def _utf8_prefix_ok(data: bytes) -> bool:
    """Whether the first 64 KB are UTF-8 (so that the header can be read before the whole file)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4096]:
        return False
    try:
        data[:65536].decode("utf-8")
        return True
    except UnicodeDecodeError as exc:  # a character cut at the 64 KB boundary is fine
        return exc.start > 65536 - 4


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


def _plain_utf8(data: bytes, head_text: str, header_index: int) -> bool:
    """Whether DuckDB can read the bytes as they are: NFC UTF-8, and no quoted line break before
    the header. (Blank lines, which DuckDB skips, are caught by counting records after the load.)"""
    header_lines = head_text.split("\n", header_index + 1)[:header_index + 1]
    if '"' in "".join(header_lines):
        return False
    end = header_end(data, header_index)
    body = np.frombuffer(data, np.uint8, offset=min(end, len(data)))
    if body.size == 0 or body.max() < 128:
        return True
    try:
        return unicodedata.is_normalized("NFC", data[end:].decode("utf-8"))
    except UnicodeDecodeError:
        return False


def _fast_table(data: bytes, workdir: Path, vocabulary: Vocabulary, kind: Kind | None,
                source: Path | None) -> Table | None:
    """A large plain UTF-8 CSV in a template's layout, read by DuckDB in place; None for any other."""
    if len(data) <= FAST_BYTES or not _utf8_prefix_ok(data):
        return None
    head = unicodedata.normalize("NFC", data[:65536].decode("utf-8", "ignore").removeprefix("\ufeff"))
    delimiter, found = _delimiter(head, vocabulary, kind)
    if found is None or getattr(found, "form", "") != "long" or found.missing or found.group:
        return None
    if found.kind.repeated(found.headers):
        return None
    number = [i for i, n in found.columns.items() if n in ("value", "score", "status", "target_value")]
    tail = _head_rows(data[-16384:].decode("utf-8", "ignore"), delimiter)[1:][-200:]
    body = _head_rows(head, delimiter)[found.header_index + 1:-1][:200]
    if any(classify(row, number, n < 2, False, vocabulary.known) not in ("data", "blank")
           for n, row in enumerate(body)) or any(classify(row, number, False, False, vocabulary.known)
                                                 not in ("data", "blank") for row in tail):
        return None
    if not _plain_utf8(data, head, found.header_index):
        return None
    headers = [c.strip() for c in found.headers]
    while headers and not headers[-1]:
        headers.pop()
    table = Table(path=source or workdir / "source.csv", delimiter=delimiter, skip=found.header_index + 1,
                  header_line=found.header_index + 1, headers=headers, kind=found.kind, columns=found.columns,
                  file_type="csv", encoding="utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8",
                  ignored=[h for i, h in enumerate(headers) if i not in found.columns and h])
    if source is None:
        table.path.write_bytes(data)
    return table


def _write(sheet_table: SheetTable, workdir: Path, file_type: str, encoding: str) -> Table:
    """A kind's records as the CSV DuckDB reads: the kind's columns in order, one record a line."""
    kind = sheet_table.kind
    path = workdir / f"{kind.name}.csv"
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\n")
        for record in sheet_table.records:
            writer.writerow([c.replace("\r\n", "\n").replace("\r", "\n") for c in record])
    columns = {i: c.name for i, c in enumerate(kind.columns)}
    return Table(path=path, delimiter=";", skip=0, header_line=sheet_table.header_line,
                 headers=[c.header_vi for c in kind.columns], kind=kind, columns=columns, file_type=file_type,
                 encoding=encoding, rewritten=True, ignored=sheet_table.ignored, origins=sheet_table.origins)


def _text_sheets(data: bytes, vocabulary: Vocabulary, kind: Kind | None) -> tuple[list[Sheet], str, str]:
    text, encoding = _decode(data)
    text, _ = nfc_text(text)
    delimiter, _found = _delimiter(text[:65536], vocabulary, kind)
    rows = list(_records(text, delimiter))
    return [Sheet("", rows)], encoding, delimiter


def read_book(data: bytes, workdir: Path, vocabulary: Vocabulary, kind: Kind | None = None,
              force_rewrite: bool = False, source: Path | None = None) -> tuple[list[Table], Book]:
    """Every table of a file, ready for DuckDB, with what was read and left out; raises FileProblem."""
    if not data[:4096].strip() and not data.strip():
        raise FileProblem("empty")
    file_type = sniff_type(data)
    if file_type in ("encrypted", "xml2003"):
        raise FileProblem("password" if file_type == "encrypted" else "xml2003")
    delimiter = None
    if file_type in ("xlsx", "xls", "ods"):
        sheets = {"xlsx": workbook.read_xlsx, "xls": workbook.read_xls, "ods": workbook.read_ods}[file_type](data)
        encoding = file_type
    elif file_type == "html":
        text, _ = _decode(data)
        sheets, encoding = workbook.read_html(nfc_text(text)[0]), "html"
    else:
        fast = None if force_rewrite else _fast_table(data, workdir, vocabulary, kind, source)
        if fast is not None:
            book = Book(used=[("", fast.kind.name, "long")])
            return [fast], book
        sheets, encoding, delimiter = _text_sheets(data, vocabulary, kind)
    book = read_sheets(sheets, vocabulary, kind, text_width=delimiter is not None)
    return [_write(t, workdir, file_type, encoding) for t in book.tables.values()], book
