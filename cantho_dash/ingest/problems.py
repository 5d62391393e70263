"""The one exception of reading a file that cannot be read as a whole."""
from __future__ import annotations


class FileProblem(Exception):
    """The file as a whole cannot be read; code names the reason (see report.MESSAGES)."""

    def __init__(self, code: str, hint: str = "", rows: list[dict] | None = None, sheet: str = ""):
        super().__init__(code)
        self.code, self.hint, self.rows, self.sheet = code, hint, rows, sheet   # rows: line, column, value
