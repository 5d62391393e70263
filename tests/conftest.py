"""Shared fixtures: a DuckDB store with the catalog and the demo data, built once per session."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cantho_dash import config
from cantho_dash.store import engine as db
from cantho_dash.store.bootstrap import ensure_ready

ROOT = Path(__file__).resolve().parents[1]
AS_OF = date(2026, 11, 25)  # the demo data is designed against this day


def make_store(path: Path, demo: bool = True):
    """A new store at path, bootstrapped like a first start of the app."""
    engine = db.make_engine(f"duckdb:///{path.as_posix()}")
    ensure_ready(engine, config.Settings(db_url=str(engine.url), load_demo=demo))
    return engine


@pytest.fixture(scope="session")
def store_path(tmp_path_factory) -> Path:
    """The path of the session's demo store."""
    path = tmp_path_factory.mktemp("store") / "cantho.duckdb"
    make_store(path).dispose()
    return path


@pytest.fixture(scope="session")
def engine(store_path):
    """An engine on the session's demo store (read it; don't write to it)."""
    engine = db.make_engine(f"duckdb:///{store_path.as_posix()}")
    yield engine
    engine.dispose()


@pytest.fixture()
def fresh_engine(tmp_path):
    """A store of this test's own, with the demo data, to write to."""
    engine = make_store(tmp_path / "own.duckdb")
    yield engine
    engine.dispose()


@pytest.fixture()
def app_env(monkeypatch, store_path, tmp_path):
    """Environment for AppTest runs of app.py on the session's store, as of the demo day, with an
    accounts file of the test's own."""
    monkeypatch.setenv("CANTHO_USERS_FILE", str(tmp_path / "users.json"))
    monkeypatch.setenv("CANTHO_DB_URL", f"duckdb:///{store_path.as_posix()}")
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
