"""A laid-out sheet's rows as the long records of its kind. Rows that are not figures are skipped
and counted, never stored: the column-number row under the header ("(1) (2) (3)"), section
headings ("I | CHÍNH QUYỀN SỐ"), totals ("Tổng cộng"), notes ("Ghi chú: …") and the signature
block ("Người lập biểu", "Thủ trưởng đơn vị", the date, names). A wide table's empty cell is "not
reported": nothing is stored for it. Pure.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from cantho_dash.domain.vntext import fold
from cantho_dash.ingest.layout import NUMBER, Layout, month_header

SKIPPED = ("column_numbers", "repeated_header", "heading", "totals", "note", "signature")
_COLUMN_NUMBER = re.compile(r"\(?\s*(?:\d{1,2}|[a-z]|[ivx]{1,4})\s*\)?(?:\s*=\s*[\d()+\-*/x ]+)?")
_ORDINAL = re.compile(r"(?:[ivxlc]{1,5}|[a-z]|\d{1,3})\s*[.)]?")
_TOTALS = re.compile(r"(?:tong cong|tong so|total|grand total|tong toan|cong toan|tong chung|cong chung|cong chung toan"
                     r"|diem toi da|toi da|toi thieu|binh quan|trung binh|diem trung binh|gia tri trung binh|average"
                     r"|maximum|minimum)\b.*|(?:tong|cong)(?:\s+(?:muc|phan)?\s*(?:[ivx]{1,4}|\d{1,2}))?\s*[:.]?")  # 'Cộng I', 'Cộng mục II'
_NOTE = re.compile(r"(?:\(?\*+\)?|ghi chu|luu y|chu thich|nguon so lieu|nguon)\b")
_SIGNATURE = re.compile(r"nguoi lap|nguoi bao cao|nguoi tong hop|thu truong|ky ten|ky,|\(ky\b|ky va ghi|ghi ro ho ten"
                        r"|dong dau|noi nhan|chu tich|giam doc|truong phong|ke toan|xac nhan|\btm\.|\bkt\.|\bq\.\s"
                        r"|ngay\s*[\d.…]*\s*thang\s*[\d.…]*\s*nam|^-\s*(?:nhu tren|luu)\b|\bluu\s*:?\s*vt\b")
_PILLARS = ("chinh quyen so", "kinh te so", "xa hoi so")
_NUMBER = re.compile(r"[-+]?[\d.,\s]*\d[\d.,\s]*%?")


def is_number(text: str) -> bool:
    """Whether a cell holds something written as a number (not whether it reads as one)."""
    return bool(_NUMBER.fullmatch(text.strip()))


def _sequence(folded: list[str]) -> bool:
    """'(1) (2) (3) …' or 'A B C …': a column-number row."""
    marks = [re.sub(r"[()\s]", "", f).split("=")[0] for f in folded]
    if all(m.isdigit() for m in marks):
        return [int(m) for m in marks] == list(range(int(marks[0]), int(marks[0]) + len(marks)))
    return all(len(m) == 1 and m.isalpha() for m in marks) and [ord(m) for m in marks] == list(
        range(ord(marks[0]), ord(marks[0]) + len(marks)))


def classify(cells: list[str], values: list[int], near_header: bool, after_signature: bool,
             known: Callable[[str], bool], header: frozenset[str] = frozenset()) -> str:
    """data, blank, or one of SKIPPED. values: the columns that hold figures; header: the header's
    cells (a table pasted from Word repeats them at each page)."""
    filled = [c.strip() for c in cells if c.strip()]
    if not filled:
        return "blank"
    texts = list(dict.fromkeys(filled))
    folded = [fold(t) for t in texts]
    figures = [cells[i].strip() for i in values if i < len(cells) and cells[i].strip()]
    numbers = [f for f in figures if is_number(f)]
    if len(filled) >= 2 and all(_COLUMN_NUMBER.fullmatch(f) for f in folded) and (near_header or _sequence(folded)):
        return "column_numbers"
    if header and len(filled) >= 2 and not numbers and sum(fold(t) in header for t in texts) >= max(2, len(texts) - 1):
        return "repeated_header"
    if not numbers and any(_SIGNATURE.search(f) for f in folded):
        return "signature"
    if after_signature and not numbers:
        return "signature"
    words = [f for f in folded if not _ORDINAL.fullmatch(f)]
    if words and _TOTALS.fullmatch(words[0]) and not known(texts[folded.index(words[0])]):
        return "totals"
    if not numbers and len(texts) == 1 and _NOTE.match(folded[0]):
        return "note"
    if not numbers and len(texts) == 1 and not known(texts[0]) and not _ORDINAL.fullmatch(folded[0]) and (
            len(texts[0]) >= 25 or ":" in texts[0] or texts[0].startswith(("(", "*", "-"))) and texts[0] != texts[0].upper():
        return "note"                                   # a line of text under the table ('Số liệu tính đến …')
    others = {cells[i].strip() for i in range(len(cells)) if i not in values and cells[i].strip()}
    spans_only = all(f in others for f in figures)      # a heading merged across the figure columns
    if spans_only and len(texts) <= 2 and not any(known(t) for t in texts if not _ORDINAL.fullmatch(fold(t))):
        if any(_ORDINAL.fullmatch(f) or f.endswith(":") or any(p in f for p in _PILLARS) for f in folded) or any(
                t == t.upper() and any(ch.isalpha() for ch in t) for t in texts):
            return "heading"
    return "data"


@dataclass
class Sourced:
    """A sheet's records: cells in the kind's column order, with the Excel row of each and the
    file column of its figure (-1 where a long row's columns are fixed)."""

    records: list[list[str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    pivots: list[int] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)


def _with_year(cell: str, year: int | None) -> str:
    """'Tháng 9' in a period column, with the year the title names: '2026-09' (else as written)."""
    if year is None or not cell or month_header(cell, None) is not None:
        return cell
    period = month_header(cell, year)
    return period.code if period is not None else cell


def build(rows: list[list[str]], layout: Layout, filled: dict[str, str], known: Callable[[str], bool],
          year: int | None = None) -> Sourced:
    """The records of a sheet below its header. filled: canonical column -> the value the title
    block gives for a column the table lacks; year: the one year the title names."""
    names = [c.name for c in layout.kind.columns]
    at = {name: col for col, name in layout.columns.items()}
    if layout.form == "long":
        values = [at[NUMBER[layout.kind.name]]] if NUMBER[layout.kind.name] in at else []
    else:
        values = list(layout.pivots)
    out = Sourced()
    after_signature = False
    header = frozenset(fold(h) for h in layout.headers if h.strip())
    for r in range(layout.header_index + 1, len(rows)):
        cells = rows[r]
        kind = classify(cells, values, r <= layout.header_index + 2, after_signature, known, header)
        if kind == "signature":
            after_signature = True
        if kind != "data":
            if kind != "blank":
                out.skipped[kind] += 1
            continue
        base = {**filled, **{name: (cells[col].strip() if col < len(cells) else "") for name, col in at.items()}}
        if "period" in at:
            base["period"] = _with_year(base["period"], year)
        if layout.form == "long":
            _emit(out, names, base, r + 1, -1)
            continue
        for col, named in layout.pivots.items():
            cell = cells[col].strip() if col < len(cells) else ""
            if not cell:
                continue                   # not reported
            pivot_name, figure = layout.pivot_names
            named = named.code if hasattr(named, "code") else named
            _emit(out, names, {**base, pivot_name: named, figure: cell}, r + 1, col)
    return out


def _emit(out: Sourced, names: list[str], record: dict[str, str], line: int, pivot: int) -> None:
    out.records.append([record.get(n, "") for n in names])
    out.lines.append(line)
    out.pivots.append(pivot)
