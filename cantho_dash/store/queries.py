"""Typed reads: one function per named query in sql/, each returning a DataFrame."""
from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy.engine import Engine

from cantho_dash.store import engine as db
from cantho_dash.domain.catalog import CITY


def _read(engine: Engine, name: str, dates: tuple[str, ...] = (), **params) -> pd.DataFrame:
    with engine.connect() as conn:
        frame = db.read(conn, name, **params)
    for col in dates:  # SQLite hands dates back as text, DuckDB as timestamps
        frame[col] = pd.to_datetime(frame[col]).dt.date
    return frame


def targets(engine: Engine) -> pd.DataFrame:
    """The current targets catalog."""
    return frame_targets(_read(engine, "targets"))


def frame_targets(frame: pd.DataFrame) -> pd.DataFrame:
    """The targets query's rows, typed the same way whatever the store."""
    return frame.assign(deadline=pd.to_datetime(frame["deadline"]).dt.date)


def target_parts(engine: Engine) -> pd.DataFrame:
    """Parts of targets measured in more than one figure."""
    return _read(engine, "target_parts")


def target_labels(engine: Engine) -> pd.DataFrame:
    """Short labels of targets and parts."""
    return _read(engine, "target_labels")


def pillars(engine: Engine) -> pd.DataFrame:
    """The three pillars."""
    return _read(engine, "pillars")


def agencies(engine: Engine) -> pd.DataFrame:
    """All agencies."""
    frame = _read(engine, "agencies")
    return frame.assign(collective=frame["collective"].astype(bool), in_plan=frame["in_plan"].astype(bool))


def wards(engine: Engine) -> pd.DataFrame:
    """The 103 wards and communes."""
    return _read(engine, "wards")


def tasks(engine: Engine) -> pd.DataFrame:
    """The 51 tasks."""
    return _read(engine, "tasks", dates=("due_date",))


def area_series(engine: Engine, as_of: date, area_code: str = CITY) -> pd.DataFrame:
    """Current values of every indicator in one area, up to the as-of date."""
    return _read(engine, "area_series", dates=("period_end",), area_code=area_code, as_of=as_of)


def freshness(engine: Engine, as_of: date) -> dict:
    """The newest upload time and the newest period end."""
    row = _read(engine, "freshness", as_of=as_of).iloc[0]
    return {"uploaded_at": None if pd.isna(row["uploaded_at"]) else pd.Timestamp(row["uploaded_at"]).to_pydatetime(),
            "period_end": None if pd.isna(row["period_end"]) else pd.Timestamp(row["period_end"]).date()}


def data_version(engine: Engine) -> int:
    """A number that changes with every commit, rollback, restore or clear."""
    with engine.connect() as conn:
        return int(db.scalar(conn, "data_version"))


def checksums(engine: Engine) -> dict[str, tuple[int, int]]:
    """name -> (rows, checksum) for every table and current view (DuckDB stores)."""
    frame = _read(engine, "store_checksums")
    return {r.name: (int(r.row_count), int(r.checksum)) for r in frame.itertuples()}


def task_statuses(engine: Engine) -> pd.DataFrame:
    """Every current task status."""
    return _read(engine, "task_statuses", dates=("period_start", "period_end"))


def reported_series(engine: Engine, month_start: date, month_end: date) -> set[str]:
    """The series with a figure covering the month."""
    return set(_read(engine, "reported_series", month_start=month_start, month_end=month_end)["code"])


def reported_tasks(engine: Engine, month_start: date, month_end: date) -> set[int]:
    """The tasks with a status covering the month."""
    return set(_read(engine, "reported_tasks", month_start=month_start, month_end=month_end)["task_no"].astype(int))


def latest_upload(engine: Engine) -> dict | None:
    """The newest active upload of figures, or None."""
    frame = _read(engine, "latest_upload")
    return None if frame.empty else frame.iloc[0].to_dict()


def reported_keys(engine: Engine, month_start: date, month_end: date) -> set[tuple[str, str]]:
    """The (series, area) pairs with a figure covering the month."""
    frame = _read(engine, "reported_keys", month_start=month_start, month_end=month_end)
    return set(zip(frame["code"], frame["area_code"]))


def latest_values(engine: Engine, as_of: date, area: str | None = None) -> pd.DataFrame:
    """The newest figure of every series and area (or of one area) up to the as-of date."""
    return _read(engine, "latest_values", dates=("period_end",), as_of=as_of, area=area)


def unit_score_periods(engine: Engine, unit_kind: str) -> pd.DataFrame:
    """The periods with scores of agencies or wards, newest first."""
    return _read(engine, "unit_score_periods", unit_kind=unit_kind)


def unit_scores_by_kind(engine: Engine, unit_kind: str) -> pd.DataFrame:
    """Every current score of agencies or wards, long form."""
    frame = _read(engine, "unit_scores_by_kind", unit_kind=unit_kind)
    return frame.assign(period_end=pd.to_datetime(frame["period_end"]))


def unit_scores_of_periods(engine: Engine, unit_kind: str, period: str, previous: str) -> pd.DataFrame:
    """The current scores of agencies or wards for two periods."""
    return _read(engine, "unit_scores_of_periods", unit_kind=unit_kind, period=period, previous=previous)


def ward_indicators(engine: Engine) -> pd.DataFrame:
    """code, period, period_start, period_end of every series with ward figures."""
    return _read(engine, "ward_indicators", dates=("period_start", "period_end"))


def ward_series(engine: Engine, code: str, as_of: date) -> pd.DataFrame:
    """Every ward's current figures of one series up to the as-of date."""
    return _read(engine, "ward_series", dates=("period_end",), code=code, as_of=as_of)


def ward_all_series(engine: Engine, area_code: str, as_of: date) -> pd.DataFrame:
    """One ward's current figures of every series up to the as-of date."""
    return _read(engine, "ward_all_series", dates=("period_end",), area_code=area_code, as_of=as_of)
