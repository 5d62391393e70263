"""Parse the appendices of Plan 224/KH-UBND from its committed text, to check the catalog."""
from __future__ import annotations

import re
from pathlib import Path

PLAN_TEXT = Path(__file__).resolve().parents[1] / "data" / "catalog" / "source" / "plan-224-KH-UBND-2025.txt"
TARGETS_HEADING = "PHÂN CÔNG TRIỂN KHAI MỤC TIÊU"
TASKS_HEADING = "PHÂN CÔNG TRIỂN KHAI NHIỆM VỤ"


def _rows(block: str, width: int) -> list[list[str]]:
    """Split one appendix table (cells end with ' |', rows start with an empty cell) into rows."""
    cells = [c.strip() for c in block.split("|\n")]
    rows, i = [], 0
    while i < len(cells):
        if cells[i].isdigit() and i + width <= len(cells):
            rows.append([" ".join(c.split()) for c in cells[i:i + width]])
            i += width
        else:
            i += 1
    return rows


def appendix_rows() -> tuple[list[list[str]], list[list[str]]]:
    """(Appendix I rows: no, target, lead, coordinators; Appendix II rows: no, task, lead, coordinators, deadline)."""
    text = PLAN_TEXT.read_text(encoding="utf-8")
    i, j = text.index(TARGETS_HEADING), text.index(TASKS_HEADING)
    end = text.index("Đăng xuất", j) if "Đăng xuất" in text[j:] else len(text)
    return _rows(text[i:j], 4), _rows(text[j:end], 5)


def agency_list(cell: str) -> str:
    """An agency cell of the plan as the catalog writes it: the names as in the plan, joined by '; '.

    Bulleted cells ('- A; - B.') are split at the bullets; plain cells only at ';', because one
    name has a dash of its own ('Ngân hàng Nhà nước Việt Nam - Chi nhánh khu vực 14').
    """
    cell = cell.strip().rstrip(".;").strip()
    if cell.startswith("- "):
        parts = re.split(r";\s*(?:-\s+)?|,\s+-\s+|\s+-\s+", cell[2:])
    else:
        parts = cell.split(";")
    return "; ".join(p.strip().rstrip(".;").strip() for p in parts if p.strip(" -.;"))
