"""Shared fixtures: a store with the catalog and the demo data, built once per session.

A test or module marked `both_stores` runs on DuckDB and on PostgreSQL (the store_kind parameter);
every other test on DuckDB. Without CANTHO_TEST_PG_URL the PostgreSQL runs are skipped."""
from __future__ import annotations

import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest

import stores
from cantho_dash import config
from cantho_dash.store import engine as db
from cantho_dash.store.bootstrap import ensure_ready

ROOT = Path(__file__).resolve().parents[1]
AS_OF = date(2026, 11, 25)  # the demo data is designed against this day


_TEMPLATES: dict[bool, Path] = {}


def make_store(path: Path, demo: bool = True):
    """A new store at path, as a first start of the app bootstraps it: a copy of one bootstrapped
    once per test process (with or without the demo data), so that each test's own store costs a
    file copy instead of a bootstrap."""
    template = _TEMPLATES.get(demo)
    if template is None:
        template = Path(tempfile.mkdtemp(prefix="cantho-template-")) / "template.duckdb"
        engine = db.make_engine(f"duckdb:///{template.as_posix()}")
        ensure_ready(engine, config.Settings(db_url=str(engine.url), load_demo=demo))
        engine.dispose()            # closed: everything is in the file, nothing in a write-ahead log
        _TEMPLATES[demo] = template
    shutil.copyfile(template, path)
    return db.make_engine(f"duckdb:///{path.as_posix()}")


def pytest_configure(config):
    config.addinivalue_line("markers", "both_stores: run on DuckDB and on PostgreSQL")


def pytest_unconfigure(config):
    for template in _TEMPLATES.values():        # the bootstrapped copies leave nothing in /tmp
        shutil.rmtree(template.parent, ignore_errors=True)


def pytest_generate_tests(metafunc):
    if "store_kind" in metafunc.fixturenames:
        both = metafunc.definition.get_closest_marker("both_stores")
        metafunc.parametrize("store_kind", ["duckdb", "postgresql"] if both else ["duckdb"], indirect=True,
                             scope="session")


@pytest.fixture(scope="session")
def store_kind(request) -> str:
    """duckdb or postgresql: the store the test runs on."""
    if request.param == "postgresql" and not stores.PG_URL:
        if os.environ.get("CANTHO_REQUIRE_PG"):
            pytest.fail("CI must run the PostgreSQL tests: CANTHO_TEST_PG_URL is not set")
        pytest.skip("no PostgreSQL server (scripts/test.sh starts one and sets CANTHO_TEST_PG_URL)")
    return request.param


@pytest.fixture(scope="session")
def store_url(store_kind, tmp_path_factory) -> str:
    """The URL of the session's demo store (read it; don't write to it)."""
    if store_kind == "postgresql":
        url = stores.pg_store()
        yield url
        stores.drop_pg_database(url)
        return
    path = tmp_path_factory.mktemp("store") / "cantho.duckdb"
    make_store(path).dispose()
    yield f"duckdb:///{path.as_posix()}"


@pytest.fixture(scope="session")
def store_path(store_kind, store_url) -> Path:
    """The path of the session's demo store (DuckDB)."""
    if store_kind != "duckdb":
        pytest.skip("a DuckDB file only")
    return Path(store_url.removeprefix("duckdb:///"))


@pytest.fixture(scope="session")
def engine(store_url):
    """An engine on the session's demo store (read it; don't write to it)."""
    engine = db.make_engine(store_url)
    yield engine
    engine.dispose()


@pytest.fixture()
def new_store_url(store_kind, tmp_path):
    """A factory of URLs of new, empty stores of the test's kind (a first start bootstraps them)."""
    made = []

    def make(name: str = "new") -> str:
        if store_kind == "postgresql":
            made.append(stores.new_pg_database())
            return made[-1]
        return f"duckdb:///{(tmp_path / f'{name}.duckdb').as_posix()}"

    yield make
    for url in made:
        stores.drop_pg_database(url)


@pytest.fixture()
def fresh_engine(store_kind, tmp_path):
    """A store of this test's own, with the demo data, to write to."""
    if store_kind == "postgresql":
        url = stores.pg_store()
        engine = db.make_engine(url)
        yield engine
        engine.dispose()
        stores.drop_pg_database(url)
        return
    engine = make_store(tmp_path / "own.duckdb")
    yield engine
    engine.dispose()


@pytest.fixture()
def app_env(monkeypatch, store_url, tmp_path):
    """Environment for AppTest runs of app.py on the session's store, as of the demo day, with an
    accounts file of the test's own."""
    monkeypatch.setenv("CANTHO_USERS_FILE", str(tmp_path / "users.json"))
    monkeypatch.setenv("CANTHO_DB_URL", store_url)
    monkeypatch.setenv("CANTHO_AS_OF", AS_OF.isoformat())
    monkeypatch.chdir(ROOT)


ANALYST = ("lan.nguyen", "mật-khẩu-phân-tích")
ADMIN = ("quan.tri", "mật-khẩu-quản-trị")


def add_accounts(path) -> None:
    """An analyst and an admin in the accounts file at path."""
    from cantho_dash.store import accounts as auth

    accounts = auth.Accounts(path)
    accounts.add(*ANALYST[:1], "analyst", ANALYST[1])
    accounts.add(*ADMIN[:1], "admin", ADMIN[1])


def sign_in(at, account, key: str = "login_analyst"):
    """Fill in and submit the sign-in form of an AppTest page."""
    at.text_input(key=f"{key}_name").set_value(account[0])
    at.text_input(key=f"{key}_password").set_value(account[1])
    next(b for b in at.button if b.label in ("Đăng nhập", "Sign in")).click()
    return at.run()


@pytest.fixture()
def office_store(fresh_engine, tmp_path, monkeypatch):
    """A fresh store whose uploads are archived under tmp_path, on 25/11/2026."""
    monkeypatch.setenv("CANTHO_UPLOAD_DIR", str(tmp_path / "uploads"))
    monkeypatch.setenv("CANTHO_AS_OF", "2026-11-25")
    return fresh_engine


@pytest.fixture(scope="session")
def dashboard(tmp_path_factory):
    """One `streamlit run app.py` shared by the browser tests: its own store with the demo data, an
    accounts file and an upload folder, as of the demo day. Yields url, env (CANTHO_*), db and folder."""
    from browser import streamlit_server

    folder = tmp_path_factory.mktemp("dashboard")
    env = {"CANTHO_AS_OF": AS_OF.isoformat(), "CANTHO_USERS_FILE": str(folder / "users.json"),
           "CANTHO_UPLOAD_DIR": str(folder / "archive")}
    make_store(folder / "cantho.duckdb").dispose()
    with streamlit_server(folder / "cantho.duckdb", env) as url:
        yield {"url": url, "env": env, "db": folder / "cantho.duckdb", "folder": folder}


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium through Playwright (one per test module)."""
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM_FLAGS, chromium_path

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()
