"""What the pages and the CLI show: catalog joined with current values and their status."""
from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy.engine import Engine

from . import catalog, config, queries, status
from .catalog import CITY


def rules() -> status.Rules:
    """The status rules with this installation's settings."""
    return status.Rules(stale_days=config.settings().stale_days)


def indicator_catalog(engine: Engine) -> pd.DataFrame:
    """The measurable series of the current catalog (targets, or their parts)."""
    return catalog.indicators(queries.targets(engine), queries.target_parts(engine))


def indicator_status(engine: Engine, as_of: date, area_code: str = CITY) -> pd.DataFrame:
    """Status of every indicator (parts included) in one area."""
    specs = indicator_catalog(engine)
    series = queries.area_series(engine, as_of, area_code)
    return status.evaluate(series, specs, as_of, rules()).pipe(with_labels, queries.target_labels(engine))


def target_status(engine: Engine, as_of: date, overlay: pd.DataFrame | None = None,
                  targets: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per target of the catalog, with its status and the agencies that lead it.

    overlay (code, period, period_end, value) and targets let a preview show the statuses that
    an upload would give, before it is committed.
    """
    targets = queries.targets(engine) if targets is None else targets
    specs = catalog.indicators(targets, queries.target_parts(engine))
    history = queries.area_series(engine, as_of, CITY)
    if overlay is not None and len(overlay):
        history = (pd.concat([history, overlay], ignore_index=True)
                   .drop_duplicates(["code", "period"], keep="last"))
    per_indicator = status.evaluate(history, specs, as_of, rules())
    combined = status.combine_parts(per_indicator, specs)
    keep = ["code", "period", "period_end", "value", "baseline", "baseline_end", "expected", "projected",
            "behind", "pace_gap", "age_days", "met", "status", "parts", "decided_by"]
    out = targets.merge(combined[keep], on="code", how="left").pipe(with_labels, queries.target_labels(engine))
    index = catalog.agency_index()
    out["lead_codes"] = out["lead_agency"].map(lambda cell: [index.code(n) or n for n in catalog.split_agency_list(cell)])
    return out.sort_values("plan_no", ignore_index=True)


def with_labels(frame: pd.DataFrame, labels: pd.DataFrame) -> pd.DataFrame:
    """Add short_vi/short_en to rows keyed by code; a code without a label is its own label."""
    out = frame.drop(columns=["short_vi", "short_en"], errors="ignore").merge(labels, on="code", how="left")
    for col in ("short_vi", "short_en"):
        out[col] = out[col].fillna(out["code"])
    return out


def series(engine: Engine, as_of: date, area_code: str = CITY) -> pd.DataFrame:
    """The value history of every indicator in one area (for trend charts)."""
    return queries.area_series(engine, as_of, area_code)


def lead_agency_counts(targets: pd.DataFrame) -> pd.DataFrame:
    """Per lead agency: how many of its targets are off track, at risk, or in total."""
    exploded = targets.explode("lead_codes")
    counts = pd.crosstab(exploded["lead_codes"], exploded["status"])
    for col in status.STATUSES:
        if col not in counts:
            counts[col] = 0
    counts["total"] = counts[list(status.STATUSES)].sum(axis=1)
    return (counts.reset_index().rename(columns={"lead_codes": "agency_code"})
            .sort_values(["off_track", "at_risk", "total"], ascending=False, ignore_index=True))


def behind_pace(targets: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """The n targets furthest behind their expected path (not achieved, with a value)."""
    candidates = targets[targets["pace_gap"].notna() & ~targets["met"].fillna(False).astype(bool)]
    return candidates.sort_values("pace_gap", ascending=False).head(n)


def status_counts(targets: pd.DataFrame) -> dict[str, int]:
    """How many targets are in each status, every status present (zeros included)."""
    counts = targets["status"].value_counts()
    return {s: int(counts.get(s, 0)) for s in status.STATUSES}


def filter_targets(targets: pd.DataFrame, pillar: str | None = None, agency: str | None = None,
                   statuses: list[str] | None = None) -> pd.DataFrame:
    """The targets of one pillar, led by one agency, in some statuses (None: no filter)."""
    keep = pd.Series(True, index=targets.index)
    if pillar:
        keep &= targets["pillar"] == pillar
    if agency:
        keep &= targets["lead_codes"].map(lambda codes: agency in codes)
    if statuses:
        keep &= targets["status"].isin(statuses)
    return targets[keep]


def lead_agencies(targets: pd.DataFrame) -> list[str]:
    """The codes of the agencies that lead at least one target, most targets first."""
    return targets.explode("lead_codes")["lead_codes"].value_counts().index.tolist()


def indicator_history(history: pd.DataFrame, target_row: dict) -> pd.DataFrame:
    """The values of the series that decides a target's status (its weakest part, if it has parts)."""
    code = target_row.get("decided_by") or target_row["code"]
    return history[history["code"] == code]


def latest_note(history: pd.DataFrame) -> tuple[str, str] | None:
    """(period, note) of the newest period of a series that carries a note, or None."""
    if "note" not in history:
        return None
    noted = history[history["note"].fillna("").str.strip() != ""]
    if noted.empty:
        return None
    last = noted.sort_values("period_end").iloc[-1]
    return last["period"], last["note"]


def task_register(engine: Engine, as_of: date) -> pd.DataFrame:
    """The 51 tasks with their state on the as-of date, and their lead agencies' codes."""
    from . import tasks

    table = tasks.register(queries.tasks(engine), queries.task_statuses(engine), as_of)
    index = catalog.agency_index()
    table["lead_codes"] = table["lead_agency"].map(lambda cell: [index.code(n) or n for n in catalog.split_agency_list(cell)])
    return table


def duties(engine: Engine):
    """Who leads what, against the store's catalog."""
    from .scope import build_duties

    return build_duties(queries.targets(engine), queries.target_parts(engine), queries.tasks(engine),
                        queries.agencies(engine), queries.wards(engine), catalog.read_ward_series())


def _done_once(engine: Engine, as_of: date) -> set[int]:
    table = task_register(engine, as_of)
    return set(table.loc[(table["status"] == "done") & (table["recurrence"] == "once"), "task_no"].astype(int))


def reporting(engine: Engine, as_of: date) -> pd.DataFrame:
    """Every reporting unit (departments and wards) with what it owes on the month before the as-of
    month, what is in, and its state (reporting.compliance)."""
    from . import reporting as rules

    _, start, end = rules.reporting_period(as_of)
    return rules.compliance(duties(engine), queries.wards(engine)["code"].tolist(),
                            queries.reported_keys(engine, start, end), queries.reported_tasks(engine, start, end),
                            _done_once(engine, as_of), as_of)


def reporting_compliance(engine: Engine, as_of: date) -> pd.DataFrame:
    """The lead agencies (departments) and their reporting state on the month before the as-of month."""
    frame = reporting(engine, as_of)
    return frame[frame["unit_type"] == "department"].rename(columns={"unit_code": "agency_code"}).reset_index(drop=True)


def unit_report(engine: Engine, unit: str, as_of: date) -> pd.DataFrame:
    """What a unit owes for the month before the as-of month, one row per item: kind, code, area,
    its last value and period (or task status and progress), and whether this month is in."""
    from . import reporting as rules

    _, start, end = rules.reporting_period(as_of)
    wards = queries.wards(engine)["code"].tolist()
    items = rules.owed(unit, duties(engine), wards, _done_once(engine, as_of))
    latest = queries.latest_values(engine, as_of, unit if rules.is_ward(unit) else None)
    latest = latest.set_index(["code", "area_code"])
    statuses = queries.task_statuses(engine)
    statuses = statuses[pd.to_datetime(statuses["period_start"]).dt.date <= as_of].sort_values("period_end")
    newest = statuses.groupby("task_no").tail(1).set_index("task_no")
    series_in, tasks_in = queries.reported_keys(engine, start, end), queries.reported_tasks(engine, start, end)
    rows = []
    for item in items:
        row = {"kind": item.kind, "code": item.code, "area": item.area, "is_in": rules.is_in(item, series_in, tasks_in)}
        if item.kind == "observations":
            last = latest.loc[(item.code, item.area)] if (item.code, item.area) in latest.index else None
            row |= {"last_value": None if last is None else float(last["value"]),
                    "last_period": None if last is None else last["period"]}
        else:
            last = newest.loc[int(item.code)] if int(item.code) in newest.index else None
            row |= {"last_period": None if last is None else last["period"],
                    "last_status": None if last is None else last["status"],
                    "last_progress": None if last is None else last["progress_pct"]}
        rows.append(row)
    return pd.DataFrame(rows, columns=["kind", "code", "area", "is_in", "last_value", "last_period", "last_status",
                                       "last_progress"])
