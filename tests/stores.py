"""The stores the tests run on: DuckDB files, and databases of a PostgreSQL server when
CANTHO_TEST_PG_URL names one (scripts/test.sh starts one from Debian's package and sets it).
A PostgreSQL store is a database copied from a template that was bootstrapped once per process."""
from __future__ import annotations

import itertools
import os

import sqlalchemy as sa

PG_URL = os.environ.get("CANTHO_TEST_PG_URL", "")
_names = itertools.count()
_templates: dict[bool, str] = {}


def _admin():
    return sa.create_engine(PG_URL, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)


def pg_url(name: str) -> str:
    """The URL of one database of the test server."""
    return str(sa.engine.make_url(PG_URL).set(database=name).render_as_string(hide_password=False))


def new_pg_database(template: str | None = None) -> str:
    """A new database (a copy of template, if given); returns its URL."""
    name = f"cantho_{os.getpid()}_{next(_names)}"
    with _admin().connect() as conn:
        conn.exec_driver_sql(f'create database "{name}"' + (f' template "{template}"' if template else ""))
    return pg_url(name)


def drop_pg_database(url: str) -> None:
    """Drop a test database, closing what still uses it."""
    name = sa.engine.make_url(url).database
    with _admin().connect() as conn:
        conn.exec_driver_sql(f'drop database if exists "{name}" with (force)')


def pg_store(demo: bool = True) -> str:
    """A new PostgreSQL store as a first start bootstraps it (a copy of this process's template)."""
    if demo not in _templates:
        from cantho_dash import config
        from cantho_dash.store import engine as db
        from cantho_dash.store.bootstrap import ensure_ready

        url = new_pg_database()
        engine = db.make_engine(url)
        ensure_ready(engine, config.Settings(db_url=url, load_demo=demo))
        engine.dispose()
        _templates[demo] = sa.engine.make_url(url).database
    return new_pg_database(_templates[demo])
