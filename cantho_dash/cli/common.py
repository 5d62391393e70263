"""What every command needs: the store, opened and brought up to date."""
from __future__ import annotations

import math

from cantho_dash import config
from cantho_dash.store import engine as db
from cantho_dash.store.bootstrap import ensure_ready


def open_store():
    engine = db.make_engine(config.settings().db_url)
    ensure_ready(engine, config.settings())
    return engine


def num(value):
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else round(float(value), 4)
