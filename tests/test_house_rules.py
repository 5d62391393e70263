"""House rules of DESIGN.md that a test can keep: thin pages, SQL only in sql/, no raw HTML from data."""
from __future__ import annotations

import ast
import re

from conftest import ROOT

PAGES = sorted((ROOT / "views").glob("*.py"))
PACKAGE = sorted((ROOT / "cantho_dash").rglob("*.py"))
SQL_WORDS = re.compile(r"^\s*(select\b.+\bfrom\b|insert\s+into\b|delete\s+from\b|update\s+\w+\s+set\b"
                       r"|(create|drop)\s+(table|view)\b)", re.IGNORECASE | re.DOTALL)


def _imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            yield (node.module or "").split(".")[0]


def test_pages_import_only_streamlit_and_the_package():
    assert PAGES
    for page in PAGES:
        assert set(_imports(page)) <= {"streamlit", "cantho_dash"}, page.name


def test_there_is_no_pages_folder():
    # next to an app that calls st.navigation, Streamlit would serve some runs from it in legacy mode
    assert not (ROOT / "pages").exists()


def test_pages_are_short():
    for page in PAGES:
        assert len(page.read_text(encoding="utf-8").splitlines()) <= 110, page.name


def test_app_only_routes():
    assert set(_imports(ROOT / "app.py")) <= {"streamlit", "cantho_dash"}


def test_no_sql_strings_outside_sql_folder():
    for path in [*PAGES, *PACKAGE, ROOT / "app.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL_WORDS.match(node.value):
                raise AssertionError(f"SQL text in {path.relative_to(ROOT)}: {node.value[:60]!r}")


def test_no_unsafe_html():
    for path in [*PAGES, *PACKAGE, ROOT / "app.py"]:
        assert "unsafe_allow_html" not in path.read_text(encoding="utf-8"), path.name

