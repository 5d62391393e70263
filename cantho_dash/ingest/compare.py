"""What an upload would change: new, changed and unchanged rows against the current values, the
biggest changes, and the targets whose status would change."""
from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd
from sqlalchemy.engine import Engine

from cantho_dash.domain.catalog import CITY
from cantho_dash.facts import targets as target_facts
from cantho_dash.ingest.stage import Staged
from cantho_dash.store import engine as db, queries


def diff(engine: Engine, kind: str, rows, top: bool = True) -> tuple[dict, pd.DataFrame | None]:
    """(new/changed/unchanged counts, the ten biggest changes) of staged rows against current values."""
    with engine.connect() as conn:
        return diff_in(conn, kind, rows, top)


def diff_in(conn, kind: str, rows, top: bool = True) -> tuple[dict, pd.DataFrame | None]:
    """As diff, on a connection; rows None: the staged rows are the view staged_rows of conn."""
    if kind == "targets":
        return _diff_targets(conn, (rows if rows is not None else db.native(conn).sql(
            db.load_sql("staged_rows")).to_arrow_table()).to_pandas())
    if db.is_duckdb(conn):
        duck = db.native(conn)
    else:  # another store: compare in DuckDB against a copy of the current values
        duck = duckdb.connect()
        duck.register(f"{kind}_current", db.read(conn, f"current_{kind}"))
    if rows is not None:
        duck.register("staged_rows", rows)
    try:
        staged_here = rows is None and kind == "observations"  # matched on the upload's integer keys
        counts = duck.execute(db.load_sql(f"diff_staged_{kind}" if staged_here else f"diff_{kind}")).df().iloc[0].to_dict()
        top = duck.execute(db.load_sql(f"diff_top_{kind}")).df() if top else None
    finally:
        if rows is not None:
            duck.unregister("staged_rows")
    return {k.removeprefix("rows_"): int(v) for k, v in counts.items()}, top


def _diff_targets(conn, new: pd.DataFrame) -> tuple[dict, pd.DataFrame]:
    current = queries.frame_targets(db.read(conn, "targets")).set_index("code")
    fields = ["plan_no", "pillar", "name_vi", "name_en", "unit", "comparator", "target_value", "deadline",
              "lead_agency", "coordinating_agencies"]
    counts = {"new": 0, "changed": 0, "unchanged": 0}
    changes = []
    for row in new.to_dict("records"):
        if row["code"] not in current.index:
            counts["new"] += 1
            continue
        old = current.loc[row["code"]]
        differs = [f for f in fields if str(old[f] or "") != str(row[f] or "")]
        counts["changed" if differs else "unchanged"] += 1
        if "target_value" in differs:
            changes.append({"code": row["code"], "old_value": old["target_value"], "new_value": row["target_value"]})
    top = pd.DataFrame(changes, columns=["code", "old_value", "new_value"])
    return counts, top.reindex((top["new_value"] - top["old_value"]).abs().sort_values(ascending=False).index).head(10)


def status_changes(engine: Engine, kind: str, rows, as_of: date) -> pd.DataFrame:
    """The targets whose status the upload would change, on the as-of date."""
    cols = ["code", "status_before", "status_after", "value_before", "value_after"]
    if kind not in ("observations", "targets"):
        return pd.DataFrame(columns=cols)
    before = target_facts.target_status(engine, as_of)
    if kind == "observations":
        frame = rows.to_pandas()
        city = frame[frame["area_code"] == CITY].rename(columns={"indicator_code": "code"})
        city = city.assign(period_end=pd.to_datetime(city["period_end"]).dt.date)
        after = target_facts.target_status(engine, as_of, overlay=city[["code", "period", "period_end", "value"]])
    else:
        after = target_facts.target_status(engine, as_of, targets=rows.to_pandas())
    merged = before[["code", "status", "value"]].merge(after[["code", "status", "value"]], on="code",
                                                          how="outer", suffixes=("_before", "_after"))
    return merged[merged["status_before"].fillna("") != merged["status_after"].fillna("")][cols].reset_index(drop=True)


def diff_parts(engine: Engine, staged: Staged) -> tuple[dict, pd.DataFrame | None]:
    """The new/changed/unchanged counts of every kind of an upload, summed, and the biggest changes
    of its first kind."""
    counts, tops = {"new": 0, "changed": 0, "unchanged": 0}, []
    for part in staged.each:
        found, top = part.compared or diff(engine, part.kind, part.rows_to_commit)
        counts = {k: counts[k] + found.get(k, 0) for k in counts}
        tops.append(top)
    return counts, tops[0]
