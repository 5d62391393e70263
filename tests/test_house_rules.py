"""House rules that a test can keep (docs/architecture.md): layers import only layers below them,
pages import only the web boundary, scenes and present; SQL only in sql/; every string key in both
languages and used; no module over 300 lines; no import by string; no private name across modules;
no raw HTML. Each rule is a pure checker over source text, shown failing on a deliberate violation."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conftest import ROOT

PAGES = sorted((ROOT / "views").glob("*.py"))
PACKAGE = sorted((ROOT / "cantho_dash").rglob("*.py"))
BENCH = sorted((ROOT / "bench").glob("*.py"))
TESTS = sorted((ROOT / "tests").glob("*.py"))
CODE = [*PAGES, *PACKAGE, ROOT / "app.py"]
# From the bottom up: a layer imports only the layers before it.
LAYERS = ("config", "words", "domain", "present", "store", "facts", "ingest", "scenes", "export", "web", "cli")
TOP_MODULES = 12
PAGE_IMPORTS = ("cantho_dash.web", "cantho_dash.scenes", "cantho_dash.present")
SQL_WORDS = re.compile(
    r"^\s*(with\s+(recursive\s+)?\w+\s+as\s*\(|select\b.+\bfrom\b|insert\s+(or\s+\w+\s+)?into\b|delete\s+from\b"
    r"|update\s+\w+\s+set\b|merge\s+into\b|copy\s+\w+|alter\s+table\b|truncate\b"
    r"|(create|drop)\s+(or\s+replace\s+)?((temp|temporary)\s+)?(table|view|index|macro|sequence|schema)\b)",
    re.IGNORECASE | re.DOTALL)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _modules(source: str) -> list[str]:
    """Every module a source imports (absolute names)."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            out += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
    return out


def layer_violations(relative: str, source: str) -> list[str]:
    """Imports of cantho_dash/<relative> that do not run down the layers."""
    parts = Path(relative).parts
    here = parts[0].removesuffix(".py") if len(parts) > 1 else Path(relative).stem
    if here in ("__init__", "__main__"):
        return []                                   # the package's face and its entry point
    if here not in LAYERS:
        return [f"{relative}: '{here}' is no layer"]
    bad = []
    for module in _modules(source):
        names = module.split(".")
        if names[0] != "cantho_dash" or len(names) < 2 or names[1] == here:
            continue
        if names[1] not in LAYERS or LAYERS.index(names[1]) > LAYERS.index(here):
            bad.append(f"{relative} imports {module}")
    return bad


def page_violations(source: str) -> list[str]:
    """What a page imports beyond Streamlit, the web boundary, the scenes and present."""
    return [m for m in _modules(source) if m.split(".")[0] != "streamlit" and not m.startswith(PAGE_IMPORTS)
            and m != "cantho_dash"]


def sql_texts(source: str) -> list[str]:
    """String constants (f-string parts included) that are SQL."""
    return [node.value[:60] for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL_WORDS.match(node.value)]


def import_by_string(source: str) -> list[str]:
    """importlib, __import__ or import_module, and dispatch through a string of a module's name."""
    return [m.group(0) for m in re.finditer(r"\bimportlib\b|\b__import__\b|\bimport_module\b|\bui\.call\(", source)]


def private_uses(source: str) -> list[str]:
    """Private names of other modules: `from m import _x`, or `m._x` on an imported module."""
    tree = ast.parse(source)
    imported: set[str] = set()
    bad = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module != "__future__":
            for alias in node.names:
                if alias.name.startswith("_") and not alias.name.startswith("__"):
                    bad.append(f"from {node.module} import {alias.name}")
                imported.add(alias.asname or alias.name)
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in imported
                and node.attr.startswith("_") and not node.attr.startswith("__")):
            bad.append(f"{node.value.id}.{node.attr}")
    return bad


def key_uses(source: str) -> tuple[set[str], set[str]]:
    """(string keys looked up by t/tr/page_header, f-string prefixes looked up) in a source."""
    keys, prefixes = set(), set()
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and node.args):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name not in ("t", "tr", "page_header"):
            continue
        first = node.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            keys.add(first.value)
        elif isinstance(first, ast.JoinedStr) and first.values and isinstance(first.values[0], ast.Constant):
            prefixes.add(first.values[0].value)
    return keys, prefixes


def key_problems(tables: dict[str, dict], sources: list[str]) -> list[str]:
    """Keys missing from a language, looked up but absent, or present but never used."""
    vi, en = (set(tables[lang]) for lang in ("vi", "en"))
    problems = [f"only in Vietnamese: {k}" for k in sorted(vi - en)] + [f"only in English: {k}" for k in sorted(en - vi)]
    used, prefixes, constants = set(), set(), set()
    for source in sources:
        keys, found = key_uses(source)
        used |= keys
        prefixes |= found
        constants |= {n.value for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    problems += [f"looked up, not defined: {k}" for k in sorted(used - vi)]
    problems += [f"no key starts with {p!r}" for p in sorted(prefixes) if not any(k.startswith(p) for k in vi)]
    problems += [f"defined, never used: {k}" for k in sorted(vi) if k not in constants
                 and not any(k.startswith(p) for p in prefixes if p)]
    return problems


def long_modules(paths: list[Path], limit: int = 300) -> list[str]:
    return [f"{p.name}: {n}" for p in paths if (n := len(_read(p).splitlines())) > limit]


# The rules on the project.

def test_layers_import_only_the_layers_below():
    bad = [v for p in PACKAGE for v in layer_violations(str(p.relative_to(ROOT / "cantho_dash")), _read(p))]
    assert bad == []


def test_the_package_top_holds_at_most_a_dozen_modules():
    top = [p.name for p in (ROOT / "cantho_dash").glob("*.py")]
    folders = {p.name for p in (ROOT / "cantho_dash").iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert len(top) <= TOP_MODULES, top
    assert folders <= set(LAYERS), folders


def test_pages_import_only_the_web_boundary_scenes_and_present():
    assert PAGES
    assert {p.name: page_violations(_read(p)) for p in PAGES} == {p.name: [] for p in PAGES}


def test_there_is_no_pages_folder():
    # next to an app that calls st.navigation, Streamlit would serve some runs from it in legacy mode
    assert not (ROOT / "pages").exists()


def test_pages_are_short():
    for page in PAGES:
        assert len(_read(page).splitlines()) <= 110, page.name


def test_app_only_routes():
    assert page_violations(_read(ROOT / "app.py")) == []


def test_no_sql_outside_the_sql_folder():
    found = {str(p.relative_to(ROOT)): sql_texts(_read(p)) for p in [*CODE, *BENCH]}
    assert {k: v for k, v in found.items() if v} == {}


def test_every_key_is_in_both_languages_looked_up_and_used():
    from cantho_dash.words import TABLES

    tables = {p for lang in TABLES for p in (ROOT / "cantho_dash" / "words").glob(f"{lang}*.py")}  # not uses of themselves
    assert key_problems(TABLES, [_read(p) for p in CODE if p not in tables]) == []


def test_no_module_over_300_lines():
    assert long_modules([*CODE, *BENCH, *TESTS]) == []


def test_no_import_by_string():
    assert {str(p.relative_to(ROOT)): import_by_string(_read(p)) for p in CODE if import_by_string(_read(p))} == {}


def test_no_private_name_used_across_modules():
    found = {str(p.relative_to(ROOT)): private_uses(_read(p)) for p in [*CODE, *BENCH]}
    assert {k: v for k, v in found.items() if v} == {}


def test_no_unsafe_html():
    for path in CODE:
        assert "unsafe_allow_html" not in _read(path), path.name


def test_the_code_cites_nothing_outside_the_repository():
    cited = re.compile(r"DESIGN\.md|\bissue #\d+|\.\./shared")
    hits = [str(p.relative_to(ROOT)) for p in [*CODE, *BENCH, *TESTS, *(ROOT / "sql").rglob("*.sql")]
            if p.name != "test_house_rules.py" and cited.search(_read(p))]
    assert hits == []


# Each rule fails on a deliberate violation.

def test_the_layer_rule_catches_an_import_upwards_and_a_stray_folder():
    assert layer_violations("store/queries.py", "from cantho_dash.web import cache\n") == [
        "store/queries.py imports cantho_dash.web", "store/queries.py imports cantho_dash.web.cache"]
    assert layer_violations("domain/status.py", "import cantho_dash.ingest.read\n")
    assert layer_violations("helpers/x.py", "")
    assert layer_violations("web/cache.py", "from cantho_dash.store import queries\n") == []


def test_the_page_rule_catches_a_store_import():
    assert page_violations("from cantho_dash.store import queries\nimport streamlit as st\n") == [
        "cantho_dash.store", "cantho_dash.store.queries"]
    assert page_violations("import pandas\n") == ["pandas"]
    assert page_violations("from cantho_dash.web import cache\nfrom cantho_dash.scenes import league\n") == []


@pytest.mark.parametrize("sql", [
    "select code from targets", "with x as (select 1) select * from x", "create temp table staged as select 1",
    "create or replace temp view v as select 1", "insert into uploads values (1)", "delete from observations",
    "update uploads set status = 'x'", "drop table if exists t", "copy observations from stdin", "alter table t add c int"])
def test_the_sql_rule_catches_sql_in_python(sql):
    assert sql_texts(f"x = {sql!r}\n")
    assert sql_texts(f"x = f{(sql + ' {y}')!r}\n")


def test_the_sql_rule_lets_words_be_words():
    assert sql_texts("x = 'Chọn phường'\ny = 'Cập nhật số liệu'\nz = 'Update the figures'\nw = 'with care'\n") == []


def test_the_key_rule_catches_a_missing_an_unknown_and_an_unused_key():
    tables = {"vi": {"a": "A", "b_x": "B", "c": "C"}, "en": {"a": "A", "b_x": "B"}}
    problems = key_problems(tables, ["t('a')\ntr(f'b_{s}')\nt('zz')\n"])
    assert "only in Vietnamese: c" in problems
    assert "looked up, not defined: zz" in problems
    assert "defined, never used: c" in problems
    assert key_problems({"vi": {"a": "A"}, "en": {"a": "A"}}, ["ui.tr('a')"]) == []


def test_the_size_import_and_private_rules_catch_violations(tmp_path):
    long = tmp_path / "long.py"
    long.write_text("x = 1\n" * 301, encoding="utf-8")
    assert long_modules([long]) == ["long.py: 301"]
    assert import_by_string("import importlib\nimportlib.import_module('cantho_dash.store')\n")
    assert import_by_string("ui.call('leagues', 'ward_status')\n")
    assert private_uses("from cantho_dash.web import chrome\nchrome._demo_active()\n") == ["chrome._demo_active"]
    assert private_uses("from cantho_dash.present.theme import _base\n") == ["from cantho_dash.present.theme import _base"]
    assert private_uses("import pydeck as pdk\npdk.Deck()._tooltip\n") == []  # not a module's own name
    assert private_uses("import pydeck\npydeck._tooltip\n") == ["pydeck._tooltip"]
    assert private_uses("class A:\n    def f(self):\n        return self._x\n") == []
